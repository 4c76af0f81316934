/**
 * Explicit bucket schemas (the official client has no API for them, so plain fetch) and their
 * enforcement on every write endpoint.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { BucketsAPI } from "@influxdata/influxdb-client-apis";
import { readColumn } from "../storage/tsdb/read-back.ts";
import { clientFor, perm } from "./authorizations-fixtures.ts";
import { createToken } from "./credentials.ts";
import { startTestServer, TEST_TOKEN, type TestServer } from "./test-server.ts";

let t: TestServer;
let orgId: string;
let explicitId: string;
let implicitId: string;

const CPU_COLUMNS = [
  { name: "time", type: "timestamp" },
  { name: "host", type: "tag" },
  { name: "usage", type: "field", dataType: "float" },
  { name: "note", type: "field" },
];

beforeAll(async () => {
  t = await startTestServer();
  orgId = t.server.ctx.defaults.orgId;
  const buckets = new BucketsAPI(clientFor(t, TEST_TOKEN));
  const forever = [{ type: "expire" as const, everySeconds: 0 }];
  explicitId = (await buckets.postBuckets({ body: { orgID: orgId, name: "strict", schemaType: "explicit", retentionRules: forever } })).id!;
  implicitId = (await buckets.postBuckets({ body: { orgID: orgId, name: "loose", retentionRules: forever } })).id!;
});
afterAll(() => t.stop());

const api = (path: string, method = "GET", body?: unknown, token = TEST_TOKEN) =>
  t.request(path, { method, headers: { Authorization: `Token ${token}`, "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
const schemas = (bucket: string) => `/api/v2/buckets/${bucket}/schema/measurements`;

describe("schema operations", () => {
  let cpuId: string;

  test("create: fields default to string; 201 with ETag; read back; list with name filter", async () => {
    const res = await api(schemas(explicitId), "POST", { name: "cpu", columns: CPU_COLUMNS });
    expect(res.status).toBe(201);
    expect(res.headers.get("etag")).toMatch(/^"[0-9a-f]+"$/);
    const created = (await res.json()) as Record<string, unknown>;
    cpuId = created.id as string;
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
      orgID: orgId,
      bucketID: explicitId,
      name: "cpu",
      columns: [...CPU_COLUMNS.slice(0, 3), { name: "note", type: "field", dataType: "string" }],
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: expect.stringMatching(/Z$/),
    });
    const got = await api(`${schemas(explicitId)}/${cpuId}`);
    expect(await got.json()).toEqual(created);
    expect(got.headers.get("etag")).toBe(res.headers.get("etag"));
    await api(schemas(explicitId), "POST", { name: "mem", columns: [{ name: "time", type: "timestamp" }, { name: "free", type: "field", dataType: "integer" }] });
    const all = (await (await api(schemas(explicitId))).json()) as { measurementSchemas: { name: string }[] };
    expect(all.measurementSchemas.map((s) => s.name)).toEqual(["cpu", "mem"]);
    const one = (await (await api(`${schemas(explicitId)}?name=mem&orgID=${orgId}`)).json()) as { measurementSchemas: { name: string }[] };
    expect(one.measurementSchemas.map((s) => s.name)).toEqual(["mem"]);
  });

  test("update adds columns, changes the ETag; removing or retyping a column is refused", async () => {
    const before = (await api(`${schemas(explicitId)}/${cpuId}`)).headers.get("etag");
    await Bun.sleep(2);
    const added = await api(`${schemas(explicitId)}/${cpuId}`, "PATCH", { columns: [...CPU_COLUMNS, { name: "region", type: "tag" }] });
    expect(added.status).toBe(200);
    expect(((await added.json()) as { columns: unknown[] }).columns).toHaveLength(5);
    expect(added.headers.get("etag")).not.toBe(before);
    const removed = await api(`${schemas(explicitId)}/${cpuId}`, "PATCH", { columns: CPU_COLUMNS.slice(0, 3).concat([{ name: "region", type: "tag" }]) });
    expect(await removed.json()).toEqual({ code: "invalid", message: "Unable to delete columns from schema" });
    const retyped = await api(`${schemas(explicitId)}/${cpuId}`, "PATCH", { columns: [...CPU_COLUMNS.slice(0, 2), { name: "usage", type: "field", dataType: "integer" }, CPU_COLUMNS[3], { name: "region", type: "tag" }] });
    expect(retyped.status).toBe(400);
  });

  test("the spec's validation messages", async () => {
    const cases: [unknown, string][] = [
      [{ name: "_bad", columns: CPU_COLUMNS }, "name is invalid"],
      [{ name: "9lives", columns: CPU_COLUMNS }, "name is invalid"],
      [{ name: "ok" }, "columns is required"],
      [{ name: "ok", columns: [...CPU_COLUMNS, { name: "host", type: "field" }] }, "Duplicate column names"],
      [{ name: "ok", columns: [{ name: "time", type: "timestamp" }, { name: "h", type: "tag" }] }, "At least one field column is required"],
      [{ name: "ok", columns: [{ name: "v", type: "field" }] }, "Timestamp column is required"],
    ];
    for (const [body, message] of cases) {
      const res = await api(schemas(explicitId), "POST", body);
      expect([res.status, await res.json()]).toEqual([400, { code: "invalid", message }]);
    }
    const dup = await api(schemas(explicitId), "POST", { name: "cpu", columns: CPU_COLUMNS });
    expect(dup.status).toBe(422);
  });

  test("implicit buckets have no schemas; unknown bucket or schema is 404; wrong org is 404", async () => {
    expect(await (await api(schemas(implicitId))).json()).toEqual({ code: "invalid", message: "bucket schemaType must be explicit" });
    expect((await api(schemas("0123456789abcdef"))).status).toBe(404);
    expect((await api(`${schemas(explicitId)}/0123456789abcdef`)).status).toBe(404);
    expect((await api(`${schemas(explicitId)}?org=nope`)).status).toBe(404);
  });

  test("read-buckets may list, not create", async () => {
    const token = await createToken(t, orgId, [perm("read", "buckets", orgId)]);
    expect((await api(schemas(explicitId), "GET", undefined, token)).status).toBe(200);
    expect((await api(schemas(explicitId), "POST", { name: "x", columns: CPU_COLUMNS }, token)).status).toBe(401);
  });
});

describe("writes to an explicit-schema bucket", () => {
  test("/api/v2/write: conforming lines are written, the others rejected line by line", async () => {
    const body = [
      'cpu,host=a usage=1.5,note="ok" 1000',
      "cpu,host=a usage=2i 2000",
      "cpu,zone=z usage=3 3000",
      "cpu,host=a usage=4,extra=1 4000",
      "cpu,usage=5 usage=5 5000",
      "disk,host=a used=1 6000",
      "cpu,region=eu usage=7 7000",
    ].join("\n");
    const res = await t.request("/api/v2/write?bucket=strict", { method: "POST", body });
    expect(res.status).toBe(400);
    const error = (await res.json()) as { message: string; line: number };
    expect(error.line).toBe(2);
    expect(error.message.split("\n")).toEqual([
      "partial write has occurred, errors encountered on line(s):",
      'line 2: field "usage" on measurement "cpu" is type integer, the schema requires float',
      'line 3: tag "zone" on measurement "cpu" is not in the schema',
      'line 4: field "extra" on measurement "cpu" is not in the schema',
      'line 5: tag "usage" on measurement "cpu" is a field column in the schema, not a tag',
      'line 6: measurement "disk" has no schema in explicit-schema bucket "strict"',
    ]);
    expect(readColumn(t.server.ctx.engine, explicitId, "cpu,host=a", "usage")).toEqual([[1000n, 1.5]]);
    expect(readColumn(t.server.ctx.engine, explicitId, "cpu,region=eu", "usage")).toEqual([[7000n, 7]]);
  });

  test("v1 /write and /api/v3/write_lp are checked too; implicit buckets are not", async () => {
    await api("/api/v2/dbrps", "POST", { orgID: orgId, bucketID: explicitId, database: "strictdb", retention_policy: "autogen", default: true });
    const v1 = await t.request("/write?db=strictdb", { method: "POST", body: "cpu,host=b usage=1i 1" });
    expect(v1.status).toBe(400);
    expect(((await v1.json()) as { message: string }).message).toContain("the schema requires float");
    const v3 = await t.request("/api/v3/write_lp?db=strictdb&accept_partial=false", { method: "POST", body: "cpu,host=b usage=1 1\ndisk v=1 2" });
    expect(v3.status).toBe(400);
    expect(JSON.stringify(await v3.json())).toContain('measurement \\"disk\\" has no schema');
    expect(readColumn(t.server.ctx.engine, explicitId, "cpu,host=b", "usage")).toEqual([]);
    expect((await t.request("/api/v2/write?bucket=loose", { method: "POST", body: "disk,host=a used=1 1" })).status).toBe(204);
  });
});
