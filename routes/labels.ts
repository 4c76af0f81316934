/**
 * Label CRUD at `/api/v2/labels` (DECISIONS.md #10): the InfluxDB 2.x operations, so labels can
 * be created and then attached to buckets. Names are unique per org, ignoring case; a property set
 * to "" in an update is removed.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { authorize, can, type Action, type Principal } from "../app/auth/permissions.ts";
import { requireAuth } from "../app/auth/require-auth.ts";
import { authorizeResource, authorizeSome } from "../app/auth/resource-access.ts";
import { resolveOrgId } from "../app/buckets/resolve-bucket.ts";
import type { AppContext } from "../app/context.ts";
import { invalid, notFound } from "../app/errors.ts";
import { parseId } from "../app/http/parse-id.ts";
import { newRouter } from "../app/http/router.ts";
import { labelJson } from "../app/labels/label-json.ts";
import { orgOfCreate } from "../app/orgs/org-access.ts";
import type { MetaStore } from "../storage/meta/meta-store.ts";
import type { Label } from "../storage/meta/schema.ts";
import { jsonContent } from "./schemas/json-content.ts";
import { TOKEN_AUTH, TraceSpanHeaders } from "./schemas/common.ts";
import { LabelCreateRequestSchema, LabelResponseSchema, LabelsResponseSchema, LabelUpdateSchema } from "./schemas/label.ts";
import { errorResponses } from "./schemas/responses.ts";

const tags = ["Labels"];
const LabelIdParam = z.object({ labelID: z.string().openapi({ description: "The ID of the label." }) });

const getLabels = createRoute({
  method: "get",
  path: "/api/v2/labels",
  operationId: "GetLabels",
  tags,
  summary: "List all labels",
  security: TOKEN_AUTH,
  request: { headers: TraceSpanHeaders, query: z.object({ orgID: z.string().optional().openapi({ description: "The organization; the token's when absent." }) }) },
  responses: { 200: { description: "The labels the token may read.", content: jsonContent(LabelsResponseSchema) }, ...errorResponses(400, 401, 404, 500, "default") },
});

const postLabel = createRoute({
  method: "post",
  path: "/api/v2/labels",
  operationId: "PostLabels",
  tags,
  summary: "Create a label",
  security: TOKEN_AUTH,
  request: { headers: TraceSpanHeaders, body: { required: true, content: jsonContent(LabelCreateRequestSchema) } },
  responses: { 201: { description: "The label.", content: jsonContent(LabelResponseSchema) }, ...errorResponses(400, 401, 422, 500, "default") },
});

const getLabel = createRoute({
  method: "get",
  path: "/api/v2/labels/{labelID}",
  operationId: "GetLabelsID",
  tags,
  summary: "Retrieve a label",
  security: TOKEN_AUTH,
  request: { headers: TraceSpanHeaders, params: LabelIdParam },
  responses: { 200: { description: "The label.", content: jsonContent(LabelResponseSchema) }, ...errorResponses(400, 401, 404, 500, "default") },
});

const patchLabel = createRoute({
  method: "patch",
  path: "/api/v2/labels/{labelID}",
  operationId: "PatchLabelsID",
  tags,
  summary: "Update a label",
  security: TOKEN_AUTH,
  request: { headers: TraceSpanHeaders, params: LabelIdParam, body: { required: true, content: jsonContent(LabelUpdateSchema) } },
  responses: { 200: { description: "The updated label.", content: jsonContent(LabelResponseSchema) }, ...errorResponses(400, 401, 404, 422, 500, "default") },
});

const deleteLabel = createRoute({
  method: "delete",
  path: "/api/v2/labels/{labelID}",
  operationId: "DeleteLabelsID",
  tags,
  summary: "Delete a label (and detach it everywhere)",
  security: TOKEN_AUTH,
  request: { headers: TraceSpanHeaders, params: LabelIdParam },
  responses: { 204: { description: "Deleted." }, ...errorResponses(400, 401, 404, 500, "default") },
});

const labelNotFound = () => notFound("label not found");

async function accessLabel(meta: MetaStore, principal: Principal, rawId: string, action: Action): Promise<Label> {
  const label = await meta.labels.findById(parseId(rawId));
  if (!label) throw labelNotFound();
  authorizeResource(principal, action, "labels", { orgId: label.orgId, id: label.id }, labelNotFound);
  return label;
}

/** InfluxDB trims label names and requires one. */
function labelName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === "") throw invalid("label name is required");
  return trimmed;
}

const response = (label: Label) => ({ label: labelJson(label), links: { self: `/api/v2/labels/${label.id}` } });

export function labelRoutes(ctx: AppContext) {
  const { meta } = ctx;
  const auth = requireAuth(ctx);

  return newRouter()
    .openapi({ ...getLabels, middleware: [auth] }, async (c) => {
      const principal = c.get("principal");
      const orgId = await resolveOrgId(meta, principal, undefined, c.req.valid("query").orgID);
      authorizeSome(principal, "read", "labels", orgId);
      const labels = (await meta.labels.list({ orgId })).filter((l) => can(principal, "read", "labels", { orgId, id: l.id }));
      return c.json({ labels: labels.map(labelJson), links: { self: "/api/v2/labels" } }, 200);
    })
    .openapi({ ...postLabel, middleware: [auth] }, async (c) => {
      const principal = c.get("principal");
      const body = c.req.valid("json");
      const orgId = await orgOfCreate(meta, principal, body.orgID);
      authorize(principal, "write", "labels", { orgId });
      const label = await meta.labels.create({ orgId, name: labelName(body.name), properties: withoutEmpty(body.properties ?? {}) });
      return c.json(response(label), 201);
    })
    .openapi({ ...getLabel, middleware: [auth] }, async (c) => {
      const label = await accessLabel(meta, c.get("principal"), c.req.valid("param").labelID, "read");
      return c.json(response(label), 200);
    })
    .openapi({ ...patchLabel, middleware: [auth] }, async (c) => {
      const label = await accessLabel(meta, c.get("principal"), c.req.valid("param").labelID, "write");
      const body = c.req.valid("json");
      const updated = await meta.labels.update(label.id, {
        // InfluxDB ignores an empty name in an update.
        ...(body.name === undefined || body.name.trim() === "" ? {} : { name: labelName(body.name) }),
        ...(body.properties === undefined ? {} : { properties: withoutEmpty({ ...label.properties, ...body.properties }) }),
      });
      if (!updated) throw labelNotFound();
      return c.json(response(updated), 200);
    })
    .openapi({ ...deleteLabel, middleware: [auth] }, async (c) => {
      const label = await accessLabel(meta, c.get("principal"), c.req.valid("param").labelID, "write");
      await meta.labels.delete(label.id);
      return c.body(null, 204);
    });
}

/** "To remove a property, send an update with an empty value." */
function withoutEmpty(properties: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(properties).filter(([, v]) => v !== ""));
}
