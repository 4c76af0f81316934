import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compactionKillRound, crashState, ingestKillRound } from "./crash-harness.ts";

const state = crashState(mkdtempSync(join(tmpdir(), "strata-crash-")));
afterAll(() => rmSync(state.dir, { recursive: true, force: true }));

test("SIGKILL at random moments during ingest loses no acknowledged point (20 rounds)", async () => {
  for (let round = 0; round < 20; round++) await ingestKillRound(state);
  expect(state.acked.size).toBeGreaterThan(100);
}, 120_000);

test("SIGKILL during compaction loses nothing and leaves no half state (5 rounds)", async () => {
  for (let round = 0; round < 5; round++) await compactionKillRound(state);
}, 120_000);
