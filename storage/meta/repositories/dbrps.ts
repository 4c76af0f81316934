import { and, asc, eq, ne, not, sql, type SQL } from "drizzle-orm";
import type { ChangeListeners } from "../change-listeners.ts";
import { orConflict } from "../conflict-error.ts";
import { newId } from "../id.ts";
import { insertionOrder, type MetaDb } from "../meta-db.ts";
import { dbrps, type Dbrp } from "../schema.ts";

export interface NewDbrp {
  orgId: string;
  bucketId: string;
  database: string;
  retentionPolicy: string;
  /** Absent: the mapping becomes the default when its database has none yet (as InfluxDB does). */
  isDefault?: boolean;
}

export interface DbrpFilter {
  orgId?: string;
  id?: string;
  bucketId?: string;
  isDefault?: boolean;
  database?: string;
  retentionPolicy?: string;
}

/**
 * The statement that makes the oldest mapping of a database (`avoidId` last) its default when it
 * has none: a database with mappings always has exactly one default, as in InfluxDB.
 */
export function ensureDefaultMapping(db: MetaDb, orgId: string, database: string, avoidId = "") {
  const first = sql`(SELECT ${dbrps.id} FROM ${dbrps} WHERE ${dbrps.orgId} = ${orgId} AND ${dbrps.database} = ${database}
    ORDER BY ${dbrps.id} = ${avoidId}, ${insertionOrder} LIMIT 1)`;
  const hasDefault = sql`EXISTS (SELECT 1 FROM ${dbrps} WHERE ${dbrps.orgId} = ${orgId} AND ${dbrps.database} = ${database} AND ${dbrps.isDefault} = 1)`;
  return db
    .update(dbrps)
    .set({ isDefault: true })
    .where(and(eq(dbrps.id, first), not(hasDefault)));
}

/** DBRP mappings route v1 `db`/`rp` to buckets; each database has at most one default mapping. */
export class DbrpsRepository {
  constructor(
    private readonly db: MetaDb,
    private readonly bucketChanges: ChangeListeners,
  ) {}

  create(input: NewDbrp): Promise<Dbrp> {
    return this.bucketChanges.notifyAfter(this.#create(input));
  }

  /**
   * Making a mapping the default clears the database's previous default; un-setting it hands the
   * role to another mapping of the database, or leaves it where it is when there is no other (as
   * InfluxDB does: a database with mappings always has exactly one default).
   */
  update(id: string, patch: { retentionPolicy?: string; isDefault?: boolean }): Promise<Dbrp | undefined> {
    return this.bucketChanges.notifyAfter(this.#update(id, patch));
  }

  /** Deleting the default mapping makes another mapping of the database the default. */
  delete(id: string): Promise<boolean> {
    return this.bucketChanges.notifyAfter(this.#delete(id));
  }

  async #create(input: NewDbrp): Promise<Dbrp> {
    const id = newId();
    const now = new Date();
    const isDefault = input.isDefault ?? (await this.#findDefault(input.orgId, input.database)) === undefined;
    const insert = this.db
      .insert(dbrps)
      .values({
        id,
        orgId: input.orgId,
        bucketId: input.bucketId,
        database: input.database,
        retentionPolicy: input.retentionPolicy,
        isDefault,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const conflict = `DBRP mapping for database ${input.database} and retention policy ${input.retentionPolicy} already exists`;
    if (!isDefault) return (await orConflict(insert, conflict))[0]!;
    const [, inserted] = await orConflict(
      this.db.batch([this.#clearDefault(input.orgId, input.database, id), insert]),
      conflict,
    );
    return inserted[0]!;
  }

  async findById(id: string): Promise<Dbrp | undefined> {
    return this.db.query.dbrps.findFirst({ where: eq(dbrps.id, id) });
  }

  /** The mapping a v1 request names: `rp` given → that one, else the database's default. */
  async resolve(orgId: string, database: string, retentionPolicy?: string): Promise<Dbrp | undefined> {
    if (retentionPolicy === undefined || retentionPolicy === "") return this.#findDefault(orgId, database);
    return this.db.query.dbrps.findFirst({
      where: and(eq(dbrps.orgId, orgId), eq(dbrps.database, database), eq(dbrps.retentionPolicy, retentionPolicy)),
    });
  }

  async list(filter: DbrpFilter = {}): Promise<Dbrp[]> {
    const conditions: SQL[] = [];
    if (filter.orgId !== undefined) conditions.push(eq(dbrps.orgId, filter.orgId));
    if (filter.id !== undefined) conditions.push(eq(dbrps.id, filter.id));
    if (filter.bucketId !== undefined) conditions.push(eq(dbrps.bucketId, filter.bucketId));
    if (filter.isDefault !== undefined) conditions.push(eq(dbrps.isDefault, filter.isDefault));
    if (filter.database !== undefined) conditions.push(eq(dbrps.database, filter.database));
    if (filter.retentionPolicy !== undefined) conditions.push(eq(dbrps.retentionPolicy, filter.retentionPolicy));
    return this.db.query.dbrps.findMany({
      where: and(...conditions),
      orderBy: [asc(dbrps.database), asc(dbrps.retentionPolicy)],
    });
  }

  async #update(id: string, patch: { retentionPolicy?: string; isDefault?: boolean }): Promise<Dbrp | undefined> {
    const current = await this.findById(id);
    if (current === undefined) return undefined;
    const update = this.db
      .update(dbrps)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(dbrps.id, id))
      .returning();
    const conflict = `DBRP mapping for database ${current.database} and retention policy ${patch.retentionPolicy} already exists`;
    if (patch.isDefault === true) {
      const [, updated] = await orConflict(
        this.db.batch([this.#clearDefault(current.orgId, current.database, id), update]),
        conflict,
      );
      return updated[0];
    }
    if (patch.isDefault === false && current.isDefault) {
      await orConflict(this.db.batch([update, ensureDefaultMapping(this.db, current.orgId, current.database, id)]), conflict);
      return this.findById(id);
    }
    return (await orConflict(update, conflict))[0];
  }

  async #delete(id: string): Promise<boolean> {
    const current = await this.findById(id);
    if (current === undefined) return false;
    const [deleted] = await this.db.batch([
      this.db.delete(dbrps).where(eq(dbrps.id, id)).returning({ id: dbrps.id }),
      ensureDefaultMapping(this.db, current.orgId, current.database),
    ]);
    return deleted.length > 0;
  }

  #findDefault(orgId: string, database: string): Promise<Dbrp | undefined> {
    return this.db.query.dbrps.findFirst({
      where: and(eq(dbrps.orgId, orgId), eq(dbrps.database, database), eq(dbrps.isDefault, true)),
    });
  }

  /**
   * Makes the database's first mapping (by creation; `avoidId` last) its default when it has none,
   * so the one-default rule survives deletes and un-set defaults.
   */
  #clearDefault(orgId: string, database: string, exceptId: string) {
    return this.db
      .update(dbrps)
      .set({ isDefault: false })
      .where(and(eq(dbrps.orgId, orgId), eq(dbrps.database, database), ne(dbrps.id, exceptId)));
  }
}
