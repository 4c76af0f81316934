/**
 * Records the answers of a real InfluxDB 1.6.7 over a generated data set into a golden file: the
 * database is dropped and recreated, the lines written, then each statement asked with GET.
 * The data is generated, not stored, so a test writes the same lines to strata.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Golden, GoldenFile } from "./record-goldens.ts";

export interface GeneratedStatement {
  q: string;
  params?: Record<string, string>;
  note: string;
}

export interface GeneratedGoldens {
  db: string;
  lines: string[];
  statements: GeneratedStatement[];
  /** Ids are `<category>-<nn>`. */
  category: string;
  /** A file name in tests/influxql/fixtures. */
  file: string;
}

const BASE = process.env.INFLUX_URL ?? "http://127.0.0.1:18087";

export async function recordGenerated(set: GeneratedGoldens): Promise<void> {
  const { db } = set;
  await fetch(`${BASE}/query`, { method: "POST", body: new URLSearchParams({ q: `DROP DATABASE ${db}` }) });
  await fetch(`${BASE}/query`, { method: "POST", body: new URLSearchParams({ q: `CREATE DATABASE ${db}` }) });
  // Right after DROP and CREATE, 1.6.7 can still answer a write with "database not found".
  let write = new Response(null, { status: 404 });
  for (let attempt = 0; attempt < 20 && write.status === 404; attempt++) {
    if (attempt > 0) await Bun.sleep(250);
    write = await fetch(`${BASE}/write?db=${db}&precision=ns`, { method: "POST", body: `${set.lines.join("\n")}\n` });
  }
  if (write.status !== 204) throw new Error(`write: ${write.status} ${await write.text()}`);
  const version = (await fetch(`${BASE}/ping`)).headers.get("x-influxdb-version") ?? "";
  const goldens: Golden[] = [];
  for (const [i, s] of set.statements.entries()) {
    const res = await fetch(`${BASE}/query?${new URLSearchParams({ db, q: s.q, ...s.params })}`);
    goldens.push({
      id: `${set.category}-${String(i + 1).padStart(2, "0")}`,
      category: set.category,
      db,
      q: s.q,
      params: s.params ?? {},
      method: "GET",
      accept: "application/json",
      note: s.note,
      status: res.status,
      contentType: res.headers.get("content-type") ?? "",
      body: await res.text(),
    });
  }
  const file: GoldenFile = { influxdbVersion: version, recordedAt: new Date().toISOString(), goldens };
  writeFileSync(join(import.meta.dir, "..", "fixtures", set.file), `${JSON.stringify(file, null, 1)}\n`);
  console.log(`recorded ${goldens.length} answers from InfluxDB ${version} into ${set.file}`);
}
