/** The database a read-only meta statement is about: its own ON, else the request's `db`. */
import type { QueryContext } from "../query-context.ts";
import { readablePolicies, visibleDatabase } from "./access.ts";
import { Catalog, type DatabaseInfo, type RetentionPolicyInfo } from "./catalog.ts";
import * as errors from "./meta-errors.ts";

export interface ReadTarget {
  db: DatabaseInfo;
  /** Every policy of the database the caller may read. */
  policies: RetentionPolicyInfo[];
}

/** Throws 1.x's "database name required" / "database not found: x". */
export async function readTarget(qc: QueryContext, statementDb: string): Promise<ReadTarget> {
  const name = statementDb || qc.db;
  if (name === "") throw errors.databaseNameRequired();
  const db = visibleDatabase(qc, await Catalog.load(qc), name);
  if (db === undefined) throw errors.databaseNotFound(name);
  return { db, policies: readablePolicies(qc, db.retentionPolicies) };
}
