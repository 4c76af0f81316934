/**
 * DBRP mappings (tag "DBRPs"): GetDBRPs, PostDBRP, GetDBRPsID, PatchDBRPID, DeleteDBRPID. A mapping
 * routes a v1 `db`/`rp` pair to a bucket for `/write` and `/query`; each database has exactly one
 * default mapping, used when a request has no `rp`. As in InfluxDB, reading a mapping needs read
 * permission on its bucket and changing one needs write permission on it; `org`/`orgID` name the
 * owning organization, the token's own when absent.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { authorize, can, type Principal } from "../app/auth/permissions.ts";
import { requireAuth } from "../app/auth/require-auth.ts";
import { authorizeSome } from "../app/auth/resource-access.ts";
import { resolveOrgId } from "../app/buckets/resolve-bucket.ts";
import type { AppContext } from "../app/context.ts";
import { presentDbrp } from "../app/dbrps/present-dbrp.ts";
import { validateDatabase, validateRetentionPolicy } from "../app/dbrps/validate-names.ts";
import { notFound } from "../app/errors.ts";
import { parseId, parseOptionalId } from "../app/http/parse-id.ts";
import { newRouter } from "../app/http/router.ts";
import type { MetaStore } from "../storage/meta/meta-store.ts";
import type { Dbrp } from "../storage/meta/schema.ts";
import { TOKEN_AUTH, TraceSpanHeaders } from "./schemas/common.ts";
import { DbrpCreateSchema, DbrpGetSchema, DbrpSchema, DbrpsSchema, DbrpUpdateSchema } from "./schemas/dbrp.ts";
import { errorResponses } from "./schemas/responses.ts";

const TAGS = ["DBRPs"];
const PREFIX = "/api/v2/dbrps";
const NOT_FOUND = "unable to find DBRP";

const OwnerQuery = z.object({
  orgID: z.string().optional().openapi({ description: "The organization ID that owns the mapping; the token's organization when absent." }),
  org: z.string().optional().openapi({ description: "The organization name that owns the mapping; the token's organization when absent." }),
});

const DbrpIdParams = z.object({
  dbrpID: z.string().openapi({ param: { name: "dbrpID", in: "path" }, description: "A DBRP mapping ID." }),
});

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });

const getDbrps = createRoute({
  method: "get",
  path: PREFIX,
  operationId: "GetDBRPs",
  tags: TAGS,
  summary: "List database retention policy mappings",
  description: "Mappings of the organization whose buckets the token may read.",
  security: TOKEN_AUTH,
  request: {
    headers: TraceSpanHeaders,
    query: OwnerQuery.extend({
      id: z.string().optional().openapi({ description: "Only the mapping with this ID." }),
      bucketID: z.string().optional().openapi({ description: "Only mappings to this bucket." }),
      default: z.enum(["true", "false"]).optional().openapi({ description: "Only default (`true`) or non-default (`false`) mappings." }),
      db: z.string().optional().openapi({ description: "Only mappings of this database." }),
      rp: z.string().optional().openapi({ description: "Only mappings of this retention policy." }),
    }),
  },
  responses: {
    200: json(DbrpsSchema, "Success. The response body contains a list of database retention policy mappings."),
    ...errorResponses(400, 401, 404, 500, "default"),
  },
});

const postDbrp = createRoute({
  method: "post",
  path: PREFIX,
  operationId: "PostDBRP",
  tags: TAGS,
  summary: "Add a database retention policy mapping",
  security: TOKEN_AUTH,
  request: {
    headers: TraceSpanHeaders,
    body: { required: true, description: "The database retention policy mapping to add.", content: { "application/json": { schema: DbrpCreateSchema } } },
  },
  responses: {
    201: json(DbrpSchema, "Created. The response body contains the database retention policy mapping."),
    ...errorResponses(400, 401, 404, 422, 500, "default"),
  },
});

const getDbrp = createRoute({
  method: "get",
  path: `${PREFIX}/{dbrpID}`,
  operationId: "GetDBRPsID",
  tags: TAGS,
  summary: "Retrieve a database retention policy mapping",
  security: TOKEN_AUTH,
  request: { headers: TraceSpanHeaders, query: OwnerQuery, params: DbrpIdParams },
  responses: {
    200: json(DbrpGetSchema, "Success. The response body contains the DBRP mapping."),
    ...errorResponses(400, 401, 404, 500, "default"),
  },
});

const patchDbrp = createRoute({
  method: "patch",
  path: `${PREFIX}/{dbrpID}`,
  operationId: "PatchDBRPID",
  tags: TAGS,
  summary: "Update a database retention policy mapping",
  security: TOKEN_AUTH,
  request: {
    headers: TraceSpanHeaders,
    query: OwnerQuery,
    params: DbrpIdParams,
    body: { required: true, description: "The retention policy name or default flag to change.", content: { "application/json": { schema: DbrpUpdateSchema } } },
  },
  responses: {
    200: json(DbrpGetSchema, "An updated mapping"),
    ...errorResponses(400, 401, 404, 422, 500, "default"),
  },
});

const deleteDbrp = createRoute({
  method: "delete",
  path: `${PREFIX}/{dbrpID}`,
  operationId: "DeleteDBRPID",
  tags: TAGS,
  summary: "Delete a database retention policy",
  security: TOKEN_AUTH,
  request: { headers: TraceSpanHeaders, query: OwnerQuery, params: DbrpIdParams },
  responses: {
    204: { description: "Success. The delete is accepted." },
    ...errorResponses(400, 401, 404, 500, "default"),
  },
});

/** The owning org: a malformed `orgID` is 400 `invalid ID`, an unknown or unreachable one 404. */
function ownerOrgId(meta: MetaStore, principal: Principal, owner: { org?: string; orgID?: string }): Promise<string> {
  return resolveOrgId(meta, principal, owner.org, parseOptionalId(owner.orgID));
}

/** The mapping at `dbrpID` within the owning org; a mapping of another org is not found. */
async function findDbrp(meta: MetaStore, orgId: string, dbrpID: string): Promise<Dbrp> {
  const mapping = await meta.dbrps.findById(parseId(dbrpID));
  if (mapping === undefined || mapping.orgId !== orgId) throw notFound(NOT_FOUND);
  return mapping;
}

export function dbrpRoutes(ctx: AppContext) {
  const { meta } = ctx;
  const auth = requireAuth(ctx);

  return newRouter()
    .openapi({ ...getDbrps, middleware: [auth] }, async (c) => {
      const principal = c.get("principal");
      const q = c.req.valid("query");
      const orgId = await ownerOrgId(meta, principal, q);
      authorizeSome(principal, "read", "buckets", orgId);
      const rows = await meta.dbrps.list({
        orgId,
        id: parseOptionalId(q.id),
        bucketId: parseOptionalId(q.bucketID),
        isDefault: q.default === undefined ? undefined : q.default === "true",
        database: q.db || undefined,
        retentionPolicy: q.rp || undefined,
      });
      // Mappings to buckets the token can't read are left out, as InfluxDB does.
      const content = rows.filter((row) => can(principal, "read", "buckets", { orgId, id: row.bucketId })).map(presentDbrp);
      return c.json({ content }, 200);
    })
    .openapi({ ...postDbrp, middleware: [auth] }, async (c) => {
      const principal = c.get("principal");
      const body = c.req.valid("json");
      const orgId = await ownerOrgId(meta, principal, body);
      const bucketId = parseId(body.bucketID);
      const database = validateDatabase(body.database);
      const retentionPolicy = validateRetentionPolicy(body.retention_policy);
      authorize(principal, "write", "buckets", { orgId, id: bucketId });
      const bucket = await meta.buckets.findById(bucketId);
      if (bucket === undefined || bucket.orgId !== orgId) throw notFound("bucket not found");
      // `default: false` can't leave a database without a default: its first mapping is the default anyway.
      const row = await meta.dbrps.create({ orgId, bucketId, database, retentionPolicy, isDefault: body.default === true ? true : undefined });
      return c.json(presentDbrp(row), 201);
    })
    .openapi({ ...getDbrp, middleware: [auth] }, async (c) => {
      const principal = c.get("principal");
      const orgId = await ownerOrgId(meta, principal, c.req.valid("query"));
      const mapping = await findDbrp(meta, orgId, c.req.valid("param").dbrpID);
      authorize(principal, "read", "buckets", { orgId, id: mapping.bucketId });
      return c.json({ content: presentDbrp(mapping) }, 200);
    })
    .openapi({ ...patchDbrp, middleware: [auth] }, async (c) => {
      const principal = c.get("principal");
      const orgId = await ownerOrgId(meta, principal, c.req.valid("query"));
      const mapping = await findDbrp(meta, orgId, c.req.valid("param").dbrpID);
      authorize(principal, "write", "buckets", { orgId, id: mapping.bucketId });
      const body = c.req.valid("json");
      const retentionPolicy = body.retention_policy === undefined ? undefined : validateRetentionPolicy(body.retention_policy);
      const row = await meta.dbrps.update(mapping.id, { retentionPolicy, isDefault: body.default });
      if (row === undefined) throw notFound(NOT_FOUND); // deleted meanwhile
      return c.json({ content: presentDbrp(row) }, 200);
    })
    .openapi({ ...deleteDbrp, middleware: [auth] }, async (c) => {
      const principal = c.get("principal");
      const orgId = await ownerOrgId(meta, principal, c.req.valid("query"));
      const mapping = await findDbrp(meta, orgId, c.req.valid("param").dbrpID);
      authorize(principal, "write", "buckets", { orgId, id: mapping.bucketId });
      await meta.dbrps.delete(mapping.id);
      return c.body(null, 204);
    });
}
