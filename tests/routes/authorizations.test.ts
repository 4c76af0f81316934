/**
 * API tokens through the official client (AuthorizationsAPI): create, read back, list with
 * filters, update, delete, the error cases, and a token made here writing until it is made
 * inactive or deleted.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { AuthorizationsAPI, type Authorization } from "@influxdata/influxdb-client-apis";
import { clientFor, httpError, otherOrg, perm } from "./authorizations-fixtures.ts";
import { createToken } from "./credentials.ts";
import { startTestServer, TEST_TOKEN, type TestServer } from "./test-server.ts";

let t: TestServer;
let orgId: string;
let bucketId: string;
let adminId: string;
let api: AuthorizationsAPI;

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

beforeAll(async () => {
  t = await startTestServer();
  orgId = t.server.ctx.defaults.orgId;
  bucketId = t.server.ctx.defaults.bucketId;
  adminId = t.server.ctx.operator.userId!;
  api = new AuthorizationsAPI(clientFor(t, TEST_TOKEN));
});
afterAll(() => t.stop());

const writeBucket = () => perm("write", "buckets", orgId, bucketId);
const create = (body: Partial<Parameters<AuthorizationsAPI["postAuthorizations"]>[0]["body"]> = {}) =>
  api.postAuthorizations({ body: { orgID: orgId, permissions: [writeBucket()], ...body } });
const write = (token: string) =>
  t.request("/api/v2/write?bucket=default", { method: "POST", body: "e2e v=1", headers: { Authorization: `Token ${token}` } });

describe("create and read back", () => {
  test("the token appears only in the create response; everything else matches the spec's Authorization", async () => {
    const created = await create({ description: "writer" });
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
      token: expect.stringMatching(/^[A-Za-z0-9_-]{64}$/),
      status: "active",
      description: "writer",
      orgID: orgId,
      org: "default",
      userID: adminId,
      user: "admin",
      permissions: [{ action: "write", resource: { type: "buckets", id: bucketId, orgID: orgId, name: "default", org: "default" } }],
      links: { self: `/api/v2/authorizations/${created.id}`, user: `/api/v2/users/${adminId}` },
      createdAt: expect.stringMatching(RFC3339),
      updatedAt: created.createdAt,
    });
    const read = await api.getAuthorizationsID({ authID: created.id! });
    expect(read).toEqual({ ...created, token: "redacted" });
  });

  test("a permission without orgID is pinned to the authorization's org; status can start inactive", async () => {
    const created = await create({ status: "inactive", permissions: [{ action: "read", resource: { type: "dbrp" } }] });
    expect(created.status).toBe("inactive");
    expect(created.permissions).toEqual([{ action: "read", resource: { type: "dbrp", orgID: orgId, org: "default" } }]);
  });

  test("Zap-Trace-Span is accepted", async () => {
    const res = await t.request("/api/v2/authorizations", { headers: { "Zap-Trace-Span": '{"trace_id":"1","span_id":"1","baggage":{"key":"value"}}' } });
    expect(res.status).toBe(200);
  });
});

describe("list with filters", () => {
  let alice: { id: string; name: string };
  let mine: Authorization;
  let hers: Authorization;

  beforeAll(async () => {
    alice = await t.server.ctx.meta.users.create({ name: "alice" });
    mine = await create({ description: "mine" });
    hers = await create({ description: "hers", userID: alice.id });
  });

  const ids = (list: { authorizations?: Authorization[] }) => list.authorizations!.map((a) => a.id);

  test("all of the org's authorizations, tokens redacted, with links", async () => {
    const list = await api.getAuthorizations();
    expect(list.links).toEqual({ self: "/api/v2/authorizations" });
    expect(ids(list)).toEqual(expect.arrayContaining([mine.id, hers.id]));
    expect(list.authorizations!.every((a) => a.token === "redacted")).toBe(true);
    expect(list.authorizations!.find((a) => a.id === hers.id)).toMatchObject({ userID: alice.id, user: "alice" });
  });

  test("by user ID and user name; an unknown user matches nothing", async () => {
    expect(ids(await api.getAuthorizations({ userID: alice.id }))).toEqual([hers.id]);
    expect(ids(await api.getAuthorizations({ user: "alice" }))).toEqual([hers.id]);
    expect(ids(await api.getAuthorizations({ user: "nobody" }))).toEqual([]);
    expect(ids(await api.getAuthorizations({ userID: alice.id, user: "admin" }))).toEqual([]);
  });

  test("by org name or ID; an unknown org is 404", async () => {
    expect(ids(await api.getAuthorizations({ org: "default" }))).toContain(hers.id);
    expect(ids(await api.getAuthorizations({ orgID: orgId }))).toContain(hers.id);
    const err = await httpError(api.getAuthorizations({ org: "nope" }));
    expect(err.statusCode).toBe(404);
    expect(err.json).toEqual({ code: "not found", message: 'organization name "nope" not found' });
  });

  test("by token value: that one only, the first of several, none for an unknown token", async () => {
    const created = await create();
    const byToken = async (query: string) => ((await (await t.request(`/api/v2/authorizations?${query}`)).json()) as { authorizations: Authorization[] }).authorizations.map((a) => a.id);
    expect(await byToken(`token=${created.token}`)).toEqual([created.id]);
    expect(await byToken(`token=${created.token}&token=${TEST_TOKEN}`)).toEqual([created.id]);
    expect(await byToken("token=unknown")).toEqual([]);
  });

  test("a malformed userID is 400", async () => {
    const err = await httpError(api.getAuthorizations({ userID: "nope" }));
    expect(err.statusCode).toBe(400);
    expect(err.json).toEqual({ code: "invalid", message: "id must have a length of 16 bytes" });
  });
});

describe("update and delete", () => {
  test("PATCH sets status and description, and only those", async () => {
    const created = await create({ description: "before" });
    await Bun.sleep(2);
    const patched = await api.patchAuthorizationsID({ authID: created.id!, body: { status: "inactive", description: "after" } });
    expect(patched).toEqual({ ...created, token: "redacted", status: "inactive", description: "after", updatedAt: expect.stringMatching(RFC3339) });
    expect(patched.updatedAt! > created.updatedAt!).toBe(true);
    expect(await api.getAuthorizationsID({ authID: created.id! })).toEqual(patched);
    const err = await httpError(api.patchAuthorizationsID({ authID: created.id!, body: { status: "paused" as "active" } }));
    expect(err.statusCode).toBe(400);
  });

  test("DELETE answers 204, then the authorization is gone", async () => {
    const created = await create();
    await api.deleteAuthorizationsID({ authID: created.id! });
    const err = await httpError(api.getAuthorizationsID({ authID: created.id! }));
    expect(err.statusCode).toBe(404);
    expect(err.json).toEqual({ code: "not found", message: "authorization not found" });
    expect((await httpError(api.deleteAuthorizationsID({ authID: created.id! }))).statusCode).toBe(404);
  });
});

describe("errors", () => {
  test("unknown ID is 404; malformed IDs are 400 with InfluxDB's messages", async () => {
    for (const call of [
      api.getAuthorizationsID({ authID: "0123456789abcdef" }),
      api.patchAuthorizationsID({ authID: "0123456789abcdef", body: { status: "inactive" } }),
      api.deleteAuthorizationsID({ authID: "0123456789abcdef" }),
    ]) {
      const err = await httpError(call);
      expect([err.statusCode, err.json]).toEqual([404, { code: "not found", message: "authorization not found" }]);
    }
    let err = await httpError(api.getAuthorizationsID({ authID: "abc" }));
    expect([err.statusCode, err.json]).toEqual([400, { code: "invalid", message: "id must have a length of 16 bytes" }]);
    err = await httpError(api.getAuthorizationsID({ authID: "zzzzzzzzzzzzzzzz" }));
    expect([err.statusCode, err.json]).toEqual([400, { code: "invalid", message: "invalid ID" }]);
  });

  test("invalid bodies are 400: no permissions, an unknown resource type, another org's permission", async () => {
    let err = await httpError(create({ permissions: [] }));
    expect(err.statusCode).toBe(400);
    expect(err.json.message).toContain("authorization must include permissions");
    err = await httpError(create({ permissions: [{ action: "read", resource: { type: "rockets" as "buckets" } }] }));
    expect(err.statusCode).toBe(400);
    err = await httpError(create({ permissions: [perm("read", "buckets", "0123456789abcdef")] }));
    expect(err.statusCode).toBe(400);
    expect(err.json.message).toBe(`permission read:orgs/0123456789abcdef/buckets is outside the authorization's organization ${orgId}`);
    expect(err.headers?.["x-platform-error-code"]).toBe("invalid");
  });

  test("an unknown org or user is 404", async () => {
    let err = await httpError(create({ orgID: "0123456789abcdef" }));
    expect([err.statusCode, err.json]).toEqual([404, { code: "not found", message: "organization not found" }]);
    err = await httpError(create({ userID: "0123456789abcdef" }));
    expect([err.statusCode, err.json]).toEqual([404, { code: "not found", message: "user not found" }]);
  });

  test("no token, or a token without the permission, is 401", async () => {
    const res = await t.request("/api/v2/authorizations", { auth: false });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ code: "unauthorized", message: "unauthorized access" });
    const reader = await createToken(t, orgId, [perm("read", "buckets", orgId)]);
    const err = await httpError(new AuthorizationsAPI(clientFor(t, reader)).getAuthorizations());
    expect([err.statusCode, err.json]).toEqual([401, { code: "unauthorized", message: `read:orgs/${orgId}/authorizations is unauthorized` }]);
  });

  test("a token can't grant what it doesn't hold", async () => {
    const minter = new AuthorizationsAPI(clientFor(t, await createToken(t, orgId, [perm("write", "authorizations", orgId)])));
    const err = await httpError(minter.postAuthorizations({ body: { orgID: orgId, permissions: [writeBucket()] } }));
    expect([err.statusCode, err.json]).toEqual([401, { code: "unauthorized", message: `write:orgs/${orgId}/buckets/${bucketId} is unauthorized` }]);
    const own = await minter.postAuthorizations({ body: { orgID: orgId, permissions: [perm("write", "authorizations", orgId)] } });
    expect(own.status).toBe("active");
  });

  test("another org's authorizations are not found, not listed, and stay untouched", async () => {
    const { org: b } = await otherOrg(t, "org-b");
    const bApi = new AuthorizationsAPI(clientFor(t, await createToken(t, b.id, [perm("read", "authorizations", b.id), perm("write", "authorizations", b.id)])));
    const ours = await create();
    for (const call of [
      bApi.getAuthorizationsID({ authID: ours.id! }),
      bApi.patchAuthorizationsID({ authID: ours.id!, body: { status: "inactive" } }),
      bApi.deleteAuthorizationsID({ authID: ours.id! }),
    ]) {
      expect((await httpError(call)).json).toEqual({ code: "not found", message: "authorization not found" });
    }
    const listed = (await bApi.getAuthorizations()).authorizations!;
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((a) => a.orgID === b.id)).toBe(true);
    expect((await httpError(bApi.getAuthorizations({ orgID: orgId }))).json).toEqual({ code: "not found", message: "organization not found" });
    expect((await httpError(bApi.postAuthorizations({ body: { orgID: orgId, permissions: [writeBucket()] } }))).statusCode).toBe(404);
    expect((await api.getAuthorizationsID({ authID: ours.id! })).status).toBe("active");
  });
});

describe("a token made through the API", () => {
  test("writes; is refused at once when inactive, works again when active, and is refused once deleted", async () => {
    const { id, token } = await create({ permissions: [writeBucket(), perm("read", "authorizations", orgId)] });
    expect((await write(token!)).status).toBe(204);

    await api.patchAuthorizationsID({ authID: id!, body: { status: "inactive" } });
    const refused = await write(token!);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ code: "unauthorized", message: "unauthorized access" });
    expect((await httpError(new AuthorizationsAPI(clientFor(t, token!)).getAuthorizations())).statusCode).toBe(401);

    await api.patchAuthorizationsID({ authID: id!, body: { status: "active" } });
    expect((await write(token!)).status).toBe(204);

    await api.deleteAuthorizationsID({ authID: id! });
    expect((await write(token!)).status).toBe(401);
  });
});
