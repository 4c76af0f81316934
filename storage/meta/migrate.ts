/**
 * Applies the embedded migrations with drizzle's own bookkeeping (`__drizzle_migrations`, a row
 * per migration with its SQL hash and journal timestamp), so `drizzle-kit migrate` and this agree
 * about what has run. drizzle's migrator reads the folder from disk, which a binary can't.
 */
import type { Client } from "@libsql/client";
import { createHash } from "node:crypto";
import type { EmbeddedMigration } from "./embedded-migrations.ts";

const TABLE = "__drizzle_migrations";
const BREAKPOINT = "--> statement-breakpoint";

/** Returns the tags applied now (empty when the database was already current). */
export async function applyMigrations(client: Client, migrations: EmbeddedMigration[]): Promise<string[]> {
  await client.execute(
    `CREATE TABLE IF NOT EXISTS ${TABLE} (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`,
  );
  const last = await client.execute(`SELECT created_at FROM ${TABLE} ORDER BY created_at DESC LIMIT 1`);
  const lastCreatedAt = last.rows.length > 0 ? Number(last.rows[0]![0]) : -Infinity;

  const pending = migrations.filter((m) => m.createdAt > lastCreatedAt);
  if (pending.length === 0) return [];

  const statements = pending.flatMap((m) => [
    ...m.sql
      .split(BREAKPOINT)
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
    {
      sql: `INSERT INTO ${TABLE} (hash, created_at) VALUES (?, ?)`,
      args: [createHash("sha256").update(m.sql).digest("hex"), m.createdAt],
    },
  ]);
  // One batch is one transaction: a failed migration leaves the database as it was.
  await client.batch(statements, "write");
  return pending.map((m) => m.tag);
}
