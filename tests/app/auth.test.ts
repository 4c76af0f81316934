import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { rmSync } from "node:fs";
import { Authenticator } from "../../app/auth/authenticator.ts";
import { readCredentials } from "../../app/auth/credentials.ts";
import { authorize, can, operatorPermissions, type Principal } from "../../app/auth/permissions.ts";
import { generateToken, hashPassword, hashToken } from "../../app/auth/secrets.ts";
import { ApiError } from "../../app/errors.ts";
import { newId } from "../../storage/meta/id.ts";
import { openMetaStore, type MetaStore } from "../../storage/meta/meta-store.ts";
import type { Permission } from "../../storage/meta/permission.ts";
import { tempDir } from "../routes/test-server.ts";

describe("credentials (DECISIONS.md #7)", () => {
  const req = (headers: Record<string, string> = {}, query = "") => new Request(`http://x/write${query}`, { headers });

  test("Token and Bearer headers", () => {
    expect(readCredentials(req({ Authorization: "Token abc" }), false)).toEqual({ kind: "token", token: "abc" });
    expect(readCredentials(req({ Authorization: "Bearer abc" }), false)).toEqual({ kind: "token", token: "abc" });
  });

  test("Basic: user and password (a token or a v1 password), split at the first colon", () => {
    const basic = `Basic ${Buffer.from("me:pa:ss").toString("base64")}`;
    expect(readCredentials(req({ Authorization: basic }), false)).toEqual({ kind: "password", username: "me", password: "pa:ss" });
  });

  test("u/p query parameters only where allowed, and the header wins", () => {
    expect(readCredentials(req({}, "?u=me&p=secret"), true)).toEqual({ kind: "password", username: "me", password: "secret" });
    expect(readCredentials(req({}, "?p=tok"), true)).toEqual({ kind: "password", username: "", password: "tok" });
    expect(readCredentials(req({}, "?u=me&p=secret"), false)).toBeUndefined();
    expect(readCredentials(req({ Authorization: "Token t" }, "?u=me&p=secret"), true)).toEqual({ kind: "token", token: "t" });
  });

  test("missing or malformed: none", () => {
    for (const h of ["Token", "Token ", "Digest abc", `Basic ${btoa("nocolon")}`, `Basic ${btoa("user:")}`]) {
      expect(readCredentials(req({ Authorization: h }), true)).toBeUndefined();
    }
    expect(readCredentials(req(), true)).toBeUndefined();
  });
});

describe("permissions", () => {
  const orgA = "aaaaaaaaaaaaaaaa";
  const orgB = "bbbbbbbbbbbbbbbb";
  const bucket = "1111111111111111";
  const principal = (permissions: Permission[]): Principal => ({ authorizationId: "x", orgId: orgA, userId: null, permissions });

  test("a type-wide permission in an org covers every resource of that type there, and nothing elsewhere", () => {
    const p = principal([{ action: "write", resource: { type: "buckets", orgID: orgA } }]);
    expect(can(p, "write", "buckets", { orgId: orgA })).toBe(true);
    expect(can(p, "write", "buckets", { orgId: orgA, id: bucket })).toBe(true);
    expect(can(p, "write", "buckets", { orgId: orgB, id: bucket })).toBe(false);
    expect(can(p, "read", "buckets", { orgId: orgA, id: bucket })).toBe(false); // write doesn't imply read
    expect(can(p, "write", "dbrp", { orgId: orgA })).toBe(false);
  });

  test("a permission on one resource covers only it", () => {
    const p = principal([{ action: "read", resource: { type: "buckets", orgID: orgA, id: bucket } }]);
    expect(can(p, "read", "buckets", { orgId: orgA, id: bucket })).toBe(true);
    expect(can(p, "read", "buckets", { orgId: orgA, id: "2222222222222222" })).toBe(false);
    expect(can(p, "read", "buckets", { orgId: orgA })).toBe(false);
  });

  test("the operator can do everything everywhere", () => {
    const p = principal(operatorPermissions());
    expect(operatorPermissions()).toHaveLength(52);
    expect(can(p, "write", "orgs", { orgId: orgB, id: orgB })).toBe(true);
    expect(can(p, "read", "subscriptions", { orgId: orgB })).toBe(true);
  });

  test("authorize throws the spec's 401 naming the missing permission", () => {
    try {
      authorize(principal([]), "write", "buckets", { orgId: orgA, id: bucket });
      throw new Error("expected a throw");
    } catch (err) {
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).status).toBe(401);
      expect((err as ApiError).toBody()).toEqual({
        code: "unauthorized",
        message: `write:orgs/${orgA}/buckets/${bucket} is unauthorized`,
      });
    }
  });
});

describe("Authenticator", () => {
  let meta: MetaStore;
  let dir: string;
  let auth: Authenticator;
  let orgId: string;
  const readBuckets: Permission[] = [{ action: "read", resource: { type: "buckets" } }];

  beforeAll(async () => {
    dir = tempDir("strata-auth-");
    meta = await openMetaStore({ url: `file:${dir}/meta.db` });
    auth = new Authenticator(meta, { ttlMs: 60_000 });
    orgId = (await meta.orgs.create({ name: "auth-org" })).id;
  });
  afterAll(() => {
    auth.close();
    meta.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function newToken(extra: { userId?: string } = {}) {
    const token = generateToken();
    const row = await meta.authorizations.create({ orgId, tokenHash: hashToken(token), permissions: readBuckets, ...extra });
    return { token, row };
  }

  const refused = (p: Promise<unknown>) => expect(p).rejects.toMatchObject({ status: 401, code: "unauthorized" });

  test("tokens are high-entropy, URL-safe, and stored only as a SHA-256 hash", async () => {
    const { token, row } = await newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.tokenHash).not.toContain(token);
  });

  test("a token gives its authorization's principal, as a token or as a Basic/u-p password", async () => {
    const { token, row } = await newToken();
    const expected = { authorizationId: row.id, orgId, userId: null, permissions: readBuckets };
    expect(await auth.authenticate({ kind: "token", token })).toEqual(expected);
    expect(await auth.authenticate({ kind: "password", username: "whoever", password: token })).toEqual(expected);
  });

  test("missing and unknown credentials are refused", async () => {
    await refused(auth.authenticate(undefined));
    await refused(auth.authenticate({ kind: "token", token: "nope" }));
  });

  test("deactivating or deleting a token takes effect at once, despite the cache", async () => {
    const { token, row } = await newToken();
    await auth.authenticate({ kind: "token", token });
    await meta.authorizations.update(row.id, { status: "inactive" });
    await refused(auth.authenticate({ kind: "token", token }));
    await meta.authorizations.update(row.id, { status: "active" });
    await auth.authenticate({ kind: "token", token });
    await meta.authorizations.delete(row.id);
    await refused(auth.authenticate({ kind: "token", token }));
  });

  test("a token of an inactive user is refused", async () => {
    const user = await meta.users.create({ name: `u-${newId()}` });
    const { token } = await newToken({ userId: user.id });
    await auth.authenticate({ kind: "token", token });
    await meta.users.update(user.id, { status: "inactive" });
    await refused(auth.authenticate({ kind: "token", token }));
  });

  test("v1 username/password of a legacy authorization", async () => {
    const username = `telegraf-${newId()}`;
    const legacy = await meta.legacyAuthorizations.create({ orgId, username, permissions: readBuckets });
    await refused(auth.authenticate({ kind: "password", username, password: "pw" })); // no password set yet
    await meta.legacyAuthorizations.setPasswordHash(legacy.id, await hashPassword("pw"));
    expect((await auth.authenticate({ kind: "password", username, password: "pw" })).authorizationId).toBe(legacy.id);
    await refused(auth.authenticate({ kind: "password", username, password: "wrong" }));
    await refused(auth.authenticate({ kind: "password", username: "other", password: "pw" }));
    await meta.legacyAuthorizations.update(legacy.id, { status: "inactive" });
    await refused(auth.authenticate({ kind: "password", username, password: "pw" }));
  });

  test("a change made by another node (no local notification) is seen once the cache entry expires", async () => {
    const { token, row } = await newToken();
    const shortLived = new Authenticator(meta, { ttlMs: 50 });
    try {
      await shortLived.authenticate({ kind: "token", token });
      await meta.client.execute({ sql: "DELETE FROM authorizations WHERE id = ?", args: [row.id] });
      // Served from the cache: no database round trip on the hot path.
      expect((await shortLived.authenticate({ kind: "token", token })).authorizationId).toBe(row.id);
      await Bun.sleep(60);
      await refused(shortLived.authenticate({ kind: "token", token }));
    } finally {
      shortLived.close();
    }
  });
});
