/**
 * SIGKILL a real strata server while clients write over HTTP: after a restart every write that
 * got a 204 is there, exactly once, with its values.
 */
import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Engine } from "../../storage/tsdb/engine.ts";
import { readColumn } from "../storage/tsdb/read-back.ts";
import { spawnServer } from "./spawned-server.ts";

const ROOT = resolve(import.meta.dir, "../..");
const TOKEN = "crash-test-token-0123456789";
const dataDir = mkdtempSync(join(tmpdir(), "strata-server-crash-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const T0 = 1_767_225_600_000_000_000n;
const WRITERS = 4;

function batch(writer: number, k: number): string {
  return Array.from({ length: 10 }, (_, i) => `crash,writer=w${writer},i=${i} v=${k}i,f=${k + i / 10} ${T0 + BigInt(k) * 1_000_000_000n}`).join("\n");
}

async function bucketId(): Promise<string> {
  const { createClient } = await import("@libsql/client");
  const db = createClient({ url: `file:${join(dataDir, "meta.db")}` });
  const rows = await db.execute("SELECT id FROM buckets WHERE name = 'default'");
  db.close();
  return String(rows.rows[0].id);
}

test("SIGKILL during HTTP writes loses no acknowledged write (5 rounds)", async () => {
  const acked: Set<number>[] = Array.from({ length: WRITERS }, () => new Set());
  let next = 0;
  for (let round = 0; round < 5; round++) {
    const server = await spawnServer([process.execPath, join(ROOT, "app/main.ts"), "serve", "--http-bind", "127.0.0.1:0", "--data-dir", dataDir, "--operator-token", TOKEN, "--log-level", "info"], { cwd: dataDir });
    let stop = false;
    const start = next;
    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      for (let k = start; !stop; k++) {
        try {
          const res = await fetch(`${server.url}/api/v2/write?bucket=default`, { method: "POST", headers: { Authorization: `Token ${TOKEN}` }, body: batch(w, k) });
          if (res.status === 204) acked[w].add(k);
        } catch {
          return k;
        }
      }
      return start;
    });
    await Bun.sleep(200 + Math.random() * 400);
    server.proc.kill("SIGKILL");
    await server.proc.exited;
    stop = true;
    const reached = await Promise.all(writers);
    next = Math.max(...reached, start) + 1000;
  }

  const engine = await Engine.open({ dataDir: join(dataDir, "tsdb") });
  try {
    const bucket = await bucketId();
    for (let w = 0; w < WRITERS; w++) {
      expect(acked[w].size).toBeGreaterThan(0);
      for (let i = 0; i < 10; i++) {
        const rows = readColumn(engine, bucket, `crash,i=${i},writer=w${w}`, "v");
        const ks = rows.map(([t]) => Number((t - T0) / 1_000_000_000n));
        expect(new Set(ks).size).toBe(ks.length);
        rows.forEach(([, v], j) => expect(v).toBe(BigInt(ks[j])));
        const seen = new Set(ks);
        for (const k of acked[w]) if (!seen.has(k)) throw new Error(`acknowledged write ${k} of writer ${w} lost`);
      }
    }
  } finally {
    await engine.close();
  }
}, 90_000);
