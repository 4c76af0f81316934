/**
 * Crash soak: many more SIGKILL rounds than the test suite runs, against one growing data
 * directory — four kills during ingest, then one during a compaction, over and over.
 *
 *   bun run soak:crash [--rounds 200]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { compactionKillRound, crashState, ingestKillRound } from "../tests/storage/tsdb/crash-harness.ts";

const { values: args } = parseArgs({ options: { rounds: { type: "string", default: "200" } } });
const rounds = Number(args.rounds);
const state = crashState(mkdtempSync(join(tmpdir(), "strata-soak-")));
const started = performance.now();
try {
  for (let round = 1; round <= rounds; round++) {
    await (round % 5 === 0 ? compactionKillRound(state) : ingestKillRound(state));
    if (round % 10 === 0 || round === rounds) {
      console.log(`${round}/${rounds} rounds, ${state.acked.size} acknowledged batches verified, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
  }
  console.log(`soak passed: ${rounds} kill rounds, nothing acknowledged was lost`);
} finally {
  rmSync(state.dir, { recursive: true, force: true });
}
