import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Engine } from "../../../storage/tsdb/engine.ts";
import { CRASH_BUCKET, CRASH_POINTS, CRASH_T0 } from "./crash-writer.ts";
import { readColumn } from "./read-back.ts";

const dir = mkdtempSync(join(tmpdir(), "strata-crash-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BUN = process.execPath;
const WRITER = join(import.meta.dir, "crash-writer.ts");

/** Runs the writer until `killWhen` says so, SIGKILLs it, and returns the acknowledged batch numbers. */
async function runAndKill(firstK: number, mode: string, killWhen: (line: string, elapsedMs: number) => boolean): Promise<number[]> {
  const child = Bun.spawn([BUN, WRITER, dir, String(firstK), mode], { stdout: "pipe", stderr: "inherit" });
  const acked: number[] = [];
  const started = performance.now();
  const decoder = new TextDecoder();
  let pending = "";
  const reader = child.stdout.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    pending += decoder.decode(value, { stream: true });
    const lines = pending.split("\n");
    pending = lines.pop()!;
    let kill = false;
    for (const line of lines) {
      if (line.startsWith("ack ")) acked.push(Number(line.slice(4)));
      if (killWhen(line, performance.now() - started)) kill = true;
    }
    if (kill) {
      child.kill("SIGKILL");
      break;
    }
  }
  await child.exited;
  return acked;
}

/** Every acknowledged batch is present once with its values; nothing present was never written. */
async function verify(acked: Set<number>, maxAttempted: number): Promise<number> {
  const engine = await Engine.open({ dataDir: dir, blockPoints: 16, flushBytes: 16 * 1024, compactSegments: 3 });
  let maxSeen = -1;
  try {
    for (let i = 0; i < CRASH_POINTS; i++) {
      const rows = readColumn(engine, CRASH_BUCKET, `crash,host=h${i}`, "v");
      const ks = rows.map(([t]) => Number((t - CRASH_T0) / 1_000_000_000n));
      expect(new Set(ks).size).toBe(ks.length);
      rows.forEach(([, v], j) => expect(v).toBe(ks[j] + i / 100));
      const seen = new Set(ks);
      for (const k of acked) if (!seen.has(k)) throw new Error(`acknowledged batch ${k} lost for host h${i}`);
      for (const k of ks) expect(k).toBeLessThanOrEqual(maxAttempted);
      maxSeen = Math.max(maxSeen, ...ks);
    }
  } finally {
    // A crash may come at any moment in the next round too: leave the files as a kill would.
    await engine.close();
  }
  return maxSeen;
}

test("SIGKILL at random moments during ingest loses no acknowledged point (20 rounds)", async () => {
  const acked = new Set<number>();
  let next = 0;
  for (let round = 0; round < 20; round++) {
    const killAfterMs = 150 + Math.random() * 350;
    const got = await runAndKill(next, "ingest", (_line, elapsed) => elapsed >= killAfterMs);
    for (const k of got) acked.add(k);
    const maxAttempted = next + got.length + 1000;
    const maxSeen = await verify(acked, maxAttempted);
    next = Math.max(maxSeen, ...got) + 1;
  }
  expect(acked.size).toBeGreaterThan(100);
}, 120_000);

test("SIGKILL during compaction loses nothing and leaves no half state", async () => {
  const acked = new Set<number>();
  let next = 1_000_000;
  for (let round = 0; round < 5; round++) {
    let sawCompacting = false;
    const delayMs = Math.random() * 20;
    let compactingAt = 0;
    const got = await runAndKill(next, "compact", (line, elapsed) => {
      if (line === "compacting") {
        sawCompacting = true;
        compactingAt = elapsed;
      }
      return sawCompacting && elapsed - compactingAt >= delayMs;
    });
    expect(sawCompacting).toBe(true);
    for (const k of got) acked.add(k);
    const maxSeen = await verify(acked, next + got.length + 1000);
    next = Math.max(maxSeen, ...got) + 1;
  }
}, 120_000);
