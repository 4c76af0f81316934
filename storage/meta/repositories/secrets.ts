import { and, asc, eq, inArray } from "drizzle-orm";
import type { MetaDb } from "../meta-db.ts";
import { secrets } from "../schema.ts";

/** An org's secrets by key. Values arrive sealed (app/secrets/secret-box.ts) and leave sealed. */
export class SecretsRepository {
  constructor(private readonly db: MetaDb) {}

  async keys(orgId: string): Promise<string[]> {
    const rows = await this.db.select({ key: secrets.key }).from(secrets).where(eq(secrets.orgId, orgId)).orderBy(asc(secrets.key));
    return rows.map((r) => r.key);
  }

  async sealedValue(orgId: string, key: string): Promise<string | undefined> {
    const row = await this.db.query.secrets.findFirst({ where: and(eq(secrets.orgId, orgId), eq(secrets.key, key)) });
    return row?.value;
  }

  /** Adds or replaces the given keys, all in one transaction. */
  async put(orgId: string, sealed: Map<string, string>): Promise<void> {
    if (sealed.size === 0) return;
    const now = new Date();
    const [first, ...rest] = [...sealed].map(([key, value]) =>
      this.db
        .insert(secrets)
        .values({ orgId, key, value, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({ target: [secrets.orgId, secrets.key], set: { value, updatedAt: now } }),
    );
    await this.db.batch([first!, ...rest]);
  }

  /** Returns how many of the keys existed. */
  async delete(orgId: string, keys: string[]): Promise<number> {
    if (keys.length === 0) return 0;
    const deleted = await this.db
      .delete(secrets)
      .where(and(eq(secrets.orgId, orgId), inArray(secrets.key, keys)))
      .returning({ key: secrets.key });
    return deleted.length;
  }
}
