import { and, eq, type SQL } from "drizzle-orm";
import type { ChangeListeners } from "../change-listeners.ts";
import { orConflict } from "../conflict-error.ts";
import { newId } from "../id.ts";
import { insertionOrder, type MetaDb } from "../meta-db.ts";
import type { Permission } from "../permission.ts";
import { legacyAuthorizations, type LegacyAuthorization, type Status } from "../schema.ts";

export interface NewLegacyAuthorization {
  orgId: string;
  userId?: string | null;
  username: string;
  permissions: Permission[];
  description?: string | null;
  status?: Status;
}

export interface LegacyAuthorizationFilter {
  orgId?: string;
  userId?: string;
  username?: string;
  id?: string;
}

export class LegacyAuthorizationsRepository {
  constructor(
    private readonly db: MetaDb,
    private readonly authChanges: ChangeListeners,
  ) {}

  async create(input: NewLegacyAuthorization): Promise<LegacyAuthorization> {
    const now = new Date();
    const [row] = await orConflict(
      this.db
        .insert(legacyAuthorizations)
        .values({
          id: newId(),
          orgId: input.orgId,
          userId: input.userId ?? null,
          username: input.username,
          permissions: input.permissions,
          description: input.description ?? null,
          status: input.status ?? "active",
          createdAt: now,
          updatedAt: now,
        })
        .returning(),
      `authorization with username ${input.username} already exists`,
    );
    return row!;
  }

  async findById(id: string): Promise<LegacyAuthorization | undefined> {
    return this.db.query.legacyAuthorizations.findFirst({ where: eq(legacyAuthorizations.id, id) });
  }

  async findByUsername(username: string): Promise<LegacyAuthorization | undefined> {
    return this.db.query.legacyAuthorizations.findFirst({ where: eq(legacyAuthorizations.username, username) });
  }

  async list(filter: LegacyAuthorizationFilter = {}): Promise<LegacyAuthorization[]> {
    const conditions: SQL[] = [];
    if (filter.orgId !== undefined) conditions.push(eq(legacyAuthorizations.orgId, filter.orgId));
    if (filter.userId !== undefined) conditions.push(eq(legacyAuthorizations.userId, filter.userId));
    if (filter.username !== undefined) conditions.push(eq(legacyAuthorizations.username, filter.username));
    if (filter.id !== undefined) conditions.push(eq(legacyAuthorizations.id, filter.id));
    return this.db.query.legacyAuthorizations.findMany({
      where: and(...conditions),
      orderBy: insertionOrder,
    });
  }

  async update(
    id: string,
    patch: { status?: Status; description?: string | null },
  ): Promise<LegacyAuthorization | undefined> {
    return this.#set(id, patch);
  }

  /** `passwordHash` comes from the caller (Bun.password); storage never sees the password. */
  async setPasswordHash(id: string, passwordHash: string): Promise<LegacyAuthorization | undefined> {
    return this.#set(id, { passwordHash });
  }

  async delete(id: string): Promise<boolean> {
    const deleted = await this.db
      .delete(legacyAuthorizations)
      .where(eq(legacyAuthorizations.id, id))
      .returning({ id: legacyAuthorizations.id });
    this.authChanges.notify();
    return deleted.length > 0;
  }

  async #set(
    id: string,
    values: Partial<Pick<LegacyAuthorization, "status" | "description" | "passwordHash">>,
  ): Promise<LegacyAuthorization | undefined> {
    const [row] = await this.db
      .update(legacyAuthorizations)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(legacyAuthorizations.id, id))
      .returning();
    this.authChanges.notify();
    return row;
  }
}
