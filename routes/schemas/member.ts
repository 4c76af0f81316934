/** Member and owner schemas: `AddResourceMemberRequestBody`, `ResourceMember(s)`, `ResourceOwner(s)`. */
import { z } from "@hono/zod-openapi";

export const AddResourceMemberRequestBodySchema = z
  .object({ id: z.string().openapi({ description: "The ID of the user to add to the resource." }), name: z.string().optional() })
  .openapi("AddResourceMemberRequestBody");

const userFields = {
  id: z.string().openapi({ readOnly: true }),
  name: z.string(),
  status: z.enum(["active", "inactive"]),
  links: z.object({ self: z.string().openapi({ format: "uri" }) }).openapi({ readOnly: true }),
};

export const ResourceMemberSchema = z.object({ ...userFields, role: z.enum(["member"]) }).openapi("ResourceMember");
export const ResourceOwnerSchema = z.object({ ...userFields, role: z.enum(["owner"]) }).openapi("ResourceOwner");

const selfLink = z.object({ self: z.string().openapi({ format: "uri" }) });
export const ResourceMembersSchema = z.object({ links: selfLink, users: z.array(ResourceMemberSchema) }).openapi("ResourceMembers");
export const ResourceOwnersSchema = z.object({ links: selfLink, users: z.array(ResourceOwnerSchema) }).openapi("ResourceOwners");
