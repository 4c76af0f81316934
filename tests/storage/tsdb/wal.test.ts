import { afterEach, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "../../../storage/tsdb/engine-logger.ts";
import { Wal } from "../../../storage/tsdb/wal/wal.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "strata-wal-"));
  dirs.push(d);
  return d;
}

test("a rotation goes through while appends keep the queue busy, and every record replays in order", async () => {
  const dir = tempDir();
  const wal = new Wal(dir, silentLogger);
  await wal.rotate();
  let seq = 0;
  let stop = false;
  // Four writers that always have an append queued: the WAL never runs out of work.
  const writers = Array.from({ length: 4 }, async () => {
    while (!stop) {
      const s = ++seq;
      await wal.append(new Uint8Array(new Float64Array([s]).buffer), s, true);
    }
  });
  for (let i = 0; i < 3; i++) {
    const before = seq;
    while (seq < before + 20) await Bun.sleep(1);
    await wal.rotate();
  }
  stop = true;
  await Promise.all(writers);
  await wal.close();

  const replayed: number[] = [];
  const reopened = new Wal(dir, silentLogger);
  await reopened.replay((payload) => {
    const s = new Float64Array(payload.slice().buffer)[0];
    replayed.push(s);
    return s;
  });
  expect(reopened.fileIds().length).toBe(4);
  expect(replayed).toEqual(Array.from({ length: seq }, (_, i) => i + 1));
});
