/**
 * DBRP mappings through the official client (DbrpsAPI): create, read back, list with filters,
 * update, delete, one default per database, v1 writes resolving through the mappings, and the
 * error cases.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { DbrpsAPI, type DBRP } from "@influxdata/influxdb-client-apis";
import type { Bucket } from "../../storage/meta/schema.ts";
import { readColumn } from "../storage/tsdb/read-back.ts";
import { clientFor, httpError, otherOrg, perm } from "./authorizations-fixtures.ts";
import { createToken } from "./credentials.ts";
import { startTestServer, TEST_TOKEN, type TestServer } from "./test-server.ts";

let t: TestServer;
let orgId: string;
let api: DbrpsAPI;
let weekly: Bucket;
let monthly: Bucket;

beforeAll(async () => {
  t = await startTestServer();
  orgId = t.server.ctx.defaults.orgId;
  api = new DbrpsAPI(clientFor(t, TEST_TOKEN));
  const bucket = (name: string) => t.server.ctx.meta.buckets.create({ orgId, name, retentionRules: [{ type: "expire", everySeconds: 0 }] });
  weekly = await bucket("weekly-bucket");
  monthly = await bucket("monthly-bucket");
});
afterAll(() => t.stop());

const create = (database: string, retention_policy: string, bucketID = weekly.id, extra: { default?: boolean; orgID?: string; org?: string } = {}) =>
  api.postDBRP({ body: { bucketID, database, retention_policy, ...extra } });
const list = async (query: Parameters<DbrpsAPI["getDBRPs"]>[0] = {}) => (await api.getDBRPs(query)).content!;
const defaults = async (db: string) => (await list({ db, default: true })).map((d) => d.retention_policy);

describe("create, read back, list, update, delete", () => {
  test("create answers the bare DBRP; GET wraps it in `content`", async () => {
    const created = await create("crud", "autogen");
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
      orgID: orgId,
      bucketID: weekly.id,
      database: "crud",
      retention_policy: "autogen",
      default: true,
      links: { self: `/api/v2/dbrps/${created.id}` },
    });
    expect(await api.getDBRPsID({ dbrpID: created.id })).toEqual({ content: created });
    expect(await api.getDBRPsID({ dbrpID: created.id, org: "default" })).toEqual({ content: created });
  });

  test("list filters: db, rp, default, bucketID, id, org", async () => {
    const a = await create("filters", "a");
    const b = await create("filters", "b", monthly.id);
    const ids = (rows: DBRP[]) => rows.map((r) => r.id);
    expect(ids(await list({ db: "filters" }))).toEqual([a.id, b.id]);
    expect(ids(await list({ db: "filters", rp: "b" }))).toEqual([b.id]);
    expect(ids(await list({ db: "filters", default: true }))).toEqual([a.id]);
    expect(ids(await list({ db: "filters", default: false }))).toEqual([b.id]);
    expect(ids(await list({ bucketID: monthly.id, db: "filters" }))).toEqual([b.id]);
    expect(ids(await list({ id: a.id }))).toEqual([a.id]);
    expect(ids(await list({ orgID: orgId, db: "filters" }))).toEqual([a.id, b.id]);
    expect(ids(await list({ db: "none" }))).toEqual([]);
  });

  test("PATCH changes the retention policy; DELETE answers 204 and the mapping is gone", async () => {
    const created = await create("patched", "old");
    expect(await api.patchDBRPID({ dbrpID: created.id, body: { retention_policy: "new" } })).toEqual({ content: { ...created, retention_policy: "new" } });
    expect((await api.getDBRPsID({ dbrpID: created.id })).content!.retention_policy).toBe("new");
    await api.deleteDBRPID({ dbrpID: created.id });
    const err = await httpError(api.getDBRPsID({ dbrpID: created.id }));
    expect([err.statusCode, err.json]).toEqual([404, { code: "not found", message: "unable to find DBRP" }]);
  });
});

describe("one default mapping per database", () => {
  test("the first mapping is the default even when created with default: false; a new default replaces the old", async () => {
    expect((await create("one", "a", weekly.id, { default: false })).default).toBe(true);
    expect((await create("one", "b")).default).toBe(false);
    expect((await create("one", "c", weekly.id, { default: true })).default).toBe(true);
    expect(await defaults("one")).toEqual(["c"]);
  });

  test("un-setting the default hands it to another mapping; the only mapping stays default", async () => {
    const a = await create("handover", "a");
    const b = await create("handover", "b");
    expect((await api.patchDBRPID({ dbrpID: a.id, body: { default: false } })).content!.default).toBe(false);
    expect(await defaults("handover")).toEqual(["b"]);
    await api.patchDBRPID({ dbrpID: a.id, body: { default: true } });
    expect(await defaults("handover")).toEqual(["a"]);
    await api.deleteDBRPID({ dbrpID: b.id });
    expect((await api.patchDBRPID({ dbrpID: a.id, body: { default: false } })).content!.default).toBe(true);
  });

  test("deleting the default makes another mapping the default", async () => {
    const a = await create("deleted", "a");
    await create("deleted", "b");
    await api.deleteDBRPID({ dbrpID: a.id });
    expect(await defaults("deleted")).toEqual(["b"]);
  });
});

test("v1 writes resolve through the mappings: rp picks one, no rp picks the default", async () => {
  const write = (query: string, line: string) => t.request(`/write?${query}&precision=s`, { method: "POST", body: line });
  await create("routed", "week", weekly.id);
  const month = await create("routed", "month", monthly.id);
  expect((await write("db=routed", "r v=1 1")).status).toBe(204);
  expect((await write("db=routed&rp=month", "r v=2 2")).status).toBe(204);
  await api.patchDBRPID({ dbrpID: month.id, body: { default: true } });
  expect((await write("db=routed", "r v=3 3")).status).toBe(204);
  expect(readColumn(t.server.ctx.engine, weekly.id, "r", "v")).toEqual([[1_000_000_000n, 1]]);
  expect(readColumn(t.server.ctx.engine, monthly.id, "r", "v")).toEqual([
    [2_000_000_000n, 2],
    [3_000_000_000n, 3],
  ]);
});

describe("errors", () => {
  test("unknown ID is 404; malformed IDs are 400", async () => {
    for (const call of [
      api.getDBRPsID({ dbrpID: "0123456789abcdef" }),
      api.patchDBRPID({ dbrpID: "0123456789abcdef", body: { default: true } }),
      api.deleteDBRPID({ dbrpID: "0123456789abcdef" }),
    ]) {
      const err = await httpError(call);
      expect([err.statusCode, err.json]).toEqual([404, { code: "not found", message: "unable to find DBRP" }]);
    }
    let err = await httpError(api.getDBRPsID({ dbrpID: "zzzzzzzzzzzzzzzz" }));
    expect([err.statusCode, err.json]).toEqual([400, { code: "invalid", message: "invalid ID" }]);
    err = await httpError(api.getDBRPs({ bucketID: "short" }));
    expect([err.statusCode, err.json]).toEqual([400, { code: "invalid", message: "id must have a length of 16 bytes" }]);
    err = await httpError(create("x", "y", "not-a-bucket-id!"));
    expect(err.statusCode).toBe(400);
  });

  test("duplicate database and retention policy is 422, on create and on rename", async () => {
    await create("dup", "autogen");
    const other = await create("dup", "other");
    const message = "DBRP mapping for database dup and retention policy autogen already exists";
    let err = await httpError(create("dup", "autogen", monthly.id));
    expect([err.statusCode, err.json]).toEqual([422, { code: "conflict", message }]);
    err = await httpError(api.patchDBRPID({ dbrpID: other.id, body: { retention_policy: "autogen" } }));
    expect([err.statusCode, err.json]).toEqual([422, { code: "conflict", message }]);
  });

  test("invalid names are 400; an unknown bucket or org is 404", async () => {
    let err = await httpError(create("", "autogen"));
    expect([err.statusCode, err.json.message]).toEqual([400, "database must contain at least one character and only be letters, numbers, '_', '-', and '.'"]);
    err = await httpError(create("db", "a/b"));
    expect([err.statusCode, err.json.message]).toEqual([400, "retentionPolicy must contain at least one character and only be letters, numbers, '_', '-', and '.'"]);
    err = await httpError(create("db", "rp", "0123456789abcdef"));
    expect([err.statusCode, err.json]).toEqual([404, { code: "not found", message: "bucket not found" }]);
    err = await httpError(create("db", "rp", weekly.id, { org: "nope" }));
    expect([err.statusCode, err.json]).toEqual([404, { code: "not found", message: 'organization name "nope" not found' }]);
  });

  test("no permission on the bucket is 401", async () => {
    const created = await create("guarded", "autogen");
    const readOnly = new DbrpsAPI(clientFor(t, await createToken(t, orgId, [perm("read", "buckets", orgId, weekly.id)])));
    expect((await readOnly.getDBRPsID({ dbrpID: created.id })).content!.id).toBe(created.id);
    const err = await httpError(readOnly.patchDBRPID({ dbrpID: created.id, body: { retention_policy: "x" } }));
    expect([err.statusCode, err.json]).toEqual([401, { code: "unauthorized", message: `write:orgs/${orgId}/buckets/${weekly.id} is unauthorized` }]);
    expect((await readOnly.getDBRPs({ db: "guarded" })).content).toHaveLength(1);
    expect((await readOnly.getDBRPs({ bucketID: monthly.id })).content).toEqual([]);
  });

  test("another org's mappings and buckets are not found", async () => {
    const ours = await create("private", "autogen");
    const { org: b, bucket: bBucket } = await otherOrg(t, "org-b");
    const outsider = new DbrpsAPI(clientFor(t, await createToken(t, b.id, [perm("read", "buckets", b.id), perm("write", "buckets", b.id)])));
    for (const call of [outsider.getDBRPsID({ dbrpID: ours.id }), outsider.patchDBRPID({ dbrpID: ours.id, body: { default: true } }), outsider.deleteDBRPID({ dbrpID: ours.id })]) {
      expect((await httpError(call)).json).toEqual({ code: "not found", message: "unable to find DBRP" });
    }
    expect(await outsider.getDBRPs({})).toEqual({ content: [] });
    expect((await httpError(outsider.getDBRPs({ orgID: orgId }))).json).toEqual({ code: "not found", message: "organization not found" });
    expect((await httpError(outsider.postDBRP({ body: { bucketID: weekly.id, database: "x", retention_policy: "y" } }))).statusCode).toBe(404);
    // Even the operator finds a mapping only within the org it names.
    expect((await httpError(api.getDBRPsID({ dbrpID: ours.id, orgID: b.id }))).statusCode).toBe(404);
    const theirs = await outsider.postDBRP({ body: { bucketID: bBucket.id, database: "private", retention_policy: "autogen" } });
    expect(theirs).toMatchObject({ orgID: b.id, default: true });
    expect((await api.getDBRPsID({ dbrpID: ours.id })).content!.default).toBe(true);
  });
});
