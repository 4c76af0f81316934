/** Org members and owners: `read-orgs`/`write-orgs` on the org. */
import type { AppContext } from "../app/context.ts";
import { accessOrg } from "../app/orgs/org-access.ts";
import { memberRoutes } from "./members.ts";

export function orgMemberRoutes(ctx: AppContext) {
  return memberRoutes(ctx, {
    resourceType: "orgs",
    tag: "Organizations",
    param: "orgID",
    operationStem: "Orgs",
    errors: {
      member: { list: [400, 401, 404, 500, "default"], add: [400, 401, 404, 500, "default"], remove: [401, 404, 500, "default"] },
      owner: { list: [404, "default"], add: [400, 401, 404, 500, "default"], remove: [401, 404, 500, "default"] },
    },
    access: (principal, rawId, _role, action) => accessOrg(ctx.meta, principal, rawId, action),
  });
}
