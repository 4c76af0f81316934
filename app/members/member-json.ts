import type { MemberRole, User } from "../../storage/meta/schema.ts";

export interface MemberJson<R extends MemberRole> {
  id: string;
  name: string;
  status: "active" | "inactive";
  links: { self: string };
  role: R;
}

/** A user with their role on a resource (`ResourceMember` / `ResourceOwner`). */
export function memberJson<R extends MemberRole>(user: User, role: R): MemberJson<R> {
  return { id: user.id, name: user.name, status: user.status, links: { self: `/api/v2/users/${user.id}` }, role };
}
