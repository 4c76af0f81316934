/**
 * The migrations drizzle-kit generated, embedded in the program (a compiled binary has no
 * migrations folder to read). After `npm run db:generate`, import the new file here; a test
 * fails while the journal lists a migration this list lacks.
 */
import init from "./migrations/0000_init.sql" with { type: "text" };
import management from "./migrations/0001_management.sql" with { type: "text" };
import journal from "./migrations/meta/_journal.json";

export interface EmbeddedMigration {
  tag: string;
  /** The journal's `when`: drizzle records it as the migration's `created_at`. */
  createdAt: number;
  sql: string;
}

const SQL_BY_TAG: Record<string, string> = {
  "0000_init": init,
  "0001_management": management,
};

export const MIGRATIONS: EmbeddedMigration[] = journal.entries.map((entry) => {
  const sql = SQL_BY_TAG[entry.tag];
  if (sql === undefined) throw new Error(`migration ${entry.tag} is in the journal but not embedded`);
  return { tag: entry.tag, createdAt: entry.when, sql };
});
