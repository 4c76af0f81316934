import { and, eq, sql, type SQL } from "drizzle-orm";
import type { ChangeListeners } from "../change-listeners.ts";
import { orConflict } from "../conflict-error.ts";
import { ensureDefaultMapping } from "./dbrps.ts";
import { newId } from "../id.ts";
import { insertionOrder, pageClause, type MetaDb, type Page } from "../meta-db.ts";
import { buckets, dbrps, labelMappings, measurementSchemas, userResourceMappings, type Bucket, type RetentionRule } from "../schema.ts";

export interface NewBucket {
  orgId: string;
  name: string;
  description?: string | null;
  retentionRules: RetentionRule[];
  schemaType?: Bucket["schemaType"];
  type?: Bucket["type"];
  rp?: string | null;
}

export interface BucketPatch {
  name?: string;
  description?: string | null;
  retentionRules?: RetentionRule[];
}

export interface BucketFilter extends Page {
  orgId: string;
  name?: string;
  id?: string;
  /** Only buckets created after this one (the API's `after` cursor). */
  after?: string;
}

export class BucketsRepository {
  constructor(
    private readonly db: MetaDb,
    private readonly bucketChanges: ChangeListeners,
  ) {}

  async create(input: NewBucket): Promise<Bucket> {
    const now = new Date();
    const insert = orConflict(
      this.db
        .insert(buckets)
        .values({
          id: newId(),
          orgId: input.orgId,
          name: input.name,
          description: input.description ?? null,
          retentionRules: input.retentionRules,
          schemaType: input.schemaType ?? "implicit",
          type: input.type ?? "user",
          rp: input.rp ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning(),
      `bucket with name ${input.name} already exists`,
    );
    const [row] = await this.bucketChanges.notifyAfter(insert);
    return row!;
  }

  async findById(id: string): Promise<Bucket | undefined> {
    return this.db.query.buckets.findFirst({ where: eq(buckets.id, id) });
  }

  async findByName(orgId: string, name: string): Promise<Bucket | undefined> {
    return this.db.query.buckets.findFirst({ where: and(eq(buckets.orgId, orgId), eq(buckets.name, name)) });
  }

  /** Buckets of one org in creation order. */
  async list(filter: BucketFilter): Promise<Bucket[]> {
    const conditions: SQL[] = [eq(buckets.orgId, filter.orgId)];
    if (filter.name !== undefined) conditions.push(eq(buckets.name, filter.name));
    if (filter.id !== undefined) conditions.push(eq(buckets.id, filter.id));
    if (filter.after !== undefined) {
      conditions.push(sql`${insertionOrder} > (SELECT rowid FROM ${buckets} WHERE ${buckets.id} = ${filter.after})`);
    }
    return this.db.query.buckets.findMany({
      where: and(...conditions),
      orderBy: insertionOrder,
      ...pageClause(filter),
    });
  }

  /** Every bucket of every org (the retention enforcer walks them all). */
  async listAll(): Promise<Bucket[]> {
    return this.db.query.buckets.findMany({ orderBy: insertionOrder });
  }

  async update(id: string, patch: BucketPatch): Promise<Bucket | undefined> {
    const update = orConflict(
      this.db
        .update(buckets)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(buckets.id, id))
        .returning(),
      `bucket with name ${patch.name} already exists`,
    );
    const [row] = await this.bucketChanges.notifyAfter(update);
    return row;
  }

  /**
   * Deletes the bucket's metadata with what hangs off it: DBRP mappings (a database whose default
   * mapping goes hands the role to another of its mappings), measurement schemas, labels attached
   * to it, members and owners (its data is the engine's to drop).
   */
  async delete(id: string): Promise<boolean> {
    const defaults = await this.db.query.dbrps.findMany({ where: and(eq(dbrps.bucketId, id), eq(dbrps.isDefault, true)) });
    const [, , , , deleted] = await this.bucketChanges.notifyAfter(
      this.db.batch([
        this.db.delete(dbrps).where(eq(dbrps.bucketId, id)),
        this.db.delete(measurementSchemas).where(eq(measurementSchemas.bucketId, id)),
        this.db.delete(labelMappings).where(eq(labelMappings.resourceId, id)),
        this.db.delete(userResourceMappings).where(eq(userResourceMappings.resourceId, id)),
        this.db.delete(buckets).where(eq(buckets.id, id)).returning({ id: buckets.id }),
        ...defaults.map((d) => ensureDefaultMapping(this.db, d.orgId, d.database)),
      ]),
    );
    return deleted.length > 0;
  }
}
