/**
 * Bucket members and owners. Members need read/write on the bucket; owners, as the spec says,
 * `read-orgs`/`write-orgs` on the bucket's org.
 */
import { authorizeOrg } from "../app/auth/resource-access.ts";
import { accessBucket, bucketNotFound, findBucket } from "../app/buckets/bucket-access.ts";
import type { AppContext } from "../app/context.ts";
import { memberRoutes } from "./members.ts";

const COMMON = { list: [400, 401, 404, 500, "default"], add: [400, 401, 404, 500, "default"], remove: [401, 404, 500, "default"] } as const;

export function bucketMemberRoutes(ctx: AppContext) {
  return memberRoutes(ctx, {
    resourceType: "buckets",
    tag: "Buckets",
    param: "bucketID",
    operationStem: "Buckets",
    errors: { member: COMMON, owner: COMMON },
    access: async (principal, rawId, role, action) => {
      if (role === "member") return accessBucket(ctx.meta, principal, rawId, action);
      const bucket = await findBucket(ctx.meta, rawId);
      authorizeOrg(principal, action, bucket.orgId, bucketNotFound);
      return bucket;
    },
  });
}
