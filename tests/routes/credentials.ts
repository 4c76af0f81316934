import { generateToken, hashPassword, hashToken } from "../../app/auth/secrets.ts";
import type { Permission } from "../../storage/meta/permission.ts";
import type { TestServer } from "./test-server.ts";

/** A real token stored the way the API stores it; returns the secret. */
export async function createToken(t: TestServer, orgId: string, permissions: Permission[], status: "active" | "inactive" = "active"): Promise<string> {
  const token = generateToken();
  await t.server.ctx.meta.authorizations.create({ orgId, tokenHash: hashToken(token), permissions, status });
  return token;
}

/** A v1 username/password credential (legacy authorization). */
export async function createV1User(t: TestServer, orgId: string, username: string, password: string, permissions: Permission[]): Promise<void> {
  const legacy = await t.server.ctx.meta.legacyAuthorizations.create({ orgId, username, permissions });
  await t.server.ctx.meta.legacyAuthorizations.setPasswordHash(legacy.id, await hashPassword(password));
}

export const bucketPermission = (action: "read" | "write", orgID: string, id?: string): Permission => ({ action, resource: { type: "buckets", orgID, ...(id ? { id } : {}) } });
