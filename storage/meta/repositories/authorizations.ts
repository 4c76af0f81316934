import { and, eq, type SQL } from "drizzle-orm";
import type { ChangeListeners } from "../change-listeners.ts";
import { orConflict } from "../conflict-error.ts";
import { newId } from "../id.ts";
import { insertionOrder, type MetaDb } from "../meta-db.ts";
import type { Permission } from "../permission.ts";
import { authorizations, type Authorization, type Status } from "../schema.ts";

export interface NewAuthorization {
  orgId: string;
  userId?: string | null;
  /** SHA-256 of the token; the caller generates the token and shows it once. */
  tokenHash: string;
  permissions: Permission[];
  description?: string | null;
  status?: Status;
}

export interface AuthorizationFilter {
  orgId?: string;
  userId?: string;
  tokenHash?: string;
}

export class AuthorizationsRepository {
  constructor(
    private readonly db: MetaDb,
    private readonly authChanges: ChangeListeners,
  ) {}

  async create(input: NewAuthorization): Promise<Authorization> {
    const now = new Date();
    const [row] = await orConflict(
      this.db
        .insert(authorizations)
        .values({
          id: newId(),
          orgId: input.orgId,
          userId: input.userId ?? null,
          tokenHash: input.tokenHash,
          permissions: input.permissions,
          description: input.description ?? null,
          status: input.status ?? "active",
          createdAt: now,
          updatedAt: now,
        })
        .returning(),
      "token already exists",
    );
    return row!;
  }

  async findById(id: string): Promise<Authorization | undefined> {
    return this.db.query.authorizations.findFirst({ where: eq(authorizations.id, id) });
  }

  async findByTokenHash(tokenHash: string): Promise<Authorization | undefined> {
    return this.db.query.authorizations.findFirst({ where: eq(authorizations.tokenHash, tokenHash) });
  }

  async list(filter: AuthorizationFilter = {}): Promise<Authorization[]> {
    const conditions: SQL[] = [];
    if (filter.orgId !== undefined) conditions.push(eq(authorizations.orgId, filter.orgId));
    if (filter.userId !== undefined) conditions.push(eq(authorizations.userId, filter.userId));
    if (filter.tokenHash !== undefined) conditions.push(eq(authorizations.tokenHash, filter.tokenHash));
    return this.db.query.authorizations.findMany({
      where: and(...conditions),
      orderBy: insertionOrder,
    });
  }

  /** Only status and description change: "You can't change access permissions for an API token after it's created." */
  async update(id: string, patch: { status?: Status; description?: string | null }): Promise<Authorization | undefined> {
    const [row] = await this.db
      .update(authorizations)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(authorizations.id, id))
      .returning();
    this.authChanges.notify();
    return row;
  }

  async delete(id: string): Promise<boolean> {
    const deleted = await this.db
      .delete(authorizations)
      .where(eq(authorizations.id, id))
      .returning({ id: authorizations.id });
    this.authChanges.notify();
    return deleted.length > 0;
  }
}
