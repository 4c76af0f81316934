/** Buckets through the official client (BucketsAPI, LabelsAPI): CRUD, list paging, sub-resources, errors. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { BucketsAPI, LabelsAPI } from "@influxdata/influxdb-client-apis";
import { readColumn } from "../storage/tsdb/read-back.ts";
import { clientFor, httpError, otherOrg, perm } from "./authorizations-fixtures.ts";
import { createToken } from "./credentials.ts";
import { startTestServer, TEST_TOKEN, type TestServer } from "./test-server.ts";

let t: TestServer;
let orgId: string;
let buckets: BucketsAPI;

beforeAll(async () => {
  t = await startTestServer();
  orgId = t.server.ctx.defaults.orgId;
  buckets = new BucketsAPI(clientFor(t, TEST_TOKEN));
});
afterAll(() => t.stop());

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe("create, read back, update, delete", () => {
  test("create applies the 30-day default; get returns the spec's Bucket shape", async () => {
    const created = await buckets.postBuckets({ body: { orgID: orgId, name: "sensors", description: "air" } });
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
      orgID: orgId,
      type: "user",
      schemaType: "implicit",
      name: "sensors",
      description: "air",
      retentionRules: [{ type: "expire", everySeconds: 2592000 }],
      labels: [],
      links: {
        labels: `/api/v2/buckets/${created.id}/labels`,
        members: `/api/v2/buckets/${created.id}/members`,
        org: `/api/v2/orgs/${orgId}`,
        owners: `/api/v2/buckets/${created.id}/owners`,
        self: `/api/v2/buckets/${created.id}`,
        write: `/api/v2/write?org=${orgId}&bucket=${created.id}`,
      },
      createdAt: expect.stringMatching(RFC3339),
      updatedAt: expect.stringMatching(RFC3339),
    });
    expect(await buckets.getBucketsID({ bucketID: created.id! })).toEqual(created);
  });

  test("retention 0 is infinite; explicit schemaType and rp are kept", async () => {
    const b = await buckets.postBuckets({
      body: { orgID: orgId, name: "forever", retentionRules: [{ type: "expire", everySeconds: 0 }], schemaType: "explicit", rp: "autogen" },
    });
    expect(b).toMatchObject({ retentionRules: [{ type: "expire", everySeconds: 0 }], schemaType: "explicit", rp: "autogen" });
  });

  test("patch changes name and description; without retentionRules the retention stays", async () => {
    const b = await buckets.postBuckets({ body: { orgID: orgId, name: "to-patch", retentionRules: [{ type: "expire", everySeconds: 3600 }] } });
    const patched = await buckets.patchBucketsID({ bucketID: b.id!, body: { name: "patched", description: "new" } });
    expect(patched).toMatchObject({ name: "patched", description: "new", retentionRules: [{ type: "expire", everySeconds: 3600 }] });
    const again = await buckets.patchBucketsID({ bucketID: b.id!, body: { retentionRules: [{ type: "expire", everySeconds: 7200 }] } });
    expect(again.retentionRules).toEqual([{ type: "expire", everySeconds: 7200 }]);
    expect(Date.parse(again.updatedAt!)).toBeGreaterThanOrEqual(Date.parse(b.updatedAt!));
  });

  test("delete removes the bucket and drops its data", async () => {
    const b = await buckets.postBuckets({ body: { orgID: orgId, name: "doomed" } });
    const res = await t.request(`/api/v2/write?bucket=doomed&precision=s`, { method: "POST", body: `m v=1 ${Math.floor(Date.now() / 1000)}` });
    expect(res.status).toBe(204);
    expect(readColumn(t.server.ctx.engine, b.id!, "m", "v")).toHaveLength(1);
    await buckets.deleteBucketsID({ bucketID: b.id! });
    expect(t.server.ctx.engine.bucketStore(b.id!)).toBeUndefined();
    expect((await httpError(buckets.getBucketsID({ bucketID: b.id! }))).json).toEqual({ code: "not found", message: "bucket not found" });
  });
});

describe("list", () => {
  test("filters by name and id; pages with offset/limit and after, with links", async () => {
    const { org } = await otherOrg(t, "paging-org");
    const names = ["p1", "p2", "p3", "p4", "p5"];
    const ids: string[] = [];
    for (const name of names) ids.push((await buckets.postBuckets({ body: { orgID: org.id, name } })).id!);

    const all = await buckets.getBuckets({ orgID: org.id, limit: 100 });
    expect(all.buckets!.map((b) => b.name)).toEqual(["other-bucket", ...names]);
    expect((await buckets.getBuckets({ orgID: org.id, name: "p3" })).buckets!.map((b) => b.id)).toEqual([ids[2]]);
    expect((await buckets.getBuckets({ org: "paging-org", id: ids[4] })).buckets!.map((b) => b.name)).toEqual(["p5"]);

    const page = await buckets.getBuckets({ orgID: org.id, offset: 2, limit: 2 });
    expect(page.buckets!.map((b) => b.name)).toEqual(["p2", "p3"]);
    expect(page.links).toEqual({
      self: `/api/v2/buckets?descending=false&limit=2&offset=2&orgID=${org.id}`,
      next: `/api/v2/buckets?descending=false&limit=2&offset=4&orgID=${org.id}`,
      prev: `/api/v2/buckets?descending=false&limit=2&offset=0&orgID=${org.id}`,
    });
    const cursor = await buckets.getBuckets({ orgID: org.id, after: ids[1], limit: 2 });
    expect(cursor.buckets!.map((b) => b.name)).toEqual(["p3", "p4"]);
    expect(cursor.links!.next).toBe(`/api/v2/buckets?after=${ids[3]}&descending=false&limit=2&offset=0&orgID=${org.id}`);
    expect((await buckets.getBuckets({ orgID: org.id, offset: 50 })).buckets).toEqual([]);
  });

  test("without org, the token's org; a token sees only the buckets it may read", async () => {
    const { org, bucket } = await otherOrg(t, "visibility-org");
    const hidden = await buckets.postBuckets({ body: { orgID: org.id, name: "hidden" } });
    const token = await createToken(t, org.id, [perm("read", "buckets", org.id, bucket.id)]);
    const seen = await new BucketsAPI(clientFor(t, token)).getBuckets();
    expect(seen.buckets!.map((b) => b.id)).toEqual([bucket.id]);
    expect(seen.buckets!.map((b) => b.id)).not.toContain(hidden.id);
  });
});

describe("errors", () => {
  test("unknown and malformed IDs", async () => {
    expect((await httpError(buckets.getBucketsID({ bucketID: "0123456789abcdef" }))).statusCode).toBe(404);
    const malformed = await httpError(buckets.getBucketsID({ bucketID: "nope" }));
    expect([malformed.statusCode, malformed.json]).toEqual([400, { code: "invalid", message: "id must have a length of 16 bytes" }]);
  });

  test("duplicate name is 422 conflict; bad names and retention are 400", async () => {
    await buckets.postBuckets({ body: { orgID: orgId, name: "dup" } });
    const dup = await httpError(buckets.postBuckets({ body: { orgID: orgId, name: "dup" } }));
    expect([dup.statusCode, dup.json]).toEqual([422, { code: "conflict", message: "bucket with name dup already exists" }]);
    const underscore = await httpError(buckets.postBuckets({ body: { orgID: orgId, name: "_sys" } }));
    expect(underscore.json.message).toBe("bucket name _sys is invalid. Buckets may not start with underscore");
    const negative = await httpError(buckets.postBuckets({ body: { orgID: orgId, name: "neg", retentionRules: [{ type: "expire", everySeconds: -1 }] } }));
    expect(negative.statusCode).toBe(400);
    const renameDup = await httpError(buckets.patchBucketsID({ bucketID: t.server.ctx.defaults.bucketId, body: { name: "dup" } }));
    expect(renameDup.statusCode).toBe(422);
  });

  test("an org the token can't reach: 400 on create, 404 on its buckets; missing permission is 401", async () => {
    const { org, bucket } = await otherOrg(t, "foreign-org");
    const token = await createToken(t, orgId, [perm("read", "buckets", orgId), perm("write", "buckets", orgId)]);
    const api = new BucketsAPI(clientFor(t, token));
    const create = await httpError(api.postBuckets({ body: { orgID: org.id, name: "x" } }));
    expect([create.statusCode, create.json.message]).toEqual([400, "failed to decode request body: organization not found"]);
    expect((await httpError(api.getBucketsID({ bucketID: bucket.id }))).statusCode).toBe(404);
    expect((await httpError(api.deleteBucketsID({ bucketID: bucket.id }))).statusCode).toBe(404);
    expect((await httpError(api.getBuckets({ orgID: org.id }))).statusCode).toBe(404);

    const readOnly = new BucketsAPI(clientFor(t, await createToken(t, orgId, [perm("read", "buckets", orgId)])));
    const denied = await httpError(readOnly.postBuckets({ body: { orgID: orgId, name: "nope" } }));
    expect([denied.statusCode, denied.json]).toEqual([401, { code: "unauthorized", message: `write:orgs/${orgId}/buckets is unauthorized` }]);
    expect((await httpError(new BucketsAPI(clientFor(t, "wrong")).getBuckets())).statusCode).toBe(401);
  });
});

describe("labels, members, owners", () => {
  test("attach, list (also in the bucket), duplicate 422, detach", async () => {
    const b = await buckets.postBuckets({ body: { orgID: orgId, name: "labelled" } });
    const { label } = await new LabelsAPI(clientFor(t, TEST_TOKEN)).postLabels({ body: { orgID: orgId, name: "env", properties: { color: "ff0000" } } });
    const attached = await buckets.postBucketsIDLabels({ bucketID: b.id!, body: { labelID: label!.id! } });
    expect(attached).toEqual({ label: { id: label!.id, orgID: orgId, name: "env", properties: { color: "ff0000" } }, links: { self: `/api/v2/labels/${label!.id}` } });
    expect((await buckets.getBucketsIDLabels({ bucketID: b.id! })).labels!.map((l) => l.name)).toEqual(["env"]);
    expect((await buckets.getBucketsID({ bucketID: b.id! })).labels!.map((l) => l.id)).toEqual([label!.id]);
    const again = await httpError(buckets.postBucketsIDLabels({ bucketID: b.id!, body: { labelID: label!.id! } }));
    expect([again.statusCode, again.json]).toEqual([422, { code: "conflict", message: "Cannot add label, label already exists on resource" }]);
    await buckets.deleteBucketsIDLabelsID({ bucketID: b.id!, labelID: label!.id! });
    expect((await buckets.getBucketsIDLabels({ bucketID: b.id! })).labels).toEqual([]);
    expect((await httpError(buckets.deleteBucketsIDLabelsID({ bucketID: b.id!, labelID: label!.id! }))).statusCode).toBe(404);
    expect((await httpError(buckets.postBucketsIDLabels({ bucketID: b.id!, body: { labelID: "0123456789abcdef" } }))).statusCode).toBe(404);
  });

  test("members and owners: add, list, remove; the creating user owns the bucket", async () => {
    const b = await buckets.postBuckets({ body: { orgID: orgId, name: "shared" } });
    const owners = await buckets.getBucketsIDOwners({ bucketID: b.id! });
    expect(owners.users!.map((u) => [u.name, u.role])).toEqual([["admin", "owner"]]);
    const bob = await t.server.ctx.meta.users.create({ name: "bob" });
    const added = await buckets.postBucketsIDMembers({ bucketID: b.id!, body: { id: bob.id } });
    expect(added).toEqual({ id: bob.id, name: "bob", status: "active", links: { self: `/api/v2/users/${bob.id}` }, role: "member" });
    expect(await buckets.getBucketsIDMembers({ bucketID: b.id! })).toEqual({ links: { self: `/api/v2/buckets/${b.id}/members` }, users: [added] });
    await buckets.deleteBucketsIDMembersID({ bucketID: b.id!, userID: bob.id });
    expect((await buckets.getBucketsIDMembers({ bucketID: b.id! })).users).toEqual([]);
    expect((await httpError(buckets.deleteBucketsIDMembersID({ bucketID: b.id!, userID: bob.id }))).statusCode).toBe(404);
    expect((await httpError(buckets.postBucketsIDOwners({ bucketID: b.id!, body: { id: "0123456789abcdef" } }))).json).toEqual({ code: "not found", message: "user not found" });
    expect((await buckets.postBucketsIDOwners({ bucketID: b.id!, body: { id: bob.id } })).role).toBe("owner");
    await buckets.deleteBucketsIDOwnersID({ bucketID: b.id!, userID: bob.id });
  });
});
