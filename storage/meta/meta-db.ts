import { sql } from "drizzle-orm";
import type { LibSQLDatabase } from "drizzle-orm/libsql";
import type * as schema from "./schema.ts";

/** The Drizzle handle the repositories share. */
export type MetaDb = LibSQLDatabase<typeof schema>;

/** Paging as the v2 API's list operations take it (SEMANTICS.md §3). */
export interface Page {
  limit?: number;
  offset?: number;
}

/** Drizzle's limit/offset for a page: SQLite accepts OFFSET only after a LIMIT. */
export function pageClause(page: Page): { limit?: number; offset?: number } {
  if (page.offset === undefined || page.offset === 0) return { limit: page.limit };
  return { limit: page.limit ?? Number.MAX_SAFE_INTEGER, offset: page.offset };
}

/** SQLite's implicit row id: insertion order, exact where creation timestamps tie within a millisecond. */
export const insertionOrder = sql`rowid`;
