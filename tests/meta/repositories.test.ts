import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { rmSync } from "node:fs";
import { MetaConflictError } from "../../storage/meta/conflict-error.ts";
import { isId, newId } from "../../storage/meta/id.ts";
import { openMetaStore, type MetaStore } from "../../storage/meta/meta-store.ts";
import type { Organization } from "../../storage/meta/schema.ts";
import { tempDir } from "../routes/test-server.ts";

let meta: MetaStore;
let dir: string;
beforeAll(async () => {
  dir = tempDir("strata-repos-");
  meta = await openMetaStore({ url: `file:${dir}/meta.db` });
});
afterAll(() => {
  meta.close();
  rmSync(dir, { recursive: true, force: true });
});

const FOREVER = [{ type: "expire" as const, everySeconds: 0 }];
const orgNamed = (name: string) => meta.orgs.create({ name: `${name}-${newId()}` });

test("IDs are 16 lowercase hex characters, never all zero", () => {
  const ids = new Set(Array.from({ length: 1000 }, newId));
  expect(ids.size).toBe(1000);
  for (const id of ids) expect(isId(id)).toBe(true);
  expect(isId("0000000000000000")).toBe(false);
  expect(isId("ABCDEF0123456789")).toBe(false);
  expect(isId("abc")).toBe(false);
});

describe("orgs", () => {
  test("create, find by id and name, update, list", async () => {
    const org = await orgNamed("acme");
    expect(isId(org.id)).toBe(true);
    expect(org.status).toBe("active");
    expect(await meta.orgs.findByName(org.name)).toEqual(org);
    const renamed = await meta.orgs.update(org.id, { name: `${org.name}-2`, description: "d" });
    expect(renamed).toMatchObject({ name: `${org.name}-2`, description: "d" });
    expect((await meta.orgs.list()).map((o) => o.id)).toContain(org.id);
    expect(await meta.orgs.update(newId(), { name: "x" })).toBeUndefined();
  });

  test("names are unique", async () => {
    const org = await orgNamed("dup");
    await expect(meta.orgs.create({ name: org.name })).rejects.toBeInstanceOf(MetaConflictError);
  });

  test("delete removes the org's buckets, mappings and tokens", async () => {
    const org = await orgNamed("gone");
    const bucket = await meta.buckets.create({ orgId: org.id, name: "b", retentionRules: FOREVER });
    await meta.dbrps.create({ orgId: org.id, bucketId: bucket.id, database: "db", retentionPolicy: "autogen" });
    const auth = await meta.authorizations.create({ orgId: org.id, tokenHash: newId(), permissions: [] });
    expect(await meta.orgs.delete(org.id)).toBe(true);
    expect(await meta.buckets.findById(bucket.id)).toBeUndefined();
    expect(await meta.dbrps.list({ orgId: org.id })).toEqual([]);
    expect(await meta.authorizations.findById(auth.id)).toBeUndefined();
    expect(await meta.orgs.delete(org.id)).toBe(false);
  });
});

describe("buckets", () => {
  let org: Organization;
  beforeAll(async () => {
    org = await orgNamed("buckets");
  });

  test("create with retention rules and schema type; find by id and by name in its org", async () => {
    const b = await meta.buckets.create({
      orgId: org.id,
      name: "sensors",
      retentionRules: [{ type: "expire", everySeconds: 3600, shardGroupDurationSeconds: 600 }],
      schemaType: "explicit",
    });
    expect(b).toMatchObject({ type: "user", schemaType: "explicit", rp: null });
    expect((await meta.buckets.findById(b.id))?.retentionRules).toEqual([
      { type: "expire", everySeconds: 3600, shardGroupDurationSeconds: 600 },
    ]);
    expect((await meta.buckets.findByName(org.id, "sensors"))?.id).toBe(b.id);
    expect(await meta.buckets.findByName(newId(), "sensors")).toBeUndefined();
  });

  test("names are unique within an org only", async () => {
    await meta.buckets.create({ orgId: org.id, name: "same", retentionRules: FOREVER });
    await expect(meta.buckets.create({ orgId: org.id, name: "same", retentionRules: FOREVER })).rejects.toThrow(
      "bucket with name same already exists",
    );
    const other = await orgNamed("other");
    await meta.buckets.create({ orgId: other.id, name: "same", retentionRules: FOREVER });
  });

  test("list pages in creation order, with name, offset, limit and after", async () => {
    const o = await orgNamed("paging");
    const made = [];
    for (const name of ["c", "a", "b", "d"]) made.push(await meta.buckets.create({ orgId: o.id, name, retentionRules: FOREVER }));
    const names = async (f: object) => (await meta.buckets.list({ orgId: o.id, ...f })).map((b) => b.name);
    expect(await names({})).toEqual(["c", "a", "b", "d"]);
    expect(await names({ limit: 2, offset: 1 })).toEqual(["a", "b"]);
    expect(await names({ after: made[1]!.id })).toEqual(["b", "d"]);
    expect(await names({ name: "b" })).toEqual(["b"]);
    expect(await names({ offset: 10 })).toEqual([]);
  });

  test("update changes name and retention; delete drops its mappings", async () => {
    const b = await meta.buckets.create({ orgId: org.id, name: "old", retentionRules: FOREVER });
    await meta.dbrps.create({ orgId: org.id, bucketId: b.id, database: "olddb", retentionPolicy: "autogen" });
    const u = await meta.buckets.update(b.id, { name: "new", retentionRules: [{ type: "expire", everySeconds: 60 }] });
    expect(u).toMatchObject({ name: "new", retentionRules: [{ type: "expire", everySeconds: 60 }] });
    expect(u!.updatedAt.getTime()).toBeGreaterThanOrEqual(b.updatedAt.getTime());
    expect(await meta.buckets.delete(b.id)).toBe(true);
    expect(await meta.dbrps.list({ bucketId: b.id })).toEqual([]);
  });
});

describe("authorizations", () => {
  test("stored by token hash with permissions; status and description change, and listeners hear it", async () => {
    const org = await orgNamed("auth");
    const user = await meta.users.create({ name: `u-${newId()}` });
    const permissions = [{ action: "read" as const, resource: { type: "buckets" as const, orgID: org.id } }];
    const a = await meta.authorizations.create({ orgId: org.id, userId: user.id, tokenHash: "h1-" + newId(), permissions });
    expect((await meta.authorizations.findByTokenHash(a.tokenHash))?.permissions).toEqual(permissions);
    expect((await meta.authorizations.list({ orgId: org.id })).map((x) => x.id)).toEqual([a.id]);
    expect(await meta.authorizations.list({ userId: user.id })).toHaveLength(1);

    let heard = 0;
    const off = meta.authChanges.add(() => heard++);
    expect(await meta.authorizations.update(a.id, { status: "inactive", description: "off" })).toMatchObject({
      status: "inactive",
      description: "off",
    });
    expect(heard).toBe(1);
    off();
  });

  test("deleting a user deletes the tokens scoped to them", async () => {
    const org = await orgNamed("userdel");
    const user = await meta.users.create({ name: `u-${newId()}` });
    const a = await meta.authorizations.create({ orgId: org.id, userId: user.id, tokenHash: newId(), permissions: [] });
    const l = await meta.legacyAuthorizations.create({ orgId: org.id, userId: user.id, username: `v1-${newId()}`, permissions: [] });
    expect(await meta.users.delete(user.id)).toBe(true);
    expect(await meta.authorizations.findById(a.id)).toBeUndefined();
    expect(await meta.legacyAuthorizations.findById(l.id)).toBeUndefined();
  });
});

describe("legacy authorizations", () => {
  test("usernames are unique; a password hash is set later", async () => {
    const org = await orgNamed("legacy");
    const username = `telegraf-${newId()}`;
    const l = await meta.legacyAuthorizations.create({ orgId: org.id, username, permissions: [] });
    expect(l.passwordHash).toBeNull();
    await expect(meta.legacyAuthorizations.create({ orgId: org.id, username, permissions: [] })).rejects.toBeInstanceOf(
      MetaConflictError,
    );
    await meta.legacyAuthorizations.setPasswordHash(l.id, "hash");
    expect((await meta.legacyAuthorizations.findByUsername(username))?.passwordHash).toBe("hash");
    expect(await meta.legacyAuthorizations.list({ orgId: org.id, username })).toHaveLength(1);
    expect(await meta.legacyAuthorizations.delete(l.id)).toBe(true);
  });
});

describe("DBRP mappings", () => {
  test("the first mapping of a database is its default; a new default replaces the old one", async () => {
    const org = await orgNamed("dbrp");
    const b = await meta.buckets.create({ orgId: org.id, name: "b", retentionRules: FOREVER });
    const autogen = await meta.dbrps.create({ orgId: org.id, bucketId: b.id, database: "telegraf", retentionPolicy: "autogen" });
    expect(autogen.isDefault).toBe(true);
    const weekly = await meta.dbrps.create({ orgId: org.id, bucketId: b.id, database: "telegraf", retentionPolicy: "weekly" });
    expect(weekly.isDefault).toBe(false);

    expect((await meta.dbrps.resolve(org.id, "telegraf"))?.id).toBe(autogen.id);
    expect((await meta.dbrps.resolve(org.id, "telegraf", "weekly"))?.id).toBe(weekly.id);
    expect(await meta.dbrps.resolve(org.id, "nope")).toBeUndefined();

    await meta.dbrps.update(weekly.id, { isDefault: true });
    expect((await meta.dbrps.resolve(org.id, "telegraf"))?.id).toBe(weekly.id);
    expect(await meta.dbrps.list({ orgId: org.id, isDefault: true })).toHaveLength(1);

    const forced = await meta.dbrps.create({ orgId: org.id, bucketId: b.id, database: "telegraf", retentionPolicy: "x", isDefault: true });
    expect((await meta.dbrps.list({ orgId: org.id, isDefault: true })).map((d) => d.id)).toEqual([forced.id]);
  });

  test("deleting the bucket of a database's default mapping makes another of its mappings the default", async () => {
    const org = await orgNamed("dbrp-bucket-gone");
    const first = await meta.buckets.create({ orgId: org.id, name: "first", retentionRules: FOREVER });
    const second = await meta.buckets.create({ orgId: org.id, name: "second", retentionRules: FOREVER });
    await meta.dbrps.create({ orgId: org.id, bucketId: first.id, database: "telegraf", retentionPolicy: "autogen" });
    const weekly = await meta.dbrps.create({ orgId: org.id, bucketId: second.id, database: "telegraf", retentionPolicy: "weekly" });
    const other = await meta.dbrps.create({ orgId: org.id, bucketId: second.id, database: "other", retentionPolicy: "autogen" });

    await meta.buckets.delete(first.id);
    expect((await meta.dbrps.resolve(org.id, "telegraf"))?.id).toBe(weekly.id);
    expect((await meta.dbrps.list({ orgId: org.id, isDefault: true })).map((d) => d.id).sort()).toEqual([weekly.id, other.id].sort());
    await meta.buckets.delete(second.id);
    expect(await meta.dbrps.list({ orgId: org.id })).toEqual([]);
  });

  test("database + retention policy is unique in an org", async () => {
    const org = await orgNamed("dbrp-dup");
    const b = await meta.buckets.create({ orgId: org.id, name: "b", retentionRules: FOREVER });
    await meta.dbrps.create({ orgId: org.id, bucketId: b.id, database: "db", retentionPolicy: "rp" });
    await expect(
      meta.dbrps.create({ orgId: org.id, bucketId: b.id, database: "db", retentionPolicy: "rp", isDefault: true }),
    ).rejects.toBeInstanceOf(MetaConflictError);
    // The failed create must not have cleared the existing default.
    expect(await meta.dbrps.resolve(org.id, "db")).toBeDefined();
  });
});

test("settings: get, set, overwrite", async () => {
  expect(await meta.settings.get("k")).toBeUndefined();
  await meta.settings.set("k", "1");
  await meta.settings.set("k", "2");
  expect(await meta.settings.get("k")).toBe("2");
});
