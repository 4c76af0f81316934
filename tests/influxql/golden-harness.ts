/**
 * Replays the InfluxDB 1.6.7 goldens (tests/influxql/fixtures) against a real strata server: the
 * same databases and retention policies, the same data set, the same requests. Each golden test
 * file picks the cases it covers.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Golden, GoldenFile } from "./record/record-goldens.ts";
import { startTestServer, type TestServer } from "../routes/test-server.ts";

const FIXTURES = join(import.meta.dir, "fixtures");

export function loadGoldens(file: "goldens-json.json" | "goldens-csv.json" | "goldens-msgpack.json"): Golden[] {
  return (JSON.parse(readFileSync(join(FIXTURES, file), "utf8")) as GoldenFile).goldens;
}

/**
 * A server holding the golden data set: `telemetry` (the bootstrap bucket), `fleet` with a second
 * retention policy `forever`, and `empty`, in that creation order, each mapped as InfluxDB 1.x
 * databases are (DBRP mappings; autogen is the default policy).
 */
export async function startGoldenServer(): Promise<TestServer> {
  const t = await startTestServer({ bucket: "telemetry" });
  const { meta, defaults } = t.server.ctx;
  const orgId = defaults.orgId;
  await meta.dbrps.create({ orgId, bucketId: defaults.bucketId, database: "telemetry", retentionPolicy: "autogen" });
  const fleet = await meta.buckets.create({ orgId, name: "fleet", retentionRules: [{ type: "expire", everySeconds: 0 }], rp: "autogen" });
  await meta.dbrps.create({ orgId, bucketId: fleet.id, database: "fleet", retentionPolicy: "autogen" });
  const forever = await meta.buckets.create({
    orgId,
    name: "fleet/forever",
    retentionRules: [{ type: "expire", everySeconds: 0, shardGroupDurationSeconds: 86400 }],
    rp: "forever",
  });
  await meta.dbrps.create({ orgId, bucketId: forever.id, database: "fleet", retentionPolicy: "forever", isDefault: false });
  const empty = await meta.buckets.create({ orgId, name: "empty", retentionRules: [{ type: "expire", everySeconds: 0 }], rp: "autogen" });
  await meta.dbrps.create({ orgId, bucketId: empty.id, database: "empty", retentionPolicy: "autogen" });
  await loadDataset(t);
  return t;
}

/** Writes the DML part of dataset.lp (its DDL is what startGoldenServer set up). */
async function loadDataset(t: TestServer): Promise<void> {
  let db = "";
  let rp = "";
  let batch: string[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const res = await t.request(`/write?db=${encodeURIComponent(db)}&rp=${encodeURIComponent(rp)}&precision=ns`, { method: "POST", body: `${batch.join("\n")}\n` });
    if (res.status !== 204) throw new Error(`loading ${db}.${rp}: ${res.status} ${await res.text()}`);
    batch = [];
  };
  let dml = false;
  for (const line of readFileSync(join(FIXTURES, "dataset.lp"), "utf8").split("\n")) {
    if (line === "") continue;
    if (line.startsWith("#")) {
      if (line === "# DML") dml = true;
      if (line.startsWith("# CONTEXT-DATABASE: ")) {
        await flush();
        db = line.slice("# CONTEXT-DATABASE: ".length);
      } else if (line.startsWith("# CONTEXT-RETENTION-POLICY: ")) {
        await flush();
        rp = line.slice("# CONTEXT-RETENTION-POLICY: ".length);
      }
      continue;
    }
    if (dml) batch.push(line);
  }
  await flush();
}

export interface Replayed {
  status: number;
  contentType: string;
  body: string;
}

/** Sends the golden's request as the recorder did (GET query string, or POST form body). */
export async function replay(t: TestServer, g: Golden): Promise<Replayed> {
  const params: Record<string, string> = {};
  if (g.db !== undefined) params.db = g.db;
  params.q = g.q;
  Object.assign(params, g.params);
  const encoded = new URLSearchParams(params).toString();
  const res =
    g.method === "GET"
      ? await t.request(`/query?${encoded}`, { headers: { Accept: g.accept } })
      : await t.request("/query", { method: "POST", headers: { Accept: g.accept, "Content-Type": "application/x-www-form-urlencoded" }, body: encoded });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return {
    status: res.status,
    contentType: res.headers.get("content-type") ?? "",
    body: g.bodyEncoding === "base64" ? Buffer.from(bytes).toString("base64") : new TextDecoder().decode(bytes),
  };
}

/** Shard ids are a server-wide counter in 1.6.7's messages; they carry no meaning to compare. */
export function normalizeBody(body: string): string {
  return body.replace(/shard \d+: /g, "shard N: ");
}

/** The answer strata gave is the one recorded: status, Content-Type and body (shard ids aside). */
export function expectRecordedAnswer(got: Replayed, g: Golden): void {
  expect(got.status).toBe(g.status);
  expect(got.contentType).toBe(g.contentType);
  expect(normalizeBody(got.body)).toBe(normalizeBody(g.body));
}

/**
 * The goldens of a file recorded over a generated data set (record/record-generated.ts), replayed
 * against a server holding the same lines in bucket `db`: one test per golden.
 */
export function describeGeneratedGoldens(title: string, db: string, lines: string[], file: string): void {
  const goldens = (JSON.parse(readFileSync(join(FIXTURES, file), "utf8")) as GoldenFile).goldens;
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ bucket: db });
    const res = await t.request(`/write?db=${db}&precision=ns`, { method: "POST", body: `${lines.join("\n")}\n` });
    if (res.status !== 204) throw new Error(`write: ${res.status} ${await res.text()}`);
  });
  afterAll(() => t.stop());

  describe(title, () => {
    test.each(goldens.map((g) => [`${g.id} ${g.note}`, g] as const))("%s", async (_name, g) => {
      expectRecordedAnswer(await replay(t, g), g);
    });
  });
}
