/**
 * Opens the metadata database in whichever mode the connection names, brings its schema up to
 * date, and hands out the repositories. Knows nothing of HTTP or of the config format.
 */
import { createClient, type Client } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { ChangeListeners } from "./change-listeners.ts";
import { filePath, libsqlConfig, metaMode, type MetaConnection, type MetaMode } from "./client-options.ts";
import { MIGRATIONS } from "./embedded-migrations.ts";
import type { MetaDb } from "./meta-db.ts";
import { applyMigrations } from "./migrate.ts";
import { AuthorizationsRepository } from "./repositories/authorizations.ts";
import { BucketsRepository } from "./repositories/buckets.ts";
import { DbrpsRepository } from "./repositories/dbrps.ts";
import { LabelsRepository } from "./repositories/labels.ts";
import { LegacyAuthorizationsRepository } from "./repositories/legacy-authorizations.ts";
import { MeasurementSchemasRepository } from "./repositories/measurement-schemas.ts";
import { OrgsRepository } from "./repositories/orgs.ts";
import { SecretsRepository } from "./repositories/secrets.ts";
import { SettingsRepository } from "./repositories/settings.ts";
import { UserResourceMappingsRepository } from "./repositories/user-resource-mappings.ts";
import { UsersRepository } from "./repositories/users.ts";
import * as schema from "./schema.ts";

export interface MetaStore {
  readonly mode: MetaMode;
  readonly client: Client;
  readonly db: MetaDb;
  /** Tags of the migrations this open applied (empty when the schema was current). */
  readonly migrationsApplied: string[];
  readonly orgs: OrgsRepository;
  readonly users: UsersRepository;
  readonly buckets: BucketsRepository;
  readonly authorizations: AuthorizationsRepository;
  readonly legacyAuthorizations: LegacyAuthorizationsRepository;
  readonly dbrps: DbrpsRepository;
  readonly settings: SettingsRepository;
  readonly labels: LabelsRepository;
  readonly members: UserResourceMappingsRepository;
  readonly secrets: SecretsRepository;
  readonly measurementSchemas: MeasurementSchemasRepository;
  /** Notified after any write that can change what a credential grants. */
  readonly authChanges: ChangeListeners;
  /** Notified after any write that can change which bucket a bucket name, database or retention policy resolves to. */
  readonly bucketChanges: ChangeListeners;
  close(): void;
}

export async function openMetaStore(connection: MetaConnection): Promise<MetaStore> {
  const mode = metaMode(connection);
  if (mode !== "remote") mkdirSync(dirname(filePath(connection.url)), { recursive: true });

  const client = createClient(libsqlConfig(connection));
  try {
    // A replica starts from the primary's current state, so migrations see what is really there.
    if (mode === "replica") await client.sync();
    // WAL lets readers run while a write commits; the setting is stored in the file.
    if (mode === "local") await client.execute("PRAGMA journal_mode = WAL");
    const migrationsApplied = await applyMigrations(client, MIGRATIONS);

    const db = drizzle(client, { schema });
    const authChanges = new ChangeListeners();
    const bucketChanges = new ChangeListeners();
    return {
      mode,
      client,
      db,
      migrationsApplied,
      orgs: new OrgsRepository(db, authChanges, bucketChanges),
      users: new UsersRepository(db, authChanges),
      buckets: new BucketsRepository(db, bucketChanges),
      authorizations: new AuthorizationsRepository(db, authChanges),
      legacyAuthorizations: new LegacyAuthorizationsRepository(db, authChanges),
      dbrps: new DbrpsRepository(db, bucketChanges),
      settings: new SettingsRepository(db),
      labels: new LabelsRepository(db),
      members: new UserResourceMappingsRepository(db),
      secrets: new SecretsRepository(db),
      measurementSchemas: new MeasurementSchemasRepository(db),
      authChanges,
      bucketChanges,
      close: () => client.close(),
    };
  } catch (err) {
    client.close();
    throw err;
  }
}
