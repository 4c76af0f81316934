/** Org secrets through the official client (OrgsAPI): keys only, sealed at rest, deletes. */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { OrgsAPI } from "@influxdata/influxdb-client-apis";
import { SecretBox } from "../../app/secrets/secret-box.ts";
import { clientFor, httpError, otherOrg, perm } from "./authorizations-fixtures.ts";
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

test("patch adds and updates; list shows keys only; delete one; deprecated bulk delete", async () => {
  await orgs.patchOrgsIDSecrets({ orgID: orgId, body: { apikey: "abc123", password: "hunter2", spare: "x" } });
  await orgs.patchOrgsIDSecrets({ orgID: orgId, body: { apikey: "rotated" } });
  expect(await orgs.getOrgsIDSecrets({ orgID: orgId })).toEqual({
    secrets: ["apikey", "password", "spare"],
    links: { org: `/api/v2/orgs/${orgId}`, self: `/api/v2/orgs/${orgId}/secrets` },
  });
  await orgs.deleteOrgsIDSecretsID({ orgID: orgId, secretID: "spare" });
  await orgs.postOrgsIDSecrets({ orgID: orgId, body: { secrets: ["password"] } });
  expect((await orgs.getOrgsIDSecrets({ orgID: orgId })).secrets).toEqual(["apikey"]);
});

test("values are sealed in the metadata database with the data dir's key, bound to org and key", async () => {
  await orgs.patchOrgsIDSecrets({ orgID: orgId, body: { token: "s3cr3t-value" } });
  const sealed = (await t.server.ctx.meta.secrets.sealedValue(orgId, "token"))!;
  expect(sealed).not.toContain("s3cr3t-value");
  const keyFile = join(t.dataDir, "secrets.key");
  expect(existsSync(keyFile)).toBe(true);
  expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  const box = new SecretBox(t.dataDir);
  expect(box.unseal(orgId, "token", sealed)).toBe("s3cr3t-value");
  expect(() => box.unseal(orgId, "other", sealed)).toThrow();
});

test("other orgs' secrets are out of reach; read-secrets doesn't allow writing", async () => {
  const { org } = await otherOrg(t, "secret-org");
  const reader = new OrgsAPI(clientFor(t, await createToken(t, orgId, [perm("read", "secrets", orgId)])));
  expect((await reader.getOrgsIDSecrets({ orgID: orgId })).secrets).toContain("apikey");
  expect((await httpError(reader.getOrgsIDSecrets({ orgID: org.id }))).statusCode).toBe(404);
  const denied = await httpError(reader.patchOrgsIDSecrets({ orgID: orgId, body: { k: "v" } }));
  expect([denied.statusCode, denied.json.message]).toEqual([401, `write:orgs/${orgId}/secrets is unauthorized`]);
  expect((await httpError(orgs.getOrgsIDSecrets({ orgID: "0123456789abcdef" }))).statusCode).toBe(404);
});
