/**
 * Members and owners of orgs and buckets (SEMANTICS.md §6, §11): list, add, remove. Cloud
 * Serverless grants nothing through these roles (tokens carry the permissions), but the mappings
 * are kept for real, as InfluxDB 2.x keeps them, so clients that manage them see what they set.
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { Action, Principal } from "../app/auth/permissions.ts";
import { requireAuth } from "../app/auth/require-auth.ts";
import type { AppContext } from "../app/context.ts";
import { notFound } from "../app/errors.ts";
import { parseId } from "../app/http/parse-id.ts";
import { newRouter } from "../app/http/router.ts";
import { memberJson } from "../app/members/member-json.ts";
import type { MemberResourceType } from "../storage/meta/repositories/user-resource-mappings.ts";
import type { MemberRole } from "../storage/meta/schema.ts";
import { TOKEN_AUTH, TraceSpanHeaders } from "./schemas/common.ts";
import { AddResourceMemberRequestBodySchema, ResourceMemberSchema, ResourceMembersSchema, ResourceOwnerSchema, ResourceOwnersSchema } from "./schemas/member.ts";
import { errorResponses, type ErrorStatus } from "./schemas/responses.ts";

type Operation = "list" | "add" | "remove";

export interface MemberRoutesSpec {
  resourceType: MemberResourceType;
  tag: string;
  /** The path parameter naming the resource: `orgID` or `bucketID`. */
  param: string;
  /** e.g. "Orgs" → GetOrgsIDMembers, PostOrgsIDOwners, DeleteOrgsIDMembersID. */
  operationStem: string;
  /** The spec's error statuses, per role and operation. */
  errors: Record<MemberRole, Record<Operation, readonly ErrorStatus[]>>;
  /** Finds the resource and checks that the principal may do `action` on its members or owners. */
  access(principal: Principal, rawId: string, role: MemberRole, action: Action): Promise<{ id: string }>;
}

interface RoleSchemas {
  one: z.ZodType;
  many: z.ZodType;
  plural: string;
  title: string;
}

const ROLE_SCHEMAS: Record<MemberRole, RoleSchemas> = {
  member: { one: ResourceMemberSchema, many: ResourceMembersSchema, plural: "members", title: "Members" },
  owner: { one: ResourceOwnerSchema, many: ResourceOwnersSchema, plural: "owners", title: "Owners" },
};

const urmNotFound = () => notFound("user to resource mapping not found");

export function memberRoutes(ctx: AppContext, spec: MemberRoutesSpec) {
  const { meta } = ctx;
  const auth = requireAuth(ctx);
  const router = newRouter();
  const collection = spec.resourceType === "orgs" ? "orgs" : "buckets";
  const resourceParam: Record<string, z.ZodString> = { [spec.param]: z.string().openapi({ description: `The ID of the ${collection === "orgs" ? "organization" : "bucket"}.` }) };

  for (const role of ["member", "owner"] as const) {
    const { one, many, plural, title } = ROLE_SCHEMAS[role];
    const base = `/api/v2/${collection}/{${spec.param}}/${plural}`;
    const self = (id: string) => `/api/v2/${collection}/${id}/${plural}`;

    const list = createRoute({
      method: "get",
      path: base,
      operationId: `Get${spec.operationStem}ID${title}`,
      tags: [spec.tag],
      summary: `List all ${plural}`,
      security: TOKEN_AUTH,
      request: { headers: TraceSpanHeaders, params: z.object(resourceParam) },
      responses: { 200: { description: `The ${plural}.`, content: { "application/json": { schema: many } } }, ...errorResponses(...spec.errors[role].list) },
    });
    const add = createRoute({
      method: "post",
      path: base,
      operationId: `Post${spec.operationStem}ID${title}`,
      tags: [spec.tag],
      summary: `Add ${role === "owner" ? "an owner" : "a member"}`,
      security: TOKEN_AUTH,
      request: {
        headers: TraceSpanHeaders,
        params: z.object(resourceParam),
        body: { required: true, content: { "application/json": { schema: AddResourceMemberRequestBodySchema } } },
      },
      responses: { 201: { description: `The user, now ${role === "owner" ? "an owner" : "a member"}.`, content: { "application/json": { schema: one } } }, ...errorResponses(...spec.errors[role].add) },
    });
    const remove = createRoute({
      method: "delete",
      path: `${base}/{userID}`,
      operationId: `Delete${spec.operationStem}ID${title}ID`,
      tags: [spec.tag],
      summary: `Remove ${role === "owner" ? "an owner" : "a member"}`,
      security: TOKEN_AUTH,
      request: { headers: TraceSpanHeaders, params: z.object({ ...resourceParam, userID: z.string().openapi({ description: "The ID of the user." }) }) },
      responses: { 204: { description: "Removed." }, ...errorResponses(...spec.errors[role].remove) },
    });

    router
      .openapi({ ...list, middleware: [auth] }, async (c) => {
        const resource = await spec.access(c.get("principal"), c.req.valid("param")[spec.param]!, role, "read");
        const users = await meta.members.list(resource.id, role);
        return c.json({ links: { self: self(resource.id) }, users: users.map((m) => memberJson(m.user, role)) }, 200);
      })
      .openapi({ ...add, middleware: [auth] }, async (c) => {
        const resource = await spec.access(c.get("principal"), c.req.valid("param")[spec.param]!, role, "write");
        const user = await meta.users.findById(parseId(c.req.valid("json").id));
        if (!user) throw notFound("user not found");
        await meta.members.set({ userId: user.id, resourceType: spec.resourceType, resourceId: resource.id, role });
        return c.json(memberJson(user, role), 201);
      })
      .openapi({ ...remove, middleware: [auth] }, async (c) => {
        const params: Record<string, string> = c.req.valid("param");
        const resource = await spec.access(c.get("principal"), params[spec.param]!, role, "write");
        if (!(await meta.members.remove(resource.id, parseId(params.userID!), role))) throw urmNotFound();
        return c.body(null, 204);
      });
  }
  return router;
}
