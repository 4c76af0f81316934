import { eq } from "drizzle-orm";
import type { MetaDb } from "../meta-db.ts";
import { settings } from "../schema.ts";

export class SettingsRepository {
  constructor(private readonly db: MetaDb) {}

  async get(key: string): Promise<string | undefined> {
    const row = await this.db.query.settings.findFirst({ where: eq(settings.key, key) });
    return row?.value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } });
  }
}
