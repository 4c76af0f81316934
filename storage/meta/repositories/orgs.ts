import { asc, desc, eq } from "drizzle-orm";
import type { ChangeListeners } from "../change-listeners.ts";
import { orConflict } from "../conflict-error.ts";
import { newId } from "../id.ts";
import { pageClause, type MetaDb, type Page } from "../meta-db.ts";
import {
  authorizations,
  buckets,
  dbrps,
  legacyAuthorizations,
  organizations,
  type Organization,
  type Status,
} from "../schema.ts";

export interface NewOrganization {
  name: string;
  description?: string | null;
}

export interface OrganizationPatch {
  name?: string;
  description?: string | null;
  status?: Status;
}

export class OrgsRepository {
  constructor(
    private readonly db: MetaDb,
    private readonly authChanges: ChangeListeners,
  ) {}

  async create(input: NewOrganization): Promise<Organization> {
    const now = new Date();
    const [row] = await orConflict(
      this.db
        .insert(organizations)
        .values({ id: newId(), name: input.name, description: input.description ?? null, createdAt: now, updatedAt: now })
        .returning(),
      `organization with name ${input.name} already exists`,
    );
    return row!;
  }

  async findById(id: string): Promise<Organization | undefined> {
    return this.db.query.organizations.findFirst({ where: eq(organizations.id, id) });
  }

  async findByName(name: string): Promise<Organization | undefined> {
    return this.db.query.organizations.findFirst({ where: eq(organizations.name, name) });
  }

  async list(page: Page & { descending?: boolean } = {}): Promise<Organization[]> {
    return this.db.query.organizations.findMany({
      orderBy: page.descending ? desc(organizations.name) : asc(organizations.name),
      ...pageClause(page),
    });
  }

  async update(id: string, patch: OrganizationPatch): Promise<Organization | undefined> {
    const [row] = await orConflict(
      this.db
        .update(organizations)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(organizations.id, id))
        .returning(),
      `organization with name ${patch.name} already exists`,
    );
    if (patch.status !== undefined) this.authChanges.notify();
    return row;
  }

  /** Deletes the org with its buckets, DBRP mappings and tokens; false if there was no such org. */
  async delete(id: string): Promise<boolean> {
    const [, , , , deleted] = await this.db.batch([
      this.db.delete(dbrps).where(eq(dbrps.orgId, id)),
      this.db.delete(buckets).where(eq(buckets.orgId, id)),
      this.db.delete(authorizations).where(eq(authorizations.orgId, id)),
      this.db.delete(legacyAuthorizations).where(eq(legacyAuthorizations.orgId, id)),
      this.db.delete(organizations).where(eq(organizations.id, id)).returning({ id: organizations.id }),
    ]);
    this.authChanges.notify();
    return deleted.length > 0;
  }
}
