/**
 * The spec's authorization schemas: `Authorization`, `Authorizations`, `AuthorizationPostRequest`,
 * `AuthorizationUpdateRequest`, `Permission`, `Resource`, and for v1 credentials
 * `LegacyAuthorizationPostRequest` and `PasswordResetBody`.
 */
import { z } from "@hono/zod-openapi";
import { ACTIONS, RESOURCE_TYPES } from "../../app/auth/permissions.ts";
import { LinkSchema, LinksSchema } from "./links.ts";

export const ResourceSchema = z
  .object({
    type: z.enum(RESOURCE_TYPES).openapi({ description: "A resource type. Identifies the API resource's type (or _kind_)." }),
    id: z.string().optional().openapi({ description: "A resource ID. Identifies a specific resource." }),
    name: z.string().optional().openapi({ description: "The name of the resource (shown, not stored)." }),
    orgID: z.string().optional().openapi({ description: "An organization ID. Identifies the organization that owns the resource." }),
    org: z.string().optional().openapi({ description: "An organization name (shown, not stored)." }),
  })
  .openapi("Resource");

export const PermissionSchema = z.object({ action: z.enum(ACTIONS), resource: ResourceSchema }).openapi("Permission");

const StatusSchema = z.enum(["active", "inactive"]).openapi({
  description: "Status of the token. If `inactive`, InfluxDB rejects requests that use the token.",
});

export const AuthorizationUpdateRequestSchema = z
  .object({
    description: z.string().optional().openapi({ description: "A description of the token." }),
    status: StatusSchema.optional(),
  })
  .openapi("AuthorizationUpdateRequest");

const permissionsInput = z
  .array(PermissionSchema)
  .min(1, "authorization must include permissions")
  .openapi({ description: "A list of permissions; at least one. `resource.id` narrows a permission to one resource." });

export const AuthorizationPostRequestSchema = AuthorizationUpdateRequestSchema.extend({
  orgID: z.string().openapi({ description: "An organization ID. Specifies the organization that owns the authorization." }),
  userID: z.string().optional().openapi({ description: "A user ID. Specifies the user that the authorization is scoped to." }),
  permissions: permissionsInput,
}).openapi("AuthorizationPostRequest");

export const LegacyAuthorizationPostRequestSchema = AuthorizationPostRequestSchema.extend({
  token: z.string().optional().openapi({ description: "The name that you provide for the authorization: the v1 username." }),
}).openapi("LegacyAuthorizationPostRequest");

export const PasswordResetBodySchema = z.object({ password: z.string() }).openapi("PasswordResetBody");

export const AuthorizationSchema = z
  .object({
    id: z.string().openapi({ description: "The authorization ID." }),
    token: z.string().openapi({
      description: "The API token: shown only in the create response (`redacted` afterwards); for a legacy authorization, the v1 username.",
    }),
    status: StatusSchema,
    description: z.string().optional(),
    orgID: z.string(),
    org: z.string().optional().openapi({ description: "The organization name." }),
    userID: z.string().optional().openapi({ description: "The user the authorization is scoped to; otherwise its creator." }),
    user: z.string().optional().openapi({ description: "The user name." }),
    permissions: z.array(PermissionSchema),
    links: z.object({ self: LinkSchema, user: LinkSchema.optional() }),
    createdAt: z.string().openapi({ format: "date-time" }),
    updatedAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("Authorization");

export const AuthorizationsSchema = z
  .object({
    links: LinksSchema,
    authorizations: z.array(AuthorizationSchema),
  })
  .openapi("Authorizations");
