/**
 * Org secrets (SEMANTICS.md §15): list keys, add or update, delete. Values are sealed before
 * they are stored (app/secrets/secret-box.ts) and never returned. Permissions are `read-secrets`
 * and `write-secrets` in the org.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { requireAuth } from "../app/auth/require-auth.ts";
import type { AppContext } from "../app/context.ts";
import { invalid } from "../app/errors.ts";
import { newRouter } from "../app/http/router.ts";
import { accessOrg } from "../app/orgs/org-access.ts";
import { SecretBox } from "../app/secrets/secret-box.ts";
import { jsonContent } from "./schemas/json-content.ts";
import { TOKEN_AUTH, TraceSpanHeaders } from "./schemas/common.ts";
import { errorResponses } from "./schemas/responses.ts";
import { SecretKeysResponseSchema, SecretKeysSchema, SecretsSchema } from "./schemas/secret.ts";

const tags = ["Secrets"];
const orgID = z.string().openapi({ description: "The ID of the organization." });

const listSecrets = createRoute({
  method: "get",
  path: "/api/v2/orgs/{orgID}/secrets",
  operationId: "GetOrgsIDSecrets",
  tags,
  summary: "List all secret keys for an organization",
  security: TOKEN_AUTH,
  request: { headers: TraceSpanHeaders, params: z.object({ orgID }) },
  responses: { 200: { description: "The secret keys (never the values).", content: jsonContent(SecretKeysResponseSchema) }, ...errorResponses("default") },
});

const patchSecrets = createRoute({
  method: "patch",
  path: "/api/v2/orgs/{orgID}/secrets",
  operationId: "PatchOrgsIDSecrets",
  tags,
  summary: "Update secrets in an organization",
  security: TOKEN_AUTH,
  request: { headers: TraceSpanHeaders, params: z.object({ orgID }), body: { required: true, content: jsonContent(SecretsSchema) } },
  responses: { 204: { description: "Added or updated." }, ...errorResponses("default") },
});

const deleteSecret = createRoute({
  method: "delete",
  path: "/api/v2/orgs/{orgID}/secrets/{secretID}",
  operationId: "DeleteOrgsIDSecretsID",
  tags,
  summary: "Delete a secret from an organization",
  security: TOKEN_AUTH,
  request: { headers: TraceSpanHeaders, params: z.object({ orgID, secretID: z.string().openapi({ description: "The secret key." }) }) },
  responses: { 204: { description: "Deleted (or there was no such key)." }, ...errorResponses("default") },
});

const deleteSecrets = createRoute({
  method: "post",
  path: "/api/v2/orgs/{orgID}/secrets/delete",
  operationId: "PostOrgsIDSecrets",
  tags,
  summary: "Delete secrets from an organization",
  description: "Deprecated: use `DELETE /api/v2/orgs/{orgID}/secrets/{secretID}`.",
  deprecated: true,
  security: TOKEN_AUTH,
  request: { headers: TraceSpanHeaders, params: z.object({ orgID }), body: { required: true, content: jsonContent(SecretKeysSchema) } },
  responses: { 204: { description: "Deleted." }, ...errorResponses("default") },
});

function secretKey(key: string): string {
  if (key === "") throw invalid("secret key must not be empty");
  return key;
}

export function secretRoutes(ctx: AppContext) {
  const { meta } = ctx;
  const auth = requireAuth(ctx);
  const box = new SecretBox(ctx.config.dataDir);

  return newRouter()
    .openapi({ ...listSecrets, middleware: [auth] }, async (c) => {
      const org = await accessOrg(meta, c.get("principal"), c.req.valid("param").orgID, "read", "secrets");
      const self = `/api/v2/orgs/${org.id}/secrets`;
      return c.json({ secrets: await meta.secrets.keys(org.id), links: { org: `/api/v2/orgs/${org.id}`, self } }, 200);
    })
    .openapi({ ...patchSecrets, middleware: [auth] }, async (c) => {
      const org = await accessOrg(meta, c.get("principal"), c.req.valid("param").orgID, "write", "secrets");
      const sealed = new Map(Object.entries(c.req.valid("json")).map(([k, v]) => [secretKey(k), box.seal(org.id, k, v)]));
      await meta.secrets.put(org.id, sealed);
      return c.body(null, 204);
    })
    .openapi({ ...deleteSecret, middleware: [auth] }, async (c) => {
      const params = c.req.valid("param");
      const org = await accessOrg(meta, c.get("principal"), params.orgID, "write", "secrets");
      await meta.secrets.delete(org.id, [params.secretID]);
      return c.body(null, 204);
    })
    .openapi({ ...deleteSecrets, middleware: [auth] }, async (c) => {
      const org = await accessOrg(meta, c.get("principal"), c.req.valid("param").orgID, "write", "secrets");
      await meta.secrets.delete(org.id, c.req.valid("json").secrets);
      return c.body(null, 204);
    });
}
