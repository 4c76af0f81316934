/**
 * Turns credentials into a principal. The write path calls this on every request, so results are
 * cached in process (FoundCache, following MetaStore.authChanges), keyed by a hash of the secret.
 */
import { createHash } from "node:crypto";
import type { MetaStore } from "../../storage/meta/meta-store.ts";
import type { Authorization, LegacyAuthorization } from "../../storage/meta/schema.ts";
import { unauthorized } from "../errors.ts";
import { FoundCache } from "../found-cache.ts";
import type { Credentials } from "./credentials.ts";
import type { Principal } from "./permissions.ts";
import { hashToken, verifyPassword } from "./secrets.ts";

export class Authenticator {
  readonly #meta: MetaStore;
  /** Only successful logins are cached. */
  readonly #cache: FoundCache<Principal>;

  constructor(meta: MetaStore, options: { ttlMs?: number } = {}) {
    this.#meta = meta;
    this.#cache = new FoundCache(meta.authChanges, options);
  }

  /** Throws the spec's 401 for missing, unknown or inactive credentials. */
  async authenticate(credentials: Credentials | undefined): Promise<Principal> {
    if (credentials === undefined) throw unauthorized();
    const principal =
      credentials.kind === "token"
        ? await this.#byToken(credentials.token)
        : // A v1 password may be a token (the Cloud way) or the password of a legacy authorization.
          ((await this.#byToken(credentials.password)) ??
          (await this.#byPassword(credentials.username, credentials.password)));
    if (principal === undefined) throw unauthorized();
    return principal;
  }

  invalidate(): void {
    this.#cache.invalidate();
  }

  close(): void {
    this.#cache.close();
  }

  async #byToken(token: string): Promise<Principal | undefined> {
    const tokenHash = hashToken(token);
    return this.#cache.get(`token:${tokenHash}`, async () => {
      const auth = await this.#meta.authorizations.findByTokenHash(tokenHash);
      return auth !== undefined && (await this.#usable(auth)) ? principalOf(auth) : undefined;
    });
  }

  async #byPassword(username: string, password: string): Promise<Principal | undefined> {
    if (username === "") return undefined;
    const key = createHash("sha256").update(username).update("\0").update(password).digest("hex");
    return this.#cache.get(`password:${key}`, async () => {
      const auth = await this.#meta.legacyAuthorizations.findByUsername(username);
      if (auth?.passwordHash == null || !(await this.#usable(auth))) return undefined;
      return (await verifyPassword(password, auth.passwordHash)) ? principalOf(auth) : undefined;
    });
  }

  /** Inactive tokens, and tokens of inactive users or orgs, are refused. */
  async #usable(auth: Authorization | LegacyAuthorization): Promise<boolean> {
    if (auth.status !== "active") return false;
    const org = await this.#meta.orgs.findById(auth.orgId);
    if (org === undefined || org.status !== "active") return false;
    if (auth.userId === null) return true;
    const user = await this.#meta.users.findById(auth.userId);
    return user !== undefined && user.status === "active";
  }
}

function principalOf(auth: Authorization | LegacyAuthorization): Principal {
  return { authorizationId: auth.id, orgId: auth.orgId, userId: auth.userId, permissions: auth.permissions };
}
