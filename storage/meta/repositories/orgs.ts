import { and, asc, desc, eq, inArray, or, type SQL } from "drizzle-orm";
import type { ChangeListeners } from "../change-listeners.ts";
import { orConflict } from "../conflict-error.ts";
import { newId } from "../id.ts";
import { pageClause, type MetaDb, type Page } from "../meta-db.ts";
import {
  authorizations,
  buckets,
  dbrps,
  labelMappings,
  labels,
  legacyAuthorizations,
  measurementSchemas,
  organizations,
  secrets,
  userResourceMappings,
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

export interface OrganizationFilter extends Page {
  descending?: boolean;
  name?: string;
  id?: string;
  /** Only orgs the user is a member or owner of. */
  userId?: string;
}

export class OrgsRepository {
  constructor(
    private readonly db: MetaDb,
    private readonly authChanges: ChangeListeners,
    private readonly bucketChanges: ChangeListeners,
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

  /** Orgs by name (descending when asked), filtered. */
  async list(filter: OrganizationFilter = {}): Promise<Organization[]> {
    const conditions: SQL[] = [];
    if (filter.name !== undefined) conditions.push(eq(organizations.name, filter.name));
    if (filter.id !== undefined) conditions.push(eq(organizations.id, filter.id));
    if (filter.userId !== undefined) {
      const memberOf = this.db
        .select({ id: userResourceMappings.resourceId })
        .from(userResourceMappings)
        .where(and(eq(userResourceMappings.userId, filter.userId), eq(userResourceMappings.resourceType, "orgs")));
      conditions.push(inArray(organizations.id, memberOf));
    }
    return this.db.query.organizations.findMany({
      where: and(...conditions),
      orderBy: filter.descending ? desc(organizations.name) : asc(organizations.name),
      ...pageClause(filter),
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

  /**
   * Deletes the org with everything in it (buckets and what hangs off them, labels, secrets,
   * members, tokens) in one transaction; false if there was no such org. Bucket data is the
   * engine's to drop.
   */
  async delete(id: string): Promise<boolean> {
    const orgBuckets = this.db.select({ id: buckets.id }).from(buckets).where(eq(buckets.orgId, id));
    const orgLabels = this.db.select({ id: labels.id }).from(labels).where(eq(labels.orgId, id));
    const [, , , , , , , , , deleted] = await this.db.batch([
      this.db.delete(labelMappings).where(or(inArray(labelMappings.labelId, orgLabels), inArray(labelMappings.resourceId, orgBuckets))),
      this.db.delete(userResourceMappings).where(or(eq(userResourceMappings.resourceId, id), inArray(userResourceMappings.resourceId, orgBuckets))),
      this.db.delete(labels).where(eq(labels.orgId, id)),
      this.db.delete(secrets).where(eq(secrets.orgId, id)),
      this.db.delete(measurementSchemas).where(eq(measurementSchemas.orgId, id)),
      this.db.delete(dbrps).where(eq(dbrps.orgId, id)),
      this.db.delete(buckets).where(eq(buckets.orgId, id)),
      this.db.delete(authorizations).where(eq(authorizations.orgId, id)),
      this.db.delete(legacyAuthorizations).where(eq(legacyAuthorizations.orgId, id)),
      this.db.delete(organizations).where(eq(organizations.id, id)).returning({ id: organizations.id }),
    ]);
    this.authChanges.notify();
    this.bucketChanges.notify();
    return deleted.length > 0;
  }
}
