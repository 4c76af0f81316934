/**
 * Legacy authorizations: v1 username/password credentials that `/write` and `/query` accept as
 * `u`/`p` or Basic auth. The spec gives these paths only a `servers: /private` override, so the six
 * operations are those of the upstream InfluxDB Cloud API (SEMANTICS.md §9), served under
 * `/private/legacy/authorizations` and also at `/legacy/authorizations` (DECISIONS.md #11).
 * A legacy authorization's `token` field is its username, which is not a secret; the password is
 * set separately and never shown.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { mayAccess, requireAccess } from "../app/authorizations/access.ts";
import { NameLookup } from "../app/authorizations/name-lookup.ts";
import { prepareAuthorization } from "../app/authorizations/prepare-authorization.ts";
import { presentAuthorization } from "../app/authorizations/present-authorization.ts";
import { userFilter } from "../app/authorizations/user-filter.ts";
import { requireAuth } from "../app/auth/require-auth.ts";
import { authorizeSome } from "../app/auth/resource-access.ts";
import { hashPassword } from "../app/auth/secrets.ts";
import { resolveOrgId } from "../app/buckets/resolve-bucket.ts";
import type { AppContext } from "../app/context.ts";
import { invalid, notFound } from "../app/errors.ts";
import { parseId, parseOptionalId } from "../app/http/parse-id.ts";
import { newRouter } from "../app/http/router.ts";
import type { LegacyAuthorization } from "../storage/meta/schema.ts";
import {
  AuthorizationSchema,
  AuthorizationsSchema,
  AuthorizationUpdateRequestSchema,
  LegacyAuthorizationPostRequestSchema,
  PasswordResetBodySchema,
} from "./schemas/authorization.ts";
import { TOKEN_AUTH, TraceSpanHeaders } from "./schemas/common.ts";
import { errorResponses } from "./schemas/responses.ts";

const TAGS = ["Legacy Authorizations"];

/** InfluxDB's minimum for v1 passwords. */
const MIN_PASSWORD_LENGTH = 8;

const AuthIdParams = z.object({
  authID: z.string().openapi({ param: { name: "authID", in: "path" }, description: "A legacy authorization ID." }),
});

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });

/** The routes at one prefix; `idSuffix` keeps operationIds unique when the same operations appear twice. */
function legacyAuthorizationRoutesAt(prefix: string, idSuffix: string) {
  const itemPath = `${prefix}/{authID}`;
  const where = prefix.startsWith("/private") ? "" : " (also served under `/private`)";
  return {
    list: createRoute({
      method: "get",
      path: prefix,
      operationId: `GetLegacyAuthorizations${idSuffix}`,
      tags: TAGS,
      summary: `List all legacy authorizations${where}`,
      security: TOKEN_AUTH,
      request: {
        headers: TraceSpanHeaders,
        query: z.object({
          userID: z.string().optional().openapi({ description: "Only legacy authorizations scoped to this user ID." }),
          user: z.string().optional().openapi({ description: "Only legacy authorizations scoped to this user name." }),
          orgID: z.string().optional().openapi({ description: "Only legacy authorizations of this organization ID." }),
          org: z.string().optional().openapi({ description: "Only legacy authorizations of this organization name." }),
          token: z.string().optional().openapi({ description: "Only the legacy authorization with this token (v1 username)." }),
          authID: z.string().optional().openapi({ description: "Only the legacy authorization with this ID." }),
        }),
      },
      responses: { 200: json(AuthorizationsSchema, "A list of legacy authorizations"), ...errorResponses(400, 401, 404, 500, "default") },
    }),
    create: createRoute({
      method: "post",
      path: prefix,
      operationId: `PostLegacyAuthorizations${idSuffix}`,
      tags: TAGS,
      summary: `Create a legacy authorization${where}`,
      description:
        "Creates v1 credentials: `token` is the username; set the password with `POST .../{authID}/password`. " +
        "Needs `write-authorizations`, `write-users` for a named user, and every permission it grants.",
      security: TOKEN_AUTH,
      request: {
        headers: TraceSpanHeaders,
        body: { required: true, description: "Legacy authorization to create", content: { "application/json": { schema: LegacyAuthorizationPostRequestSchema } } },
      },
      responses: { 201: json(AuthorizationSchema, "Legacy authorization created"), ...errorResponses(400, 401, 404, 422, 500, "default") },
    }),
    get: createRoute({
      method: "get",
      path: itemPath,
      operationId: `GetLegacyAuthorizationsID${idSuffix}`,
      tags: TAGS,
      summary: `Retrieve a legacy authorization${where}`,
      security: TOKEN_AUTH,
      request: { headers: TraceSpanHeaders, params: AuthIdParams },
      responses: { 200: json(AuthorizationSchema, "Legacy authorization details"), ...errorResponses(400, 401, 404, 500, "default") },
    }),
    patch: createRoute({
      method: "patch",
      path: itemPath,
      operationId: `PatchLegacyAuthorizationsID${idSuffix}`,
      tags: TAGS,
      summary: `Update a legacy authorization to be active or inactive${where}`,
      security: TOKEN_AUTH,
      request: {
        headers: TraceSpanHeaders,
        params: AuthIdParams,
        body: { required: true, description: "Legacy authorization to update", content: { "application/json": { schema: AuthorizationUpdateRequestSchema } } },
      },
      responses: { 200: json(AuthorizationSchema, "The active or inactive legacy authorization"), ...errorResponses(400, 401, 404, 500, "default") },
    }),
    delete: createRoute({
      method: "delete",
      path: itemPath,
      operationId: `DeleteLegacyAuthorizationsID${idSuffix}`,
      tags: TAGS,
      summary: `Delete a legacy authorization${where}`,
      security: TOKEN_AUTH,
      request: { headers: TraceSpanHeaders, params: AuthIdParams },
      responses: { 204: { description: "Legacy authorization deleted" }, ...errorResponses(400, 401, 404, 500, "default") },
    }),
    password: createRoute({
      method: "post",
      path: `${itemPath}/password`,
      operationId: `PostLegacyAuthorizationsIDPassword${idSuffix}`,
      tags: TAGS,
      summary: `Set a legacy authorization password${where}`,
      description: `The v1 password, at least ${MIN_PASSWORD_LENGTH} characters; it replaces the previous one at once.`,
      security: TOKEN_AUTH,
      request: {
        headers: TraceSpanHeaders,
        params: AuthIdParams,
        body: { required: true, description: "New password", content: { "application/json": { schema: PasswordResetBodySchema } } },
      },
      responses: { 204: { description: "Legacy authorization password set" }, ...errorResponses(400, 401, 404, 500, "default") },
    }),
  };
}

/** Basic auth splits `user:password` at the first colon, so a username can't contain one. */
function validUsername(token: string | undefined): string {
  if (!token) throw invalid("token required for v1 user authorization type");
  if (token.includes(":")) throw invalid("token (v1 username) must not contain ':'");
  return token;
}

export function legacyAuthorizationRoutes(ctx: AppContext) {
  const router = newRouter();
  for (const [prefix, idSuffix] of [
    ["/private/legacy/authorizations", ""],
    ["/legacy/authorizations", "Unprefixed"],
  ] as const) {
    mountAt(ctx, router, prefix, idSuffix);
  }
  return router;
}

function mountAt(ctx: AppContext, router: ReturnType<typeof newRouter>, prefix: string, idSuffix: string): void {
  const { meta } = ctx;
  const auth = requireAuth(ctx);
  const routes = legacyAuthorizationRoutesAt(prefix, idSuffix);
  const present = (names: NameLookup, row: LegacyAuthorization) =>
    presentAuthorization(names, row, { token: row.username, self: `${prefix}/${row.id}` });
  const find = async (authID: string) => meta.legacyAuthorizations.findById(parseId(authID));

  router
    .openapi({ ...routes.list, middleware: [auth] }, async (c) => {
      const principal = c.get("principal");
      const q = c.req.valid("query");
      const orgId = await resolveOrgId(meta, principal, q.org, q.orgID);
      authorizeSome(principal, "read", "authorizations", orgId);
      const url = new URL(c.req.url);
      const links = { self: url.pathname + url.search };

      const userId = await userFilter(meta, q.userID, q.user);
      if (userId === null) return c.json({ links, authorizations: [] }, 200);
      const rows = await meta.legacyAuthorizations.list({ orgId, userId, username: q.token || undefined, id: parseOptionalId(q.authID) });
      const names = new NameLookup(meta);
      const authorizations = await Promise.all(rows.filter((row) => mayAccess(principal, "read", row)).map((row) => present(names, row)));
      return c.json({ links, authorizations }, 200);
    })
    .openapi({ ...routes.create, middleware: [auth] }, async (c) => {
      const body = c.req.valid("json");
      const username = validUsername(body.token);
      const prepared = await prepareAuthorization(meta, c.get("principal"), body);
      const row = await meta.legacyAuthorizations.create({ ...prepared, username });
      return c.json(await present(new NameLookup(meta), row), 201);
    })
    .openapi({ ...routes.get, middleware: [auth] }, async (c) => {
      const row = requireAccess(c.get("principal"), "read", await find(c.req.valid("param").authID));
      return c.json(await present(new NameLookup(meta), row), 200);
    })
    .openapi({ ...routes.patch, middleware: [auth] }, async (c) => {
      const { id } = requireAccess(c.get("principal"), "write", await find(c.req.valid("param").authID));
      const { status, description } = c.req.valid("json");
      const row = await meta.legacyAuthorizations.update(id, { status, description });
      if (row === undefined) throw notFound("authorization not found"); // deleted meanwhile
      return c.json(await present(new NameLookup(meta), row), 200);
    })
    .openapi({ ...routes.delete, middleware: [auth] }, async (c) => {
      const { id } = requireAccess(c.get("principal"), "write", await find(c.req.valid("param").authID));
      await meta.legacyAuthorizations.delete(id);
      return c.body(null, 204);
    })
    .openapi({ ...routes.password, middleware: [auth] }, async (c) => {
      const { id } = requireAccess(c.get("principal"), "write", await find(c.req.valid("param").authID));
      const { password } = c.req.valid("json");
      if (password.length < MIN_PASSWORD_LENGTH) throw invalid(`passwords must be at least ${MIN_PASSWORD_LENGTH} characters long`);
      if ((await meta.legacyAuthorizations.setPasswordHash(id, await hashPassword(password))) === undefined) {
        throw notFound("authorization not found"); // deleted meanwhile
      }
      return c.body(null, 204);
    });
}
