/** `POST /api/v2/delete` (DECISIONS.md #14) through the official client's DeleteAPI; data read back from the engine. */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { BucketsAPI, DeleteAPI } from "@influxdata/influxdb-client-apis";
import { readColumn } from "../storage/tsdb/read-back.ts";
import { clientFor, httpError, otherOrg, perm } from "./authorizations-fixtures.ts";
import { createToken } from "./credentials.ts";
import { startTestServer, TEST_TOKEN, type TestServer } from "./test-server.ts";

let t: TestServer;
let orgId: string;
let del: DeleteAPI;
let serial = 0;

beforeAll(async () => {
  t = await startTestServer();
  orgId = t.server.ctx.defaults.orgId;
  del = new DeleteAPI(clientFor(t, TEST_TOKEN));
});
afterAll(() => t.stop());

const T0 = 1767225600; // 2026-01-01T00:00:00Z
const iso = (s: number) => new Date(s * 1000).toISOString();

/** A fresh bucket holding cpu,host=a / cpu,host=b / mem,host=a at T0, T0+1, T0+2. */
async function seeded() {
  const name = `del-${++serial}`;
  const bucket = await new BucketsAPI(clientFor(t, TEST_TOKEN)).postBuckets({ body: { orgID: orgId, name, retentionRules: [] } });
  const lines = ["cpu,host=a", "cpu,host=b", "mem,host=a"].flatMap((s) => [0, 1, 2].map((i) => `${s} v=${i} ${T0 + i}`));
  expect((await t.request(`/api/v2/write?bucket=${name}&precision=s`, { method: "POST", body: lines.join("\n") })).status).toBe(204);
  const count = (series: string) => readColumn(t.server.ctx.engine, bucket.id!, series, "v").length;
  return { name, id: bucket.id!, counts: () => [count("cpu,host=a"), count("cpu,host=b"), count("mem,host=a")] };
}

test("measurement and tag equality, inclusive range, by bucket name", async () => {
  const b = await seeded();
  await del.postDelete({ bucket: b.name, body: { start: iso(T0), stop: iso(T0 + 1), predicate: '_measurement="cpu" AND host="a"' } });
  expect(b.counts()).toEqual([1, 3, 3]);
});

test("no predicate deletes everything in the range; bucketID wins over bucket", async () => {
  const b = await seeded();
  await del.postDelete({ bucketID: b.id, bucket: "no-such-bucket", body: { start: iso(T0 + 2), stop: iso(T0 + 10) } });
  expect(b.counts()).toEqual([2, 2, 2]);
});

test("OR and != are resolved against the bucket's series; nanosecond bounds", async () => {
  const b = await seeded();
  await del.postDelete({ bucket: b.name, body: { start: iso(T0), stop: `${iso(T0 + 2).slice(0, -5)}.000000001Z`, predicate: 'host="b" OR _measurement!="cpu"' } });
  expect(b.counts()).toEqual([3, 0, 0]);
  const after = await seeded();
  await del.postDelete({ bucket: after.name, body: { start: iso(T0), stop: `${iso(T0 + 1).slice(0, -5)}.999999999Z`, predicate: 'host="nobody" OR host="b"' } });
  expect(after.counts()).toEqual([3, 1, 3]);
});

test("data written after a delete is kept", async () => {
  const b = await seeded();
  await del.postDelete({ bucket: b.name, body: { start: iso(T0), stop: iso(T0 + 10), predicate: 'host="a"' } });
  await t.request(`/api/v2/write?bucket=${b.name}&precision=s`, { method: "POST", body: `cpu,host=a v=9 ${T0}` });
  expect(b.counts()).toEqual([1, 3, 0]);
});

test("errors: times, predicate, bucket; permission and other orgs", async () => {
  const b = await seeded();
  const bad = async (request: Parameters<DeleteAPI["postDelete"]>[0], client = del) => {
    const e = await httpError(client.postDelete(request));
    return [e.statusCode, e.json.message];
  };
  expect(await bad({ bucket: b.name, body: { start: "yesterday", stop: iso(T0) } })).toEqual([
    400,
    "invalid RFC3339Nano for field start, please format your time with RFC3339Nano format, example: 2009-01-02T23:00:00Z",
  ]);
  expect(await bad({ bucket: b.name, body: { start: iso(T0), stop: "2300-01-01T00:00:00Z" } })).toEqual([400, "invalid stop time, stop time must not be after 2262-04-11T23:47:16.854775806Z"]);
  expect((await bad({ bucket: b.name, body: { start: iso(T0 + 5), stop: iso(T0) } }))[0]).toBe(400);
  expect(await bad({ bucket: b.name, body: { start: iso(T0), stop: iso(T0), predicate: "host=~/a/" } })).toEqual([400, 'invalid request; error parsing predicate: operator: "=~" at position: 4 is not supported']);
  expect(await bad({ body: { start: iso(T0), stop: iso(T0) } })).toEqual([400, "Please provide either bucketID or bucket"]);
  expect(await bad({ bucket: "missing", body: { start: iso(T0), stop: iso(T0) } })).toEqual([404, 'bucket "missing" not found']);
  expect(await bad({ bucketID: "0123456789abcdef", body: { start: iso(T0), stop: iso(T0) } })).toEqual([404, "bucket not found"]);

  const readOnly = new DeleteAPI(clientFor(t, await createToken(t, orgId, [perm("read", "buckets", orgId)])));
  expect(await bad({ bucketID: b.id, body: { start: iso(T0), stop: iso(T0) } }, readOnly)).toEqual([401, `write:orgs/${orgId}/buckets/${b.id} is unauthorized`]);
  const { bucket: foreign } = await otherOrg(t, "delete-org");
  const writer = new DeleteAPI(clientFor(t, await createToken(t, orgId, [perm("write", "buckets", orgId)])));
  expect((await bad({ bucketID: foreign.id, body: { start: iso(T0), stop: iso(T0) } }, writer))[0]).toBe(404);
  expect(b.counts()).toEqual([3, 3, 3]);
});
