/**
 * Organizations (SEMANTICS.md §11): list, create, get, update, delete. Members and owners are in
 * orgs-members.ts, secrets in secrets.ts, limits and usage in limits.ts and usage.ts.
 *
 * Cloud Serverless refuses `POST /api/v2/orgs`; strata allows it to a token holding `write:orgs`
 * on every org (the operator token), because InfluxDB 2.x users script org creation.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { can } from "../app/auth/permissions.ts";
import { requireAuth } from "../app/auth/require-auth.ts";
import { authorizeEveryOrg, authorizeSome } from "../app/auth/resource-access.ts";
import type { AppContext } from "../app/context.ts";
import { invalid, notFound } from "../app/errors.ts";
import { pageOf, pagingLinks } from "../app/http/paging.ts";
import { parseId } from "../app/http/parse-id.ts";
import { newRouter } from "../app/http/router.ts";
import { accessOrg, orgNotFound } from "../app/orgs/org-access.ts";
import { orgJson } from "../app/orgs/org-json.ts";
import { jsonContent } from "./schemas/json-content.ts";
import { TOKEN_AUTH, TraceSpanHeaders } from "./schemas/common.ts";
import { OrganizationSchema, OrganizationsSchema, PatchOrganizationRequestSchema, PostOrganizationRequestSchema } from "./schemas/org.ts";
import { errorResponses } from "./schemas/responses.ts";

const tags = ["Organizations"];
const OrgIdParam = z.object({ orgID: z.string().openapi({ description: "The ID of the organization." }) });

const getOrgs = createRoute({
  method: "get",
  path: "/api/v2/orgs",
  operationId: "GetOrgs",
  tags,
  summary: "List organizations",
  security: TOKEN_AUTH,
  request: {
    headers: TraceSpanHeaders,
    query: z.object({
      offset: z.coerce.number().int().min(0).default(0).openapi({ description: "The number of records to skip." }),
      limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ description: "The maximum number of records to return." }),
      descending: z.enum(["true", "false"]).default("false").openapi({ description: "Sort by name, descending." }),
      org: z.string().optional().openapi({ description: "Only the organization with this name." }),
      orgID: z.string().optional().openapi({ description: "Only the organization with this ID." }),
      userID: z.string().optional().openapi({ description: "Only organizations this user is a member or owner of." }),
    }),
  },
  responses: { 200: { description: "The organizations the token may read.", content: jsonContent(OrganizationsSchema) }, ...errorResponses(400, 401, 404, 500, "default") },
});

const postOrg = createRoute({
  method: "post",
  path: "/api/v2/orgs",
  operationId: "PostOrgs",
  tags,
  summary: "Create an organization (operator tokens only)",
  security: TOKEN_AUTH,
  request: { headers: TraceSpanHeaders, body: { required: true, content: jsonContent(PostOrganizationRequestSchema) } },
  responses: { 201: { description: "The organization.", content: jsonContent(OrganizationSchema) }, ...errorResponses(400, 401, 404, 422, 500, "default") },
});

const getOrg = createRoute({
  method: "get",
  path: "/api/v2/orgs/{orgID}",
  operationId: "GetOrgsID",
  tags,
  summary: "Retrieve an organization",
  security: TOKEN_AUTH,
  request: { headers: TraceSpanHeaders, params: OrgIdParam },
  responses: { 200: { description: "The organization.", content: jsonContent(OrganizationSchema) }, ...errorResponses(401, 404, 500, "default") },
});

const patchOrg = createRoute({
  method: "patch",
  path: "/api/v2/orgs/{orgID}",
  operationId: "PatchOrgsID",
  tags,
  summary: "Update an organization",
  security: TOKEN_AUTH,
  request: { headers: TraceSpanHeaders, params: OrgIdParam, body: { required: true, content: jsonContent(PatchOrganizationRequestSchema) } },
  responses: { 200: { description: "The updated organization.", content: jsonContent(OrganizationSchema) }, ...errorResponses(400, 401, 404, 422, 500, "default") },
});

const deleteOrg = createRoute({
  method: "delete",
  path: "/api/v2/orgs/{orgID}",
  operationId: "DeleteOrgsID",
  tags,
  summary: "Delete an organization and everything in it",
  security: TOKEN_AUTH,
  request: { headers: TraceSpanHeaders, params: OrgIdParam },
  responses: { 204: { description: "Deleted." }, ...errorResponses(400, 401, 404, 500, "default") },
});

/** InfluxDB's rule for org names. */
function orgName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === "") throw invalid("org name is empty");
  return trimmed;
}

export function orgRoutes(ctx: AppContext) {
  const { meta, engine } = ctx;
  const auth = requireAuth(ctx);

  return newRouter()
    .openapi({ ...getOrgs, middleware: [auth] }, async (c) => {
      const principal = c.get("principal");
      const q = c.req.valid("query");
      authorizeSome(principal, "read", "orgs", principal.orgId);
      const filter = { name: q.org, id: q.orgID === undefined ? undefined : parseId(q.orgID), userId: q.userID === undefined ? undefined : parseId(q.userID) };
      const readable = (await meta.orgs.list({ ...filter, descending: q.descending === "true" })).filter((o) =>
        can(principal, "read", "orgs", { orgId: o.id, id: o.id }),
      );
      // Naming one org that isn't there (or isn't the token's to see) is 404, as InfluxDB answers.
      if (readable.length === 0 && q.org !== undefined) throw notFound(`organization name "${q.org}" not found`);
      if (readable.length === 0 && q.orgID !== undefined) throw orgNotFound();
      const page = { offset: q.offset, limit: q.limit, descending: q.descending === "true" };
      const orgs = pageOf(readable, page);
      const links = pagingLinks("/api/v2/orgs", { org: q.org, orgID: q.orgID, userID: q.userID }, page, orgs.map((o) => o.id));
      return c.json({ links, orgs: orgs.map(orgJson) }, 200);
    })
    .openapi({ ...postOrg, middleware: [auth] }, async (c) => {
      const principal = c.get("principal");
      authorizeEveryOrg(principal, "write", "orgs");
      const body = c.req.valid("json");
      const org = await meta.orgs.create({ name: orgName(body.name), description: body.description ?? null });
      // As InfluxDB does, the user behind the token becomes the new org's owner.
      if (principal.userId !== null) {
        await meta.members.set({ userId: principal.userId, resourceType: "orgs", resourceId: org.id, role: "owner" });
      }
      return c.json(orgJson(org), 201);
    })
    .openapi({ ...getOrg, middleware: [auth] }, async (c) => {
      const org = await accessOrg(meta, c.get("principal"), c.req.valid("param").orgID, "read");
      return c.json(orgJson(org), 200);
    })
    .openapi({ ...patchOrg, middleware: [auth] }, async (c) => {
      const org = await accessOrg(meta, c.get("principal"), c.req.valid("param").orgID, "write");
      const body = c.req.valid("json");
      const updated = await meta.orgs.update(org.id, {
        ...(body.name === undefined ? {} : { name: orgName(body.name) }),
        ...(body.description === undefined ? {} : { description: body.description }),
      });
      if (!updated) throw orgNotFound();
      return c.json(orgJson(updated), 200);
    })
    .openapi({ ...deleteOrg, middleware: [auth] }, async (c) => {
      const principal = c.get("principal");
      const org = await accessOrg(meta, principal, c.req.valid("param").orgID, "write");
      const buckets = await meta.buckets.list({ orgId: org.id });
      if (await meta.orgs.delete(org.id)) {
        // "Once deleted, all data associated with the organization is removed."
        for (const b of buckets) await engine.dropBucket(b.id);
      }
      return c.body(null, 204);
    });
}

