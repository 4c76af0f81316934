/**
 * Legacy authorizations (v1 username/password) at both prefixes, through the official client's
 * transport (the generated client has no LegacyAuthorizationsAPI): create, read back, list with
 * filters, update, set password, delete, the error cases, and a v1 user made here writing via
 * `/write?u=&p=` and Basic auth until it is made inactive or deleted.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Authorization, Authorizations } from "@influxdata/influxdb-client-apis";
import { clientFor, httpError, otherOrg, perm } from "./authorizations-fixtures.ts";
import { createToken } from "./credentials.ts";
import { startTestServer, TEST_TOKEN, type TestServer } from "./test-server.ts";

let t: TestServer;
let orgId: string;
let bucketId: string;

beforeAll(async () => {
  t = await startTestServer();
  orgId = t.server.ctx.defaults.orgId;
  bucketId = t.server.ctx.defaults.bucketId;
});
afterAll(() => t.stop());

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** A client for the legacy paths under `prefix`, acting with `token`. */
function legacyApi(prefix: string, token = TEST_TOKEN) {
  const transport = clientFor(t, token).transport;
  const send = (method: string, path: string, body?: unknown) =>
    transport.request(`${prefix}${path}`, body === undefined ? "" : body, { method, headers: { "content-type": "application/json" } });
  return {
    list: (query = ""): Promise<Authorizations> => send("GET", query && `?${query}`),
    create: (body: object): Promise<Authorization> => send("POST", "", { orgID: orgId, permissions: [perm("write", "buckets", orgId, bucketId)], ...body }),
    get: (id: string): Promise<Authorization> => send("GET", `/${id}`),
    patch: (id: string, body: object): Promise<Authorization> => send("PATCH", `/${id}`, body),
    remove: (id: string): Promise<void> => send("DELETE", `/${id}`),
    setPassword: (id: string, password: string): Promise<void> => send("POST", `/${id}/password`, { password }),
  };
}

const v1Write = (query: string, init: RequestInit = {}) => t.request(`/write?db=default&${query}`, { method: "POST", body: "v1 v=1", auth: false, ...init });
const basic = (user: string, password: string) => ({ Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}` });

describe.each(["/private/legacy/authorizations", "/legacy/authorizations"])("%s", (prefix) => {
  let api: ReturnType<typeof legacyApi>;
  beforeAll(() => {
    api = legacyApi(prefix);
  });
  const name = (suffix: string) => `${prefix.startsWith("/private") ? "p" : "u"}-${suffix}`;

  test("create, read back, update, delete; the username is the `token` field", async () => {
    const created = await api.create({ token: name("telegraf"), description: "v1 writer" });
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
      token: name("telegraf"),
      status: "active",
      description: "v1 writer",
      orgID: orgId,
      org: "default",
      userID: t.server.ctx.operator.userId!,
      user: "admin",
      permissions: [{ action: "write", resource: { type: "buckets", id: bucketId, orgID: orgId, name: "default", org: "default" } }],
      links: { self: `${prefix}/${created.id}`, user: `/api/v2/users/${t.server.ctx.operator.userId}` },
      createdAt: expect.stringMatching(RFC3339),
      updatedAt: created.createdAt,
    });
    expect(await api.get(created.id!)).toEqual(created);

    const patched = await api.patch(created.id!, { status: "inactive", description: "paused" });
    expect(patched).toMatchObject({ id: created.id, status: "inactive", description: "paused", token: name("telegraf") });
    expect(await api.get(created.id!)).toEqual(patched);

    await api.remove(created.id!);
    const err = await httpError(api.get(created.id!));
    expect([err.statusCode, err.json]).toEqual([404, { code: "not found", message: "authorization not found" }]);
  });

  test("list with filters: token (username), authID, user, org", async () => {
    const a = await api.create({ token: name("list-a") });
    const b = await api.create({ token: name("list-b") });
    const ids = async (query: string) => (await api.list(query)).authorizations!.map((x) => x.id);
    expect((await api.list()).links).toEqual({ self: prefix });
    expect(await ids("")).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await ids(`token=${name("list-a")}`)).toEqual([a.id]);
    expect(await ids(`authID=${b.id}`)).toEqual([b.id]);
    expect(await ids("user=admin")).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await ids("user=nobody")).toEqual([]);
    expect(await ids(`orgID=${orgId}&token=${name("list-b")}`)).toEqual([b.id]);
    expect((await httpError(api.list("org=nope"))).statusCode).toBe(404);
  });

  test("errors: duplicate username 422, no username 400, short password 400, unknown ID 404, malformed ID 400", async () => {
    await api.create({ token: name("dup") });
    let err = await httpError(api.create({ token: name("dup") }));
    expect([err.statusCode, err.json]).toEqual([422, { code: "conflict", message: `authorization with username ${name("dup")} already exists` }]);
    err = await httpError(api.create({}));
    expect([err.statusCode, err.json]).toEqual([400, { code: "invalid", message: "token required for v1 user authorization type" }]);
    err = await httpError(api.create({ token: "has:colon" }));
    expect(err.statusCode).toBe(400);
    const { id } = await api.create({ token: name("short") });
    err = await httpError(api.setPassword(id!, "1234567"));
    expect([err.statusCode, err.json]).toEqual([400, { code: "invalid", message: "passwords must be at least 8 characters long" }]);
    err = await httpError(api.setPassword("0123456789abcdef", "long enough"));
    expect([err.statusCode, err.json]).toEqual([404, { code: "not found", message: "authorization not found" }]);
    err = await httpError(api.get("xyz"));
    expect([err.statusCode, err.json]).toEqual([400, { code: "invalid", message: "id must have a length of 16 bytes" }]);
  });

  test("a token without the permission is 401; another org's legacy authorizations are not found", async () => {
    const reader = legacyApi(prefix, await createToken(t, orgId, [perm("read", "buckets", orgId)]));
    let err = await httpError(reader.list());
    expect([err.statusCode, err.json]).toEqual([401, { code: "unauthorized", message: `read:orgs/${orgId}/authorizations is unauthorized` }]);
    err = await httpError(reader.create({ token: name("nope") }));
    expect(err.statusCode).toBe(401);

    const ours = await api.create({ token: name("ours") });
    const { org: other } = await otherOrg(t, name("org-b"));
    const outsider = legacyApi(prefix, await createToken(t, other.id, [perm("read", "authorizations", other.id), perm("write", "authorizations", other.id)]));
    for (const call of [outsider.get(ours.id!), outsider.patch(ours.id!, { status: "inactive" }), outsider.setPassword(ours.id!, "takeover!"), outsider.remove(ours.id!)]) {
      expect((await httpError(call)).json).toEqual({ code: "not found", message: "authorization not found" });
    }
    expect((await outsider.list()).authorizations).toEqual([]);
    expect((await api.get(ours.id!)).status).toBe("active");
  });
});

// The credential check doesn't depend on the prefix that made the user, and argon2 makes each
// password check slow, so this runs once and checks as few wrong passwords as it can.
// Every v1 login verifies an argon2id hash, slow by design: a loaded machine needs more than the default 5 s.
test("a v1 user made through the API writes with u/p and Basic auth; refused at once when inactive, after a new password, or deleted", async () => {
  const api = legacyApi("/private/legacy/authorizations");
  const user = "v1-writer";
  const { id } = await api.create({ token: user });
  expect((await v1Write(`u=${user}&p=s3cret-pass`)).status).toBe(401); // no password yet
  await api.setPassword(id!, "s3cret-pass");

  expect((await v1Write(`u=${user}&p=s3cret-pass`)).status).toBe(204);
  expect((await v1Write("", { headers: basic(user, "s3cret-pass") })).status).toBe(204);

  await api.patch(id!, { status: "inactive" });
  expect((await v1Write("", { headers: basic(user, "s3cret-pass") })).status).toBe(401);

  await api.patch(id!, { status: "active" });
  await api.setPassword(id!, "new-secret");
  expect((await v1Write(`u=${user}&p=s3cret-pass`)).status).toBe(401);
  expect((await v1Write(`u=${user}&p=new-secret`)).status).toBe(204);

  await api.remove(id!);
  expect((await v1Write(`u=${user}&p=new-secret`)).status).toBe(401);
}, 20_000);
