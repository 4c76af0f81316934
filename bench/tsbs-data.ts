import { existsSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** Where the steering repo's shared bench tools live (a sibling of this repo, as CI lays it out). */
export const SHARED_BENCH = resolve(import.meta.dir, "../../shared/bench");

/**
 * Path of the TSBS cpu-only data set for these arguments, generated with the shared generator
 * (`gen.mjs`) the first time it is asked for.
 */
export function tsbsFile(hosts: number, hours: number, extra: string[] = []): string {
  const path = join(tmpdir(), `strata-tsbs-h${hosts}-${hours}h${extra.join("")}.lp`);
  if (!existsSync(path) || statSync(path).size === 0) {
    console.error(`generating ${path} ...`);
    const r = Bun.spawnSync(["node", join(SHARED_BENCH, "gen.mjs"), "--hosts", String(hosts), "--hours", String(hours), "--seed", "1", "--out", path, ...extra], { stderr: "inherit", stdout: "inherit" });
    if (r.exitCode !== 0) throw new Error(`gen.mjs failed with exit code ${r.exitCode}`);
  }
  return path;
}

/** Streams a line-protocol file as batches of `lines` whole lines, as an HTTP loader would cut them. */
export async function* lineBatches(path: string, lines: number): AsyncGenerator<Uint8Array> {
  let carry = new Uint8Array(0);
  let count = 0;
  let start = 0;
  for await (const chunk of Bun.file(path).stream()) {
    const buf = new Uint8Array(carry.length + chunk.length);
    buf.set(carry);
    buf.set(chunk, carry.length);
    start = 0;
    for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) {
      if (++count === lines) {
        yield buf.slice(start, i + 1);
        start = i + 1;
        count = 0;
      }
    }
    carry = buf.slice(start);
  }
  if (carry.length > 0) yield carry;
}
