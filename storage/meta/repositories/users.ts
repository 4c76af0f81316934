import { asc, eq } from "drizzle-orm";
import type { ChangeListeners } from "../change-listeners.ts";
import { orConflict } from "../conflict-error.ts";
import { newId } from "../id.ts";
import { pageClause, type MetaDb, type Page } from "../meta-db.ts";
import { authorizations, legacyAuthorizations, userResourceMappings, users, type Status, type User } from "../schema.ts";

export class UsersRepository {
  constructor(
    private readonly db: MetaDb,
    private readonly authChanges: ChangeListeners,
  ) {}

  async create(input: { name: string }): Promise<User> {
    const now = new Date();
    const [row] = await orConflict(
      this.db.insert(users).values({ id: newId(), name: input.name, createdAt: now, updatedAt: now }).returning(),
      `user with name ${input.name} already exists`,
    );
    return row!;
  }

  async findById(id: string): Promise<User | undefined> {
    return this.db.query.users.findFirst({ where: eq(users.id, id) });
  }

  async findByName(name: string): Promise<User | undefined> {
    return this.db.query.users.findFirst({ where: eq(users.name, name) });
  }

  async list(page: Page = {}): Promise<User[]> {
    return this.db.query.users.findMany({ orderBy: asc(users.name), ...pageClause(page) });
  }

  async update(id: string, patch: { name?: string; status?: Status }): Promise<User | undefined> {
    const [row] = await orConflict(
      this.db
        .update(users)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(users.id, id))
        .returning(),
      `user with name ${patch.name} already exists`,
    );
    this.authChanges.notify();
    return row;
  }

  /**
   * Deletes the user, the tokens scoped to them ("Tokens stop working when the user ... is
   * deleted") and their memberships.
   */
  async delete(id: string): Promise<boolean> {
    const [, , , deleted] = await this.db.batch([
      this.db.delete(authorizations).where(eq(authorizations.userId, id)),
      this.db.delete(legacyAuthorizations).where(eq(legacyAuthorizations.userId, id)),
      this.db.delete(userResourceMappings).where(eq(userResourceMappings.userId, id)),
      this.db.delete(users).where(eq(users.id, id)).returning({ id: users.id }),
    ]);
    this.authChanges.notify();
    return deleted.length > 0;
  }
}
