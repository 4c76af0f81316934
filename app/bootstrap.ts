/**
 * What must exist before the first request: the default org and bucket (ensured by name at every
 * start, from STRATA_ORG / STRATA_BUCKET) and an operator token. The operator token is the one in
 * STRATA_OPERATOR_TOKEN, or else one generated at the first start only; the caller prints it, and
 * it is never shown again. Running this twice creates nothing twice.
 */
import { MetaConflictError } from "../storage/meta/conflict-error.ts";
import type { MetaStore } from "../storage/meta/meta-store.ts";
import type { Authorization, Bucket, Organization, User } from "../storage/meta/schema.ts";
import { operatorPermissions } from "./auth/permissions.ts";
import { generateToken, hashToken } from "./auth/secrets.ts";
import type { Config } from "./config/config.ts";

/** The user that owns the operator token, as `influx setup` creates one. */
export const OPERATOR_USER = "admin";
/** Settings key remembering the operator authorization, so a restart doesn't generate another. */
const OPERATOR_SETTING = "operator_authorization_id";

export interface BootstrapResult {
  org: Organization;
  bucket: Bucket;
  user: User;
  /** Undefined when the operator token was deleted and none is configured. */
  operatorAuthorization?: Authorization;
  /** Set only at the start that generated it: the caller must show it now. */
  generatedToken?: string;
}

export async function bootstrap(meta: MetaStore, config: Pick<Config, "org" | "bucket" | "operatorToken">) {
  const org = await findOrCreate(
    () => meta.orgs.findByName(config.org),
    () => meta.orgs.create({ name: config.org }),
  );
  const bucket = await findOrCreate(
    () => meta.buckets.findByName(org.id, config.bucket),
    // The default bucket keeps data forever, like the one `influx setup` creates without a retention.
    () => meta.buckets.create({ orgId: org.id, name: config.bucket, retentionRules: [{ type: "expire", everySeconds: 0 }] }),
  );
  const user = await findOrCreate(
    () => meta.users.findByName(OPERATOR_USER),
    () => meta.users.create({ name: OPERATOR_USER }),
  );
  const createOperator = (tokenHash: string, description: string) =>
    meta.authorizations.create({ orgId: org.id, userId: user.id, tokenHash, permissions: operatorPermissions(), description });

  const result: BootstrapResult = { org, bucket, user };
  if (config.operatorToken !== undefined) {
    const tokenHash = hashToken(config.operatorToken);
    result.operatorAuthorization = await findOrCreate(
      () => meta.authorizations.findByTokenHash(tokenHash),
      () => createOperator(tokenHash, "operator token (from STRATA_OPERATOR_TOKEN)"),
    );
  } else {
    const knownId = await meta.settings.get(OPERATOR_SETTING);
    if (knownId === undefined) {
      result.generatedToken = generateToken();
      result.operatorAuthorization = await createOperator(hashToken(result.generatedToken), "operator token");
    } else {
      result.operatorAuthorization = await meta.authorizations.findById(knownId);
    }
  }
  if (result.operatorAuthorization !== undefined) {
    await meta.settings.set(OPERATOR_SETTING, result.operatorAuthorization.id);
  }
  return result;
}

/** Another node may create the same row between our read and write; then theirs is the one. */
async function findOrCreate<T>(find: () => Promise<T | undefined>, create: () => Promise<T>): Promise<T> {
  const found = await find();
  if (found !== undefined) return found;
  try {
    return await create();
  } catch (err) {
    if (!(err instanceof MetaConflictError)) throw err;
    const raced = await find();
    if (raced === undefined) throw err;
    return raced;
  }
}
