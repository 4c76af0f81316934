/**
 * Turns credentials into a principal. The write path calls this on every request, so results are
 * cached in process, keyed by a hash of the secret: metadata writes that touch credentials clear
 * the cache at once (MetaStore.authChanges), and entries expire so that changes made through
 * another node sharing the metadata database are seen within the TTL.
 */
import { createHash } from "node:crypto";
import type { MetaStore } from "../../storage/meta/meta-store.ts";
import type { Authorization, LegacyAuthorization } from "../../storage/meta/schema.ts";
import { unauthorized } from "../errors.ts";
import type { Credentials } from "./credentials.ts";
import type { Principal } from "./permissions.ts";
import { hashToken, verifyPassword } from "./secrets.ts";

const DEFAULT_TTL_MS = 10_000;
/** Only successful logins are cached, so this bounds memory against many distinct valid credentials. */
const MAX_ENTRIES = 10_000;

interface CacheEntry {
  principal: Principal;
  expiresAt: number;
}

export class Authenticator {
  readonly #meta: MetaStore;
  readonly #ttlMs: number;
  readonly #cache = new Map<string, CacheEntry>();
  /** Bumped on every invalidation, so a lookup that raced with a change doesn't cache stale results. */
  #generation = 0;
  readonly #unsubscribe: () => void;

  constructor(meta: MetaStore, options: { ttlMs?: number } = {}) {
    this.#meta = meta;
    this.#ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.#unsubscribe = meta.authChanges.add(() => this.invalidate());
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
    this.#generation++;
    this.#cache.clear();
  }

  close(): void {
    this.#unsubscribe();
  }

  async #byToken(token: string): Promise<Principal | undefined> {
    const tokenHash = hashToken(token);
    return this.#cached(`token:${tokenHash}`, async () => {
      const auth = await this.#meta.authorizations.findByTokenHash(tokenHash);
      return auth !== undefined && (await this.#usable(auth)) ? principalOf(auth) : undefined;
    });
  }

  async #byPassword(username: string, password: string): Promise<Principal | undefined> {
    if (username === "") return undefined;
    const key = createHash("sha256").update(username).update("\0").update(password).digest("hex");
    return this.#cached(`password:${key}`, async () => {
      const auth = await this.#meta.legacyAuthorizations.findByUsername(username);
      if (auth?.passwordHash == null || !(await this.#usable(auth))) return undefined;
      return (await verifyPassword(password, auth.passwordHash)) ? principalOf(auth) : undefined;
    });
  }

  async #cached(key: string, lookup: () => Promise<Principal | undefined>): Promise<Principal | undefined> {
    const hit = this.#cache.get(key);
    if (hit !== undefined && hit.expiresAt > Date.now()) return hit.principal;

    const generation = this.#generation;
    const principal = await lookup();
    if (principal === undefined) {
      this.#cache.delete(key);
    } else if (generation === this.#generation) {
      if (this.#cache.size >= MAX_ENTRIES) this.#cache.clear();
      this.#cache.set(key, { principal, expiresAt: Date.now() + this.#ttlMs });
    }
    return principal;
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
