import type { MetaStore } from "../../storage/meta/meta-store.ts";
import { parseOptionalId } from "../http/parse-id.ts";

/**
 * The `userID` and `user` (name) filters of the authorization lists as one user ID: undefined when
 * neither is given, null when nothing can match (an unknown name, or a name and an ID that
 * disagree), which lists nothing rather than failing, like the spec's `token` filter.
 */
export async function userFilter(meta: MetaStore, userID: string | undefined, user: string | undefined): Promise<string | null | undefined> {
  const id = parseOptionalId(userID);
  if (!user) return id;
  const found = await meta.users.findByName(user);
  if (found === undefined || (id !== undefined && id !== found.id)) return null;
  return found.id;
}
