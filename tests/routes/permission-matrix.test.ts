/**
 * For each operation on authorizations, legacy authorizations and DBRP mappings: a token holding
 * exactly the permissions the operation needs is allowed, and a token missing any one of them is
 * refused with 401, even when it holds a near miss instead (the other action on the type, or the
 * same permission on another bucket).
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { generateToken, hashToken } from "../../app/auth/secrets.ts";
import type { Permission } from "../../storage/meta/permission.ts";
import { perm } from "./authorizations-fixtures.ts";
import { createToken } from "./credentials.ts";
import { startTestServer, type TestServer } from "./test-server.ts";

let t: TestServer;
let orgId: string;
let bucketId: string;
let otherBucketId: string;
let aliceId: string;
let serial = 0;

beforeAll(async () => {
  t = await startTestServer();
  orgId = t.server.ctx.defaults.orgId;
  bucketId = t.server.ctx.defaults.bucketId;
  otherBucketId = (await t.server.ctx.meta.buckets.create({ orgId, name: "other", retentionRules: [{ type: "expire", everySeconds: 0 }] })).id;
  aliceId = (await t.server.ctx.meta.users.create({ name: "alice" })).id;
});
afterAll(() => t.stop());

const unique = (name: string) => `${name}-${++serial}`;
const meta = () => t.server.ctx.meta;

/** Targets made straight in the metadata store, so each case starts from a fresh one. */
const newAuthorization = async (userId: string | null = null) =>
  (await meta().authorizations.create({ orgId, userId, tokenHash: hashToken(generateToken()), permissions: [perm("read", "buckets", orgId)] })).id;
const newLegacy = async () => (await meta().legacyAuthorizations.create({ orgId, username: unique("v1"), permissions: [perm("read", "buckets", orgId)] })).id;
const newDbrp = async () => (await meta().dbrps.create({ orgId, bucketId, database: unique("db"), retentionPolicy: "autogen" })).id;

type Request = [method: string, path: string, body?: unknown];

interface Case {
  op: string;
  needs: () => Permission[];
  request: () => Promise<Request>;
  status: number;
}

const LEGACY = "/private/legacy/authorizations";

const CASES: Case[] = [
  { op: "GetAuthorizations", needs: () => [perm("read", "authorizations", orgId)], request: async () => ["GET", "/api/v2/authorizations"], status: 200 },
  {
    op: "PostAuthorizations",
    needs: () => [perm("write", "authorizations", orgId)],
    request: async () => ["POST", "/api/v2/authorizations", { orgID: orgId, permissions: [perm("write", "authorizations", orgId)] }],
    status: 201,
  },
  {
    op: "PostAuthorizations granting read-buckets",
    needs: () => [perm("write", "authorizations", orgId), perm("read", "buckets", orgId)],
    request: async () => ["POST", "/api/v2/authorizations", { orgID: orgId, permissions: [perm("read", "buckets", orgId)] }],
    status: 201,
  },
  {
    op: "PostAuthorizations for another user",
    needs: () => [perm("write", "authorizations", orgId), perm("write", "users", orgId)],
    request: async () => ["POST", "/api/v2/authorizations", { orgID: orgId, userID: aliceId, permissions: [perm("write", "authorizations", orgId)] }],
    status: 201,
  },
  {
    op: "GetAuthorizationsID",
    needs: () => [perm("read", "authorizations", orgId)],
    request: async () => ["GET", `/api/v2/authorizations/${await newAuthorization()}`],
    status: 200,
  },
  {
    op: "GetAuthorizationsID of a user's token",
    needs: () => [perm("read", "authorizations", orgId), perm("read", "users", orgId)],
    request: async () => ["GET", `/api/v2/authorizations/${await newAuthorization(aliceId)}`],
    status: 200,
  },
  {
    op: "PatchAuthorizationsID",
    needs: () => [perm("write", "authorizations", orgId)],
    request: async () => ["PATCH", `/api/v2/authorizations/${await newAuthorization()}`, { status: "inactive" }],
    status: 200,
  },
  {
    op: "DeleteAuthorizationsID",
    needs: () => [perm("write", "authorizations", orgId)],
    request: async () => ["DELETE", `/api/v2/authorizations/${await newAuthorization()}`],
    status: 204,
  },
  {
    op: "DeleteAuthorizationsID of a user's token",
    needs: () => [perm("write", "authorizations", orgId), perm("write", "users", orgId)],
    request: async () => ["DELETE", `/api/v2/authorizations/${await newAuthorization(aliceId)}`],
    status: 204,
  },
  { op: "GetLegacyAuthorizations", needs: () => [perm("read", "authorizations", orgId)], request: async () => ["GET", LEGACY], status: 200 },
  {
    op: "PostLegacyAuthorizations",
    needs: () => [perm("write", "authorizations", orgId)],
    request: async () => ["POST", LEGACY, { orgID: orgId, token: unique("v1"), permissions: [perm("write", "authorizations", orgId)] }],
    status: 201,
  },
  {
    op: "GetLegacyAuthorizationsID",
    needs: () => [perm("read", "authorizations", orgId)],
    request: async () => ["GET", `${LEGACY}/${await newLegacy()}`],
    status: 200,
  },
  {
    op: "PatchLegacyAuthorizationsID",
    needs: () => [perm("write", "authorizations", orgId)],
    request: async () => ["PATCH", `${LEGACY}/${await newLegacy()}`, { description: "changed" }],
    status: 200,
  },
  {
    op: "DeleteLegacyAuthorizationsID",
    needs: () => [perm("write", "authorizations", orgId)],
    request: async () => ["DELETE", `${LEGACY}/${await newLegacy()}`],
    status: 204,
  },
  {
    op: "PostLegacyAuthorizationsIDPassword",
    needs: () => [perm("write", "authorizations", orgId)],
    request: async () => ["POST", `${LEGACY}/${await newLegacy()}/password`, { password: "long-enough" }],
    status: 204,
  },
  { op: "GetDBRPs", needs: () => [perm("read", "buckets", orgId)], request: async () => ["GET", "/api/v2/dbrps"], status: 200 },
  {
    op: "PostDBRP",
    needs: () => [perm("write", "buckets", orgId, bucketId)],
    request: async () => ["POST", "/api/v2/dbrps", { bucketID: bucketId, database: unique("db"), retention_policy: "autogen" }],
    status: 201,
  },
  { op: "GetDBRPsID", needs: () => [perm("read", "buckets", orgId, bucketId)], request: async () => ["GET", `/api/v2/dbrps/${await newDbrp()}`], status: 200 },
  {
    op: "PatchDBRPID",
    needs: () => [perm("write", "buckets", orgId, bucketId)],
    request: async () => ["PATCH", `/api/v2/dbrps/${await newDbrp()}`, { retention_policy: "renamed" }],
    status: 200,
  },
  {
    op: "DeleteDBRPID",
    needs: () => [perm("write", "buckets", orgId, bucketId)],
    request: async () => ["DELETE", `/api/v2/dbrps/${await newDbrp()}`],
    status: 204,
  },
];

/** The closest permission that must not do: the same on another bucket, or the other action on the type. */
function nearMiss({ action, resource }: Permission): Permission {
  if (resource.id !== undefined) return perm(action, resource.type, orgId, otherBucketId);
  return perm(action === "read" ? "write" : "read", resource.type, orgId);
}

async function send(token: string, [method, path, body]: Request): Promise<Response> {
  return t.request(path, {
    method,
    headers: { Authorization: `Token ${token}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe("each operation needs exactly its permissions", () => {
  test.each(CASES.map((c) => [c.op, c] as const))("%s", async (_, c) => {
    const needs = c.needs();
    for (const missing of needs) {
      const held = [...needs.filter((p) => p !== missing), nearMiss(missing)];
      const res = await send(await createToken(t, orgId, held), await c.request());
      expect([missing, res.status, ((await res.json()) as { code: string }).code]).toEqual([missing, 401, "unauthorized"]);
    }
    const res = await send(await createToken(t, orgId, needs), await c.request());
    expect(res.status).toBe(c.status);
  });
});
