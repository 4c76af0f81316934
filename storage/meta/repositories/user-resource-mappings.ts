import { and, eq, sql, type SQL } from "drizzle-orm";
import type { MetaDb } from "../meta-db.ts";
import { userResourceMappings, users, type MemberRole, type User } from "../schema.ts";

export type MemberResourceType = "orgs" | "buckets";

export interface ResourceMember {
  user: User;
  role: MemberRole;
}

/**
 * Who is a member or owner of an org or bucket. A user holds one role per resource: adding an
 * owner who is a member makes them an owner, and the other way round.
 */
export class UserResourceMappingsRepository {
  constructor(private readonly db: MetaDb) {}

  async set(input: { userId: string; resourceType: MemberResourceType; resourceId: string; role: MemberRole }): Promise<void> {
    await this.db
      .insert(userResourceMappings)
      .values({ ...input, createdAt: new Date() })
      .onConflictDoUpdate({ target: [userResourceMappings.resourceId, userResourceMappings.userId], set: { role: input.role } });
  }

  /** The resource's users with the role (every role when absent), in the order they were added. */
  async list(resourceId: string, role?: MemberRole): Promise<ResourceMember[]> {
    const conditions: SQL[] = [eq(userResourceMappings.resourceId, resourceId)];
    if (role !== undefined) conditions.push(eq(userResourceMappings.role, role));
    return this.db
      .select({ user: users, role: userResourceMappings.role })
      .from(userResourceMappings)
      .innerJoin(users, eq(users.id, userResourceMappings.userId))
      .where(and(...conditions))
      // Order added, exact even within a millisecond (an upsert keeps the row, so its place too).
      .orderBy(sql`${userResourceMappings}.rowid`);
  }

  /** Removes the user's role on the resource; false when they don't hold that role there. */
  async remove(resourceId: string, userId: string, role: MemberRole): Promise<boolean> {
    const deleted = await this.db
      .delete(userResourceMappings)
      .where(
        and(
          eq(userResourceMappings.resourceId, resourceId),
          eq(userResourceMappings.userId, userId),
          eq(userResourceMappings.role, role),
        ),
      )
      .returning({ userId: userResourceMappings.userId });
    return deleted.length > 0;
  }
}
