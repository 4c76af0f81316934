/**
 * API tokens (tag "Authorizations (API tokens)"): GetAuthorizations, PostAuthorizations,
 * GetAuthorizationsID, PatchAuthorizationsID, DeleteAuthorizationsID. The token value appears only
 * in the create response; PATCH changes only status and description; an inactive or deleted token
 * is refused at once (the repository's writes clear the authenticator's cache).
 */
import { createRoute, z } from "@hono/zod-openapi";
import { mayAccess, requireAccess } from "../app/authorizations/access.ts";
import { NameLookup } from "../app/authorizations/name-lookup.ts";
import { prepareAuthorization } from "../app/authorizations/prepare-authorization.ts";
import { presentAuthorization, REDACTED_TOKEN } from "../app/authorizations/present-authorization.ts";
import { userFilter } from "../app/authorizations/user-filter.ts";
import { requireAuth } from "../app/auth/require-auth.ts";
import { authorizeSome } from "../app/auth/resource-access.ts";
import { generateToken, hashToken } from "../app/auth/secrets.ts";
import { resolveOrgId } from "../app/buckets/resolve-bucket.ts";
import type { AppContext } from "../app/context.ts";
import { notFound } from "../app/errors.ts";
import { parseId } from "../app/http/parse-id.ts";
import { newRouter } from "../app/http/router.ts";
import type { Authorization } from "../storage/meta/schema.ts";
import {
  AuthorizationPostRequestSchema,
  AuthorizationSchema,
  AuthorizationsSchema,
  AuthorizationUpdateRequestSchema,
} from "./schemas/authorization.ts";
import { TOKEN_AUTH, TraceSpanHeaders } from "./schemas/common.ts";
import { errorResponses } from "./schemas/responses.ts";

const TAGS = ["Authorizations (API tokens)", "Security and access endpoints"];
const PREFIX = "/api/v2/authorizations";

const AuthIdParams = z.object({
  authID: z.string().openapi({ param: { name: "authID", in: "path" }, description: "An authorization ID." }),
});

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });

/** The spec's `token` filter is non-repeatable: "If you specify more than one, only the first one is used." */
const firstValue = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().optional());

const getAuthorizations = createRoute({
  method: "get",
  path: PREFIX,
  operationId: "GetAuthorizations",
  tags: TAGS,
  summary: "List authorizations",
  description:
    "Lists the authorizations of the token's organization (or the one `org`/`orgID` names). Token values are " +
    "`redacted`. Needs `read-authorizations`, and `read-users` for the user an authorization is scoped to: " +
    "authorizations the token can't read are left out.",
  security: TOKEN_AUTH,
  request: {
    headers: TraceSpanHeaders,
    query: z.object({
      userID: z.string().optional().openapi({ description: "Only authorizations scoped to this user ID." }),
      user: z.string().optional().openapi({ description: "Only authorizations scoped to this user name." }),
      orgID: z.string().optional().openapi({ description: "Only authorizations of this organization ID." }),
      org: z.string().optional().openapi({ description: "Only authorizations of this organization name." }),
      token: firstValue.openapi({ type: "string", description: "The authorization with this token value (empty list when none)." }),
    }),
  },
  responses: {
    200: json(AuthorizationsSchema, "Success. The response body contains a list of authorizations."),
    ...errorResponses(400, 401, 404, 500, "default"),
  },
});

const postAuthorizations = createRoute({
  method: "post",
  path: PREFIX,
  operationId: "PostAuthorizations",
  tags: TAGS,
  summary: "Create an authorization",
  description:
    "Creates an authorization and returns it with its API token, the only time the token is shown. Needs " +
    "`write-authorizations`, `write-users` for a named user, and every permission it grants.",
  security: TOKEN_AUTH,
  request: {
    headers: TraceSpanHeaders,
    body: { required: true, description: "The authorization to create.", content: { "application/json": { schema: AuthorizationPostRequestSchema } } },
  },
  responses: {
    201: json(AuthorizationSchema, "Success. The authorization is created, with its token."),
    ...errorResponses(400, 401, 404, 500, "default"),
  },
});

const getAuthorization = createRoute({
  method: "get",
  path: `${PREFIX}/{authID}`,
  operationId: "GetAuthorizationsID",
  tags: TAGS,
  summary: "Retrieve an authorization",
  security: TOKEN_AUTH,
  request: { headers: TraceSpanHeaders, params: AuthIdParams },
  responses: {
    200: json(AuthorizationSchema, "Success. The response body contains the authorization (token `redacted`)."),
    ...errorResponses(400, 401, 404, 500, "default"),
  },
});

const patchAuthorization = createRoute({
  method: "patch",
  path: `${PREFIX}/{authID}`,
  operationId: "PatchAuthorizationsID",
  tags: TAGS,
  summary: "Update an API token to be active or inactive",
  description: "Sets the status (`active`/`inactive`) or description. Requests with an inactive token are rejected at once.",
  security: TOKEN_AUTH,
  request: {
    headers: TraceSpanHeaders,
    params: AuthIdParams,
    body: { required: true, content: { "application/json": { schema: AuthorizationUpdateRequestSchema } } },
  },
  responses: {
    200: json(AuthorizationSchema, "Success. The response body contains the updated authorization."),
    ...errorResponses(400, 401, 404, 500, "default"),
  },
});

const deleteAuthorization = createRoute({
  method: "delete",
  path: `${PREFIX}/{authID}`,
  operationId: "DeleteAuthorizationsID",
  tags: TAGS,
  summary: "Delete an authorization",
  security: TOKEN_AUTH,
  request: { headers: TraceSpanHeaders, params: AuthIdParams },
  responses: {
    204: { description: "Success. The authorization is deleted." },
    ...errorResponses(400, 401, 404, 500, "default"),
  },
});

export function authorizationRoutes(ctx: AppContext) {
  const { meta } = ctx;
  const auth = requireAuth(ctx);
  const present = (names: NameLookup, row: Authorization, token = REDACTED_TOKEN) =>
    presentAuthorization(names, row, { token, self: `${PREFIX}/${row.id}` });

  return newRouter()
    .openapi({ ...getAuthorizations, middleware: [auth] }, async (c) => {
      const principal = c.get("principal");
      const q = c.req.valid("query");
      const orgId = await resolveOrgId(meta, principal, q.org, q.orgID);
      authorizeSome(principal, "read", "authorizations", orgId);
      const url = new URL(c.req.url);
      const links = { self: url.pathname + url.search };

      const userId = await userFilter(meta, q.userID, q.user);
      if (userId === null) return c.json({ links, authorizations: [] }, 200);
      const rows = await meta.authorizations.list({ orgId, userId, tokenHash: q.token ? hashToken(q.token) : undefined });
      const names = new NameLookup(meta);
      const authorizations = await Promise.all(rows.filter((row) => mayAccess(principal, "read", row)).map((row) => present(names, row)));
      return c.json({ links, authorizations }, 200);
    })
    .openapi({ ...postAuthorizations, middleware: [auth] }, async (c) => {
      const prepared = await prepareAuthorization(meta, c.get("principal"), c.req.valid("json"));
      const token = generateToken();
      const row = await meta.authorizations.create({ ...prepared, tokenHash: hashToken(token) });
      return c.json(await present(new NameLookup(meta), row, token), 201);
    })
    .openapi({ ...getAuthorization, middleware: [auth] }, async (c) => {
      const id = parseId(c.req.valid("param").authID);
      const row = requireAccess(c.get("principal"), "read", await meta.authorizations.findById(id));
      return c.json(await present(new NameLookup(meta), row), 200);
    })
    .openapi({ ...patchAuthorization, middleware: [auth] }, async (c) => {
      const id = parseId(c.req.valid("param").authID);
      requireAccess(c.get("principal"), "write", await meta.authorizations.findById(id));
      const { status, description } = c.req.valid("json");
      const row = await meta.authorizations.update(id, { status, description });
      if (row === undefined) throw notFound("authorization not found"); // deleted meanwhile
      return c.json(await present(new NameLookup(meta), row), 200);
    })
    .openapi({ ...deleteAuthorization, middleware: [auth] }, async (c) => {
      const id = parseId(c.req.valid("param").authID);
      requireAccess(c.get("principal"), "write", await meta.authorizations.findById(id));
      await meta.authorizations.delete(id);
      return c.body(null, 204);
    });
}
