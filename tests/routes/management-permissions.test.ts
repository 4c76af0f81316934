/**
 * For each operation on orgs, buckets, bucket schemas, labels, secrets, limits, usage and delete:
 * a token holding exactly the permissions the operation needs (on the one resource, where it
 * names one) is allowed, and a token missing any one of them is refused with 401, even when it
 * holds the other action on that resource instead.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { newId } from "../../storage/meta/id.ts";
import type { Action, Permission, ResourceType } from "../../storage/meta/permission.ts";
import { createToken } from "./credentials.ts";
import { startTestServer, type TestServer } from "./test-server.ts";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

/** Fresh resources for one request, in a fresh org. */
interface Fixture {
  org: string;
  bucket: string;
  label: string;
  attached: string;
  /** A member of the org and the bucket. */
  user: string;
  /** An owner of the org and the bucket. */
  owner: string;
  schema: string;
}

async function fixture(): Promise<Fixture> {
  const meta = t.server.ctx.meta;
  const org = await meta.orgs.create({ name: `org-${newId()}` });
  const bucket = await meta.buckets.create({ orgId: org.id, name: "b", retentionRules: [{ type: "expire", everySeconds: 0 }], schemaType: "explicit" });
  const label = await meta.labels.create({ orgId: org.id, name: "free" });
  const attached = await meta.labels.create({ orgId: org.id, name: "on-bucket" });
  await meta.labels.attach(attached.id, "buckets", bucket.id);
  const user = await meta.users.create({ name: `user-${newId()}` });
  const owner = await meta.users.create({ name: `owner-${newId()}` });
  for (const [userId, role] of [[user.id, "member"], [owner.id, "owner"]] as const) {
    await meta.members.set({ userId, resourceType: "orgs", resourceId: org.id, role });
    await meta.members.set({ userId, resourceType: "buckets", resourceId: bucket.id, role });
  }
  await meta.secrets.put(org.id, new Map([["k", "sealed"]]));
  const schema = await meta.measurementSchemas.create({ orgId: org.id, bucketId: bucket.id, name: "cpu", columns: COLUMNS });
  return { org: org.id, bucket: bucket.id, label: label.id, attached: attached.id, user: user.id, owner: owner.id, schema: schema.id };
}

const COLUMNS = [
  { name: "time", type: "timestamp" as const },
  { name: "v", type: "field" as const, dataType: "float" as const },
];

const on = (action: Action, type: ResourceType, orgID: string, id?: string): Permission => ({ action, resource: { type, orgID, ...(id ? { id } : {}) } });
const orgPerm = (action: Action, org: string) => on(action, "orgs", org, org);
const flip = (p: Permission): Permission => ({ ...p, action: p.action === "read" ? "write" : "read" });

type Request = [method: string, path: string, body?: unknown];

interface Case {
  op: string;
  needs: (f: Fixture) => Permission[];
  request: (f: Fixture) => Request;
  status: number;
}

const CASES: Case[] = [
  // Organizations
  { op: "GetOrgs", needs: (f) => [orgPerm("read", f.org)], request: () => ["GET", "/api/v2/orgs"], status: 200 },
  { op: "PostOrgs", needs: () => [{ action: "write", resource: { type: "orgs" } }], request: () => ["POST", "/api/v2/orgs", { name: `new-${newId()}` }], status: 201 },
  { op: "GetOrgsID", needs: (f) => [orgPerm("read", f.org)], request: (f) => ["GET", `/api/v2/orgs/${f.org}`], status: 200 },
  { op: "PatchOrgsID", needs: (f) => [orgPerm("write", f.org)], request: (f) => ["PATCH", `/api/v2/orgs/${f.org}`, { description: "x" }], status: 200 },
  { op: "DeleteOrgsID", needs: (f) => [orgPerm("write", f.org)], request: (f) => ["DELETE", `/api/v2/orgs/${f.org}`], status: 204 },
  { op: "GetOrgsIDMembers", needs: (f) => [orgPerm("read", f.org)], request: (f) => ["GET", `/api/v2/orgs/${f.org}/members`], status: 200 },
  { op: "PostOrgsIDMembers", needs: (f) => [orgPerm("write", f.org)], request: (f) => ["POST", `/api/v2/orgs/${f.org}/members`, { id: f.user }], status: 201 },
  { op: "DeleteOrgsIDMembersID", needs: (f) => [orgPerm("write", f.org)], request: (f) => ["DELETE", `/api/v2/orgs/${f.org}/members/${f.user}`], status: 204 },
  { op: "GetOrgsIDOwners", needs: (f) => [orgPerm("read", f.org)], request: (f) => ["GET", `/api/v2/orgs/${f.org}/owners`], status: 200 },
  { op: "PostOrgsIDOwners", needs: (f) => [orgPerm("write", f.org)], request: (f) => ["POST", `/api/v2/orgs/${f.org}/owners`, { id: f.user }], status: 201 },
  { op: "DeleteOrgsIDOwnersID", needs: (f) => [orgPerm("write", f.org)], request: (f) => ["DELETE", `/api/v2/orgs/${f.org}/owners/${f.owner}`], status: 204 },
  { op: "GetOrgLimitsID", needs: (f) => [orgPerm("read", f.org)], request: (f) => ["GET", `/api/v2/orgs/${f.org}/limits`], status: 200 },
  { op: "GetOrgUsageID", needs: (f) => [orgPerm("read", f.org)], request: (f) => ["GET", `/api/v2/orgs/${f.org}/usage?start=0`], status: 200 },
  // Secrets
  { op: "GetOrgsIDSecrets", needs: (f) => [on("read", "secrets", f.org)], request: (f) => ["GET", `/api/v2/orgs/${f.org}/secrets`], status: 200 },
  { op: "PatchOrgsIDSecrets", needs: (f) => [on("write", "secrets", f.org)], request: (f) => ["PATCH", `/api/v2/orgs/${f.org}/secrets`, { a: "b" }], status: 204 },
  { op: "DeleteOrgsIDSecretsID", needs: (f) => [on("write", "secrets", f.org)], request: (f) => ["DELETE", `/api/v2/orgs/${f.org}/secrets/k`], status: 204 },
  { op: "PostOrgsIDSecrets", needs: (f) => [on("write", "secrets", f.org)], request: (f) => ["POST", `/api/v2/orgs/${f.org}/secrets/delete`, { secrets: ["k"] }], status: 204 },
  // Buckets
  { op: "GetBuckets", needs: (f) => [on("read", "buckets", f.org, f.bucket)], request: () => ["GET", "/api/v2/buckets"], status: 200 },
  { op: "PostBuckets", needs: (f) => [on("write", "buckets", f.org)], request: (f) => ["POST", "/api/v2/buckets", { orgID: f.org, name: "new" }], status: 201 },
  { op: "GetBucketsID", needs: (f) => [on("read", "buckets", f.org, f.bucket)], request: (f) => ["GET", `/api/v2/buckets/${f.bucket}`], status: 200 },
  { op: "PatchBucketsID", needs: (f) => [on("write", "buckets", f.org, f.bucket)], request: (f) => ["PATCH", `/api/v2/buckets/${f.bucket}`, { description: "x" }], status: 200 },
  { op: "DeleteBucketsID", needs: (f) => [on("write", "buckets", f.org, f.bucket)], request: (f) => ["DELETE", `/api/v2/buckets/${f.bucket}`], status: 204 },
  { op: "GetBucketsIDLabels", needs: (f) => [on("read", "buckets", f.org, f.bucket)], request: (f) => ["GET", `/api/v2/buckets/${f.bucket}/labels`], status: 200 },
  {
    op: "PostBucketsIDLabels",
    needs: (f) => [on("write", "buckets", f.org, f.bucket), on("write", "labels", f.org, f.label)],
    request: (f) => ["POST", `/api/v2/buckets/${f.bucket}/labels`, { labelID: f.label }],
    status: 201,
  },
  {
    op: "DeleteBucketsIDLabelsID",
    needs: (f) => [on("write", "buckets", f.org, f.bucket), on("write", "labels", f.org, f.attached)],
    request: (f) => ["DELETE", `/api/v2/buckets/${f.bucket}/labels/${f.attached}`],
    status: 204,
  },
  { op: "GetBucketsIDMembers", needs: (f) => [on("read", "buckets", f.org, f.bucket)], request: (f) => ["GET", `/api/v2/buckets/${f.bucket}/members`], status: 200 },
  { op: "PostBucketsIDMembers", needs: (f) => [on("write", "buckets", f.org, f.bucket)], request: (f) => ["POST", `/api/v2/buckets/${f.bucket}/members`, { id: f.user }], status: 201 },
  { op: "DeleteBucketsIDMembersID", needs: (f) => [on("write", "buckets", f.org, f.bucket)], request: (f) => ["DELETE", `/api/v2/buckets/${f.bucket}/members/${f.user}`], status: 204 },
  { op: "GetBucketsIDOwners", needs: (f) => [orgPerm("read", f.org)], request: (f) => ["GET", `/api/v2/buckets/${f.bucket}/owners`], status: 200 },
  { op: "PostBucketsIDOwners", needs: (f) => [orgPerm("write", f.org)], request: (f) => ["POST", `/api/v2/buckets/${f.bucket}/owners`, { id: f.user }], status: 201 },
  { op: "DeleteBucketsIDOwnersID", needs: (f) => [orgPerm("write", f.org)], request: (f) => ["DELETE", `/api/v2/buckets/${f.bucket}/owners/${f.owner}`], status: 204 },
  // Bucket schemas
  { op: "getMeasurementSchemas", needs: (f) => [on("read", "buckets", f.org, f.bucket)], request: (f) => ["GET", `/api/v2/buckets/${f.bucket}/schema/measurements`], status: 200 },
  {
    op: "createMeasurementSchema",
    needs: (f) => [on("write", "buckets", f.org, f.bucket)],
    request: (f) => ["POST", `/api/v2/buckets/${f.bucket}/schema/measurements`, { name: "mem", columns: COLUMNS }],
    status: 201,
  },
  { op: "getMeasurementSchema", needs: (f) => [on("read", "buckets", f.org, f.bucket)], request: (f) => ["GET", `/api/v2/buckets/${f.bucket}/schema/measurements/${f.schema}`], status: 200 },
  {
    op: "updateMeasurementSchema",
    needs: (f) => [on("write", "buckets", f.org, f.bucket)],
    request: (f) => ["PATCH", `/api/v2/buckets/${f.bucket}/schema/measurements/${f.schema}`, { columns: [...COLUMNS, { name: "h", type: "tag" }] }],
    status: 200,
  },
  // Labels
  { op: "GetLabels", needs: (f) => [on("read", "labels", f.org, f.label)], request: (f) => ["GET", `/api/v2/labels?orgID=${f.org}`], status: 200 },
  { op: "PostLabels", needs: (f) => [on("write", "labels", f.org)], request: (f) => ["POST", "/api/v2/labels", { orgID: f.org, name: "new" }], status: 201 },
  { op: "GetLabelsID", needs: (f) => [on("read", "labels", f.org, f.label)], request: (f) => ["GET", `/api/v2/labels/${f.label}`], status: 200 },
  { op: "PatchLabelsID", needs: (f) => [on("write", "labels", f.org, f.label)], request: (f) => ["PATCH", `/api/v2/labels/${f.label}`, { name: "renamed" }], status: 200 },
  { op: "DeleteLabelsID", needs: (f) => [on("write", "labels", f.org, f.label)], request: (f) => ["DELETE", `/api/v2/labels/${f.label}`], status: 204 },
  // Delete
  {
    op: "PostDelete",
    needs: (f) => [on("write", "buckets", f.org, f.bucket)],
    request: (f) => ["POST", `/api/v2/delete?bucketID=${f.bucket}`, { start: "2026-01-01T00:00:00Z", stop: "2026-01-02T00:00:00Z" }],
    status: 204,
  },
];

async function send(token: string, [method, path, body]: Request): Promise<Response> {
  return t.request(path, {
    method,
    headers: { Authorization: `Token ${token}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe.each(CASES)("$op", (c) => {
  test(`allowed with exactly what it needs (${c.status})`, async () => {
    const f = await fixture();
    const res = await send(await createToken(t, f.org, c.needs(f)), c.request(f));
    expect([res.status, res.status < 300 ? "" : await res.text()]).toEqual([c.status, ""]);
  });

  test("refused (401) without any one of them, even holding the other action", async () => {
    const f = await fixture();
    const needs = c.needs(f);
    for (let i = 0; i < needs.length; i++) {
      const nearMiss = needs.map((p, j) => (j === i ? flip(p) : p));
      const res = await send(await createToken(t, f.org, nearMiss), c.request(f));
      expect(res.status).toBe(401);
      expect(((await res.json()) as { code: string }).code).toBe("unauthorized");
    }
  });
});
