/**
 * Kill-and-verify rounds against the crash writer (crash-writer.ts), shared by the crash test and
 * the soak script (bench/soak-crash.ts).
 */
import { expect } from "bun:test";
import { join } from "node:path";
import { Engine } from "../../../storage/tsdb/engine.ts";
import { CRASH_BUCKET, CRASH_POINTS, CRASH_T0 } from "./crash-writer.ts";
import { readColumn } from "./read-back.ts";

const WRITER = join(import.meta.dir, "crash-writer.ts");
const ENGINE_OPTIONS = { blockPoints: 16, flushBytes: 16 * 1024, compactSegments: 3 };

/** Runs the writer until `killWhen` says so, SIGKILLs it, and returns the acknowledged batch numbers. */
export async function runAndKill(dir: string, firstK: number, mode: "ingest" | "compact", killWhen: (line: string, elapsedMs: number) => boolean): Promise<number[]> {
  const child = Bun.spawn([process.execPath, WRITER, dir, String(firstK), mode], { stdout: "pipe", stderr: "inherit" });
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

/** Every acknowledged batch is present once with its values; nothing present was never written. Returns the highest batch seen. */
export async function verifyAcknowledged(dir: string, acked: Set<number>, maxAttempted: number): Promise<number> {
  const engine = await Engine.open({ dataDir: dir, ...ENGINE_OPTIONS });
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
    await engine.close();
  }
  return maxSeen;
}

/** What the rounds against one data directory have established so far. */
export interface CrashState {
  dir: string;
  acked: Set<number>;
  /** First batch number of the next round. */
  next: number;
  /** Highest batch number any writer may have sent. */
  maxAttempted: number;
}

export function crashState(dir: string): CrashState {
  return { dir, acked: new Set(), next: 0, maxAttempted: -1 };
}

async function afterRound(state: CrashState, got: number[]): Promise<void> {
  for (const k of got) state.acked.add(k);
  // The writer may have written up to one batch past its last acknowledgement.
  state.maxAttempted = Math.max(state.maxAttempted, state.next + got.length + 1000);
  const maxSeen = await verifyAcknowledged(state.dir, state.acked, state.maxAttempted);
  state.next = Math.max(state.maxAttempted, maxSeen) + 1;
}

/** One kill at a random moment of continuous ingest. */
export async function ingestKillRound(state: CrashState): Promise<void> {
  const killAfterMs = 150 + Math.random() * 350;
  await afterRound(state, await runAndKill(state.dir, state.next, "ingest", (_line, elapsed) => elapsed >= killAfterMs));
}

/** One kill shortly after a compaction starts. */
export async function compactionKillRound(state: CrashState): Promise<void> {
  let compactingAt = -1;
  const delayMs = Math.random() * 20;
  const got = await runAndKill(state.dir, state.next, "compact", (line, elapsed) => {
    if (line === "compacting") compactingAt = elapsed;
    return compactingAt >= 0 && elapsed - compactingAt >= delayMs;
  });
  expect(compactingAt).toBeGreaterThanOrEqual(0);
  await afterRound(state, got);
}
