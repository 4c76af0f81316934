/**
 * SHOW MEASUREMENTS. Plain (`ON db`): InfluxDB 1.6 — every retention policy of the database, an
 * unknown database is an empty result. The `ON db.rp`, `ON db.*` and `ON *.*` forms (1.8+, which
 * the parser accepts) add database and retention policy columns.
 */
import type { Expr, ShowMeasurementsStatement } from "../../influxql/parser.ts";
import type { QueryContext } from "../query-context.ts";
import type { ResultValue } from "../result.ts";
import { StatementError } from "../statement-error.ts";
import { canRead, canSee, readablePolicies, visibleDatabase } from "./access.ts";
import { sortBytes } from "../byte-order.ts";
import { Catalog, policyNamed, type RetentionPolicyInfo } from "./catalog.ts";
import { sourcesCondition } from "./condition-rewrite.ts";
import { openIndex } from "./index-view.ts";
import { measurementsMatching } from "./measurement-filter.ts";
import type { MetaResult } from "./meta-result.ts";
import * as errors from "./meta-errors.ts";
import { page } from "./paging.ts";
import { hasTimeExpr } from "./time-condition.ts";

export async function showMeasurements(s: ShowMeasurementsStatement, qc: QueryContext): Promise<MetaResult> {
  if (hasTimeExpr(s.condition)) throw errors.timeNotSupported("SHOW MEASUREMENTS");
  const cond = sourcesCondition(s.source === null ? [] : [s.source], s.condition);
  const catalog = await Catalog.load(qc);
  const perPolicy = s.wildcardDatabase || s.wildcardRetentionPolicy || s.retentionPolicy !== "";
  if (!perPolicy) {
    const name = s.database || qc.db;
    if (name === "") throw errors.databaseNameRequired();
    const db = visibleDatabase(qc, catalog, name);
    const names = db === undefined ? [] : matching(qc, readablePolicies(qc, db.retentionPolicies), cond);
    const values = page(names, s.offset, s.limit).map((n) => [n]);
    return values.length === 0 ? {} : { series: [{ name: "measurements", columns: ["name"], values }] };
  }
  const targets = policyTargets(s, qc, catalog);
  const rows: ResultValue[][] = [];
  for (const t of targets) {
    for (const n of matching(qc, readablePolicies(qc, [t.rp]), cond)) rows.push([n, t.database, t.rp.name]);
  }
  const values = page(rows, s.offset, s.limit);
  return values.length === 0 ? {} : { series: [{ name: "measurements", columns: ["name", "database", "retention policy"], values }] };
}

/** The (database, policy) pairs of `ON db.rp`, `ON db.*` and `ON *.*`. */
function policyTargets(s: ShowMeasurementsStatement, qc: QueryContext, catalog: Catalog): { database: string; rp: RetentionPolicyInfo }[] {
  if (s.wildcardDatabase) {
    if (!s.wildcardRetentionPolicy) {
      const form = s.retentionPolicy !== "" ? "ON *.rp" : "ON *";
      throw new StatementError(`query 'SHOW MEASUREMENTS ${form}' not supported. use 'ON *.*' or specify a database`);
    }
    return catalog.databases
      .filter((db) => canSee(qc, db))
      .flatMap((db) => db.retentionPolicies.filter((rp) => canRead(qc, rp.bucket)).map((rp) => ({ database: db.name, rp })));
  }
  const name = s.database || qc.db;
  if (name === "") throw errors.databaseNameRequired();
  const db = visibleDatabase(qc, catalog, name);
  if (db === undefined) {
    if (s.wildcardRetentionPolicy) throw errors.databaseNotFound(name);
    return [];
  }
  const rps = s.wildcardRetentionPolicy ? readablePolicies(qc, db.retentionPolicies) : [policyNamed(db, s.retentionPolicy)].filter((rp) => rp !== undefined);
  return rps.map((rp) => ({ database: db.name, rp }));
}

function matching(qc: QueryContext, rps: readonly RetentionPolicyInfo[], cond: Expr | null): string[] {
  const index = openIndex(qc, rps);
  if (cond === null) return index.measurements();
  return sortBytes(measurementsMatching(cond, index.measurementTags()));
}
