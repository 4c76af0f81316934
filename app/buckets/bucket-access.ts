import type { MetaStore } from "../../storage/meta/meta-store.ts";
import type { Bucket } from "../../storage/meta/schema.ts";
import type { Action, Principal } from "../auth/permissions.ts";
import { authorizeResource } from "../auth/resource-access.ts";
import { notFound } from "../errors.ts";
import { parseId } from "../http/parse-id.ts";

export const bucketNotFound = () => notFound("bucket not found");

/** The bucket a path names: 400 malformed ID, 404 unknown. Callers check access. */
export async function findBucket(meta: MetaStore, rawId: string): Promise<Bucket> {
  const bucket = await meta.buckets.findById(parseId(rawId));
  if (!bucket) throw bucketNotFound();
  return bucket;
}

/** The bucket a path names, if the principal may act on it: 400 malformed ID, 404 unknown or out of reach, 401 not permitted. */
export async function accessBucket(meta: MetaStore, principal: Principal, rawId: string, action: Action): Promise<Bucket> {
  const bucket = await findBucket(meta, rawId);
  authorizeResource(principal, action, "buckets", { orgId: bucket.orgId, id: bucket.id }, bucketNotFound);
  return bucket;
}
