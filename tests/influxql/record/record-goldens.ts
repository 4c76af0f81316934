/**
 * Records how a real InfluxDB 1.6.7 answers the InfluxQL statements of
 * `tests/influxql/fixtures/statements.json` over the data set `tests/influxql/fixtures/dataset.lp`,
 * into `goldens-json.json`, `goldens-csv.json` and `goldens-msgpack.json` (same folder).
 *
 * Rerun (never against a server holding data you care about: the script drops and recreates the
 * databases `telemetry`, `fleet`, `empty` and the scratch ones its mutating statements create):
 *
 *   apt-get install influxdb            # Debian/Ubuntu package, version 1.6.7 (influxd -version)
 *   mkdir -p /tmp/iql-influx
 *   sed -e 's#/tmp/anchors/influx#/tmp/iql-influx#g' -e 's#127.0.0.1:8086#127.0.0.1:18087#' \
 *       -e 's#^bind-address = "127.0.0.1:8088"#bind-address = "127.0.0.1:18089"#' \
 *       /work/shared/bench/influxdb-1.6.conf > /tmp/iql-influx/influxdb.conf
 *   influxd -config /tmp/iql-influx/influxdb.conf > /tmp/iql-influx/influxd.log 2>&1 &
 *   echo $! > /tmp/iql-influx/influxd.pid
 *   # optional, only when dataset generator or statements changed:
 *   bun tests/influxql/record/make-dataset.ts
 *   bun tests/influxql/record/statements.ts
 *   INFLUX_URL=http://127.0.0.1:18087 bun tests/influxql/record/record-goldens.ts
 *   kill "$(cat /tmp/iql-influx/influxd.pid)"
 *
 * (The shared config keeps `reporting-enabled = false` and `[monitor] store-enabled = false`, so no
 * `_internal` database shows up in SHOW DATABASES; HTTP logging and the query log are off.)
 *
 * Order: the data set is loaded, then the read-only JSON statements run, then the CSV and msgpack
 * ones, and only then the `mutating` group (CREATE/DROP DATABASE, retention policies, DROP
 * MEASUREMENT, DROP SERIES, DELETE), each followed by reads showing the effect. So every read-only
 * golden reflects the full data set.
 *
 * Requests: GET with the parameters in the query string, or POST with them form-encoded in the
 * body (`application/x-www-form-urlencoded`), as the 1.x `influx` clients send them. `Accept` is
 * `application/json` unless a CSV / msgpack golden. Response bodies are kept verbatim (msgpack as
 * base64), with the status and the Content-Type header.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export type Method = "GET" | "POST";

/** One statement to record (the shape of each entry of `statements.json`). */
export interface StatementCase {
  id: string;
  category: string;
  /** The `db` parameter; absent when the statement names its database or needs none. */
  db?: string;
  q: string;
  /** Further query parameters: epoch, chunked, chunk_size, pretty, rp, params (bound parameters). */
  params?: Record<string, string>;
  /** GET unless stated; POST sends all parameters form-encoded in the body. */
  method?: Method;
  /** What the case shows, for a reader of the goldens. */
  note?: string;
}

export interface StatementsFile {
  /** Read-only statements, JSON output; run first. */
  read: StatementCase[];
  /** `Accept: application/csv`. */
  csv: StatementCase[];
  /** `Accept: application/x-msgpack`. */
  msgpack: StatementCase[];
  /** State-changing statements and the reads showing their effect, in order; run last. */
  mutating: StatementCase[];
}

export interface Golden extends StatementCase {
  method: Method;
  params: Record<string, string>;
  /** Request Accept header. */
  accept: string;
  status: number;
  /** Response Content-Type header ("" when absent). */
  contentType: string;
  /** Verbatim response body; base64 for msgpack goldens (see `bodyEncoding`). */
  body: string;
  bodyEncoding?: "base64";
}

export interface GoldenFile {
  influxdbVersion: string;
  recordedAt: string;
  goldens: Golden[];
}

const FIXTURES = join(import.meta.dir, "..", "fixtures");
const BASE = process.env.INFLUX_URL ?? "http://127.0.0.1:18087";

/** Databases this script owns on the recording server (dropped before loading). */
const OWNED_DATABASES = ["telemetry", "fleet", "empty", "scratch", "scratch2", "Scratch Ünï", "withrp", "viaget"];

async function rawQuery(q: string, db?: string): Promise<{ status: number; body: string }> {
  const form = new URLSearchParams({ q });
  if (db) form.set("db", db);
  const res = await fetch(`${BASE}/query`, { method: "POST", body: form });
  return { status: res.status, body: await res.text() };
}

async function mustQuery(q: string, db?: string): Promise<void> {
  const r = await rawQuery(q, db);
  if (r.status !== 200 || r.body.includes('"error"')) throw new Error(`${q}: ${r.status} ${r.body}`);
}

/** Replays an `influx -import` style file: DDL to /query, DML blocks to /write. */
async function loadDataset(path: string): Promise<number> {
  const text = readFileSync(path, "utf8");
  let section: "none" | "ddl" | "dml" = "none";
  let db = "";
  let rp = "";
  let batch: string[] = [];
  let written = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const url = `${BASE}/write?db=${encodeURIComponent(db)}&rp=${encodeURIComponent(rp)}&precision=ns`;
    const res = await fetch(url, { method: "POST", body: batch.join("\n") + "\n" });
    if (res.status !== 204) throw new Error(`write to ${db}.${rp}: ${res.status} ${await res.text()}`);
    written += batch.length;
    batch = [];
  };
  for (const line of text.split("\n")) {
    if (line === "") continue;
    if (line.startsWith("#")) {
      if (line === "# DDL") section = "ddl";
      else if (line === "# DML") section = "dml";
      else if (line.startsWith("# CONTEXT-DATABASE: ")) {
        await flush();
        db = line.slice("# CONTEXT-DATABASE: ".length);
      } else if (line.startsWith("# CONTEXT-RETENTION-POLICY: ")) {
        await flush();
        rp = line.slice("# CONTEXT-RETENTION-POLICY: ".length);
      }
      continue;
    }
    if (section === "ddl") await mustQuery(line);
    else if (section === "dml") batch.push(line);
  }
  await flush();
  return written;
}

async function record(c: StatementCase, accept: string, binary: boolean): Promise<Golden> {
  const method: Method = c.method ?? "GET";
  const params: Record<string, string> = {};
  if (c.db !== undefined) params.db = c.db;
  params.q = c.q;
  Object.assign(params, c.params ?? {});
  const encoded = new URLSearchParams(params).toString();
  const res =
    method === "GET"
      ? await fetch(`${BASE}/query?${encoded}`, { headers: { Accept: accept } })
      : await fetch(`${BASE}/query`, {
          method: "POST",
          headers: { Accept: accept, "Content-Type": "application/x-www-form-urlencoded" },
          body: encoded,
        });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const golden: Golden = {
    id: c.id,
    category: c.category,
    ...(c.db !== undefined ? { db: c.db } : {}),
    q: c.q,
    params: c.params ?? {},
    method,
    accept,
    ...(c.note ? { note: c.note } : {}),
    status: res.status,
    contentType: res.headers.get("content-type") ?? "",
    body: binary ? Buffer.from(bytes).toString("base64") : new TextDecoder().decode(bytes),
  };
  if (binary) golden.bodyEncoding = "base64";
  return golden;
}

async function recordAll(cases: StatementCase[], accept: string, binary = false): Promise<Golden[]> {
  const out: Golden[] = [];
  for (const c of cases) out.push(await record(c, accept, binary));
  return out;
}

function save(name: string, version: string, goldens: Golden[]): void {
  const file: GoldenFile = { influxdbVersion: version, recordedAt: new Date().toISOString(), goldens };
  writeFileSync(join(FIXTURES, name), JSON.stringify(file, null, 1) + "\n");
  console.log(`${name}: ${goldens.length} goldens`);
}

function checkIds(s: StatementsFile): void {
  const seen = new Set<string>();
  for (const c of [...s.read, ...s.csv, ...s.msgpack, ...s.mutating]) {
    if (seen.has(c.id)) throw new Error(`duplicate id ${c.id}`);
    seen.add(c.id);
  }
}

async function main(): Promise<void> {
  const ping = await fetch(`${BASE}/ping`);
  const version = ping.headers.get("x-influxdb-version") ?? "unknown";
  console.log(`influxd ${version} at ${BASE}`);
  if (!version.startsWith("1.6.")) throw new Error(`expected InfluxDB 1.6.x, got ${version}`);

  const statements = JSON.parse(readFileSync(join(FIXTURES, "statements.json"), "utf8")) as StatementsFile;
  checkIds(statements);

  for (const db of OWNED_DATABASES) await mustQuery(`DROP DATABASE "${db}"`);
  const show = await rawQuery("SHOW DATABASES");
  if (!show.body.includes('"columns":["name"]}]}') || show.body.includes('"values"')) {
    throw new Error(`recording server is not empty: ${show.body}`);
  }
  const written = await loadDataset(join(FIXTURES, "dataset.lp"));
  console.log(`loaded ${written} points`);

  const onlyLoad = process.argv.includes("--load-only");
  if (onlyLoad) return;

  const json = await recordAll(statements.read, "application/json");
  const csv = await recordAll(statements.csv, "application/csv");
  const msgpack = await recordAll(statements.msgpack, "application/x-msgpack", true);
  json.push(...(await recordAll(statements.mutating, "application/json")));

  save("goldens-json.json", version, json);
  save("goldens-csv.json", version, csv);
  save("goldens-msgpack.json", version, msgpack);
}

await main();
