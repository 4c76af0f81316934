/** Organizations through the official client (OrgsAPI): CRUD, list, members, owners; limits and usage. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { BucketsAPI, OrgsAPI } from "@influxdata/influxdb-client-apis";
import { clientFor, httpError, perm } from "./authorizations-fixtures.ts";
import { createToken } from "./credentials.ts";
import { startTestServer, TEST_TOKEN, type TestServer } from "./test-server.ts";

let t: TestServer;
let orgId: string;
let orgs: OrgsAPI;

beforeAll(async () => {
  t = await startTestServer();
  orgId = t.server.ctx.defaults.orgId;
  orgs = new OrgsAPI(clientFor(t, TEST_TOKEN));
});
afterAll(() => t.stop());

describe("create, read back, update, delete", () => {
  test("the operator token creates an org (its user becomes owner); get returns the spec's Organization", async () => {
    const org = await orgs.postOrgs({ body: { name: "acme", description: "widgets" } });
    expect(org).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
      name: "acme",
      description: "widgets",
      status: "active",
      links: {
        buckets: "/api/v2/buckets?org=acme",
        dashboards: "/api/v2/dashboards?org=acme",
        labels: `/api/v2/orgs/${org.id}/labels`,
        members: `/api/v2/orgs/${org.id}/members`,
        owners: `/api/v2/orgs/${org.id}/owners`,
        secrets: `/api/v2/orgs/${org.id}/secrets`,
        self: `/api/v2/orgs/${org.id}`,
        tasks: "/api/v2/tasks?org=acme",
      },
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: expect.stringMatching(/Z$/),
    });
    expect(await orgs.getOrgsID({ orgID: org.id! })).toEqual(org);
    expect((await orgs.getOrgsIDOwners({ orgID: org.id! })).users!.map((u) => u.name)).toEqual(["admin"]);
  });

  test("patch renames and describes", async () => {
    const org = await orgs.postOrgs({ body: { name: "rename-me" } });
    expect(await orgs.patchOrgsID({ orgID: org.id!, body: { name: "renamed", description: "d" } })).toMatchObject({ name: "renamed", description: "d" });
    expect((await orgs.getOrgsID({ orgID: org.id! })).name).toBe("renamed");
  });

  test("delete removes the org, its buckets and their data", async () => {
    const org = await orgs.postOrgs({ body: { name: "doomed-org" } });
    const bucket = await new BucketsAPI(clientFor(t, TEST_TOKEN)).postBuckets({ body: { orgID: org.id!, name: "data" } });
    const now = Math.floor(Date.now() / 1000);
    expect((await t.request(`/api/v2/write?orgID=${org.id}&bucket=data&precision=s`, { method: "POST", body: `m v=1 ${now}` })).status).toBe(204);
    await orgs.deleteOrgsID({ orgID: org.id! });
    expect((await httpError(orgs.getOrgsID({ orgID: org.id! }))).json).toEqual({ code: "not found", message: "organization not found" });
    expect(await t.server.ctx.meta.buckets.findById(bucket.id!)).toBeUndefined();
    expect(t.server.ctx.engine.bucketStore(bucket.id!)).toBeUndefined();
  });
});

describe("list", () => {
  test("filters, descending, paging links", async () => {
    for (const name of ["list-a", "list-b", "list-c"]) await orgs.postOrgs({ body: { name } });
    const names = (await orgs.getOrgs({ limit: 100 })).orgs!.map((o) => o.name);
    expect(names).toEqual([...names].sort());
    expect((await orgs.getOrgs({ org: "list-b" })).orgs!.map((o) => o.name)).toEqual(["list-b"]);
    expect((await orgs.getOrgs({ orgID: orgId })).orgs!.map((o) => o.id)).toEqual([orgId]);
    const desc = await orgs.getOrgs({ descending: true, limit: 2, offset: 1 });
    expect(desc.orgs!.map((o) => o.name)).toEqual([...names].reverse().slice(1, 3));
    expect(desc.links).toEqual({
      self: "/api/v2/orgs?descending=true&limit=2&offset=1",
      next: "/api/v2/orgs?descending=true&limit=2&offset=3",
      prev: "/api/v2/orgs?descending=true&limit=2&offset=0",
    });
  });

  test("Zap-Trace-Span is accepted", async () => {
    const res = await t.request("/api/v2/orgs", { headers: { "Zap-Trace-Span": '{"trace_id":"1","span_id":"1","baggage":{"key":"value"}}' } });
    expect(res.status).toBe(200);
  });

  test("a token of one org sees only that org; naming another is 404", async () => {
    const token = await createToken(t, orgId, [perm("read", "orgs", orgId)]);
    const api = new OrgsAPI(clientFor(t, token));
    expect((await api.getOrgs()).orgs!.map((o) => o.id)).toEqual([orgId]);
    const other = await orgs.postOrgs({ body: { name: "invisible" } });
    const byName = await httpError(api.getOrgs({ org: "invisible" }));
    expect([byName.statusCode, byName.json.message]).toEqual([404, 'organization name "invisible" not found']);
    expect((await httpError(api.getOrgs({ orgID: other.id! }))).statusCode).toBe(404);
    expect((await httpError(api.getOrgsID({ orgID: other.id! }))).statusCode).toBe(404);
    expect((await httpError(api.patchOrgsID({ orgID: other.id!, body: { name: "x" } }))).statusCode).toBe(404);
  });

  test("by user: the orgs the user is a member or owner of", async () => {
    const carol = await t.server.ctx.meta.users.create({ name: "carol" });
    const org = await orgs.postOrgs({ body: { name: "carols" } });
    await orgs.postOrgsIDMembers({ orgID: org.id!, body: { id: carol.id } });
    expect((await orgs.getOrgs({ userID: carol.id })).orgs!.map((o) => o.name)).toEqual(["carols"]);
  });
});

describe("errors", () => {
  test("duplicate name 422; empty name 400; unknown 404; malformed 400", async () => {
    const dup = await httpError(orgs.postOrgs({ body: { name: "default" } }));
    expect([dup.statusCode, dup.json]).toEqual([422, { code: "conflict", message: "organization with name default already exists" }]);
    expect((await httpError(orgs.postOrgs({ body: { name: " " } }))).json).toEqual({ code: "invalid", message: "org name is empty" });
    expect((await httpError(orgs.getOrgsID({ orgID: "0123456789abcdef" }))).statusCode).toBe(404);
    expect((await httpError(orgs.deleteOrgsID({ orgID: "xyz" }))).json).toEqual({ code: "invalid", message: "id must have a length of 16 bytes" });
  });

  test("creating an org takes write:orgs on every org; an org-scoped token is 401", async () => {
    const token = await createToken(t, orgId, [perm("write", "orgs", orgId)]);
    const denied = await httpError(new OrgsAPI(clientFor(t, token)).postOrgs({ body: { name: "nope" } }));
    expect([denied.statusCode, denied.json]).toEqual([401, { code: "unauthorized", message: "write:orgs is unauthorized" }]);
  });
});

describe("members and owners", () => {
  test("add, list, promote, remove", async () => {
    const org = await orgs.postOrgs({ body: { name: "team" } });
    const dave = await t.server.ctx.meta.users.create({ name: "dave" });
    const member = await orgs.postOrgsIDMembers({ orgID: org.id!, body: { id: dave.id, name: "dave" } });
    expect(member).toEqual({ id: dave.id, name: "dave", status: "active", links: { self: `/api/v2/users/${dave.id}` }, role: "member" });
    expect((await orgs.getOrgsIDMembers({ orgID: org.id! })).users).toEqual([member]);
    await orgs.postOrgsIDOwners({ orgID: org.id!, body: { id: dave.id } });
    expect((await orgs.getOrgsIDMembers({ orgID: org.id! })).users).toEqual([]);
    expect((await orgs.getOrgsIDOwners({ orgID: org.id! })).users!.map((u) => [u.name, u.role])).toEqual([
      ["admin", "owner"],
      ["dave", "owner"],
    ]);
    await orgs.deleteOrgsIDOwnersID({ orgID: org.id!, userID: dave.id });
    expect((await httpError(orgs.deleteOrgsIDOwnersID({ orgID: org.id!, userID: dave.id }))).statusCode).toBe(404);
    expect((await httpError(orgs.deleteOrgsIDMembersID({ orgID: org.id!, userID: dave.id }))).statusCode).toBe(404);
    expect((await httpError(orgs.postOrgsIDMembers({ orgID: org.id!, body: { id: "0123456789abcdef" } }))).statusCode).toBe(404);
  });
});

describe("limits and usage", () => {
  test("limits: the spec's Limit, 0 = unlimited, delete allowed", async () => {
    const res = await t.request(`/api/v2/orgs/${orgId}/limits`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { limits: Record<string, unknown>; links: unknown };
    expect(body.links).toEqual({ self: `/api/v2/orgs/${orgId}/limits` });
    expect(body.limits).toMatchObject({ orgID: orgId, bucket: { maxBuckets: 0, maxRetentionDuration: 0 }, features: { allowDelete: true } });
    expect((await t.request(`/api/v2/orgs/0123456789abcdef/limits`)).status).toBe(404);
  });

  test("usage: annotated CSV with each bucket's storage bytes; start is required", async () => {
    const now = Math.floor(Date.now() / 1000);
    await t.request(`/api/v2/write?bucket=default&precision=s`, { method: "POST", body: `u v=1 ${now}` });
    const res = await t.request(`/api/v2/orgs/${orgId}/usage?start=${now - 3600}&stop=${now}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toStartWith("text/csv");
    const lines = (await res.text()).trimEnd().split("\r\n");
    expect(lines.slice(0, 4)).toEqual([
      "#group,false,false,true,true,false,false,true,true,true,true",
      "#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,double,string,string,string,string",
      "#default,_result,,,,,,,,,",
      ",result,table,_start,_stop,_time,_value,_field,_measurement,bucket_id,org_id",
    ]);
    const row = lines.slice(4).map((l) => l.split(",")).find((r) => r[9] === t.server.ctx.defaults.bucketId)!;
    expect(row[3]).toBe(new Date((now - 3600) * 1000).toISOString());
    expect(Number(row[6])).toBeGreaterThan(0);
    expect(row.slice(7)).toEqual(["gauge", "storage_usage_bucket_bytes", t.server.ctx.defaults.bucketId, orgId]);
    expect((await t.request(`/api/v2/orgs/${orgId}/usage`)).status).toBe(400);
  });
});
