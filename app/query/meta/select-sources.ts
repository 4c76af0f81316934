/**
 * InfluxDB 1.6 runs SHOW SERIES, SHOW FIELD KEYS and the exact cardinalities as SELECTs over their
 * FROM (all measurements without one), so each source reads one retention policy: its own, else
 * the request's `rp`, else the database's default (`normalizeMeasurement`), with that function's
 * errors, in source order.
 */
import type { Source } from "../../influxql/parser.ts";
import type { QueryContext } from "../query-context.ts";
import { requireRead, visibleDatabase } from "./access.ts";
import { Catalog, defaultPolicy, policyNamed, type RetentionPolicyInfo } from "./catalog.ts";
import { openIndex, type DatabaseIndex } from "./index-view.ts";
import * as errors from "./meta-errors.ts";
import { goRegExp } from "../regex.ts";

export interface SourceMeasurements {
  rp: RetentionPolicyInfo;
  index: DatabaseIndex;
  /** Live measurements the source names, in byte order. */
  names: string[];
}

const ALL: Source = { kind: "measurement", database: "", retentionPolicy: "", name: "", regex: null };

export async function resolveSources(qc: QueryContext, sources: readonly Source[], statementDb: string): Promise<SourceMeasurements[]> {
  const catalog = await Catalog.load(qc);
  const out: SourceMeasurements[] = [];
  for (const source of sources.length === 0 ? [ALL] : sources) {
    if (source.kind !== "measurement") continue;
    const dbName = source.database || statementDb || qc.db;
    if (dbName === "") throw errors.databaseNameRequired();
    const db = visibleDatabase(qc, catalog, dbName);
    if (db === undefined) throw errors.databaseNotFound(dbName);
    const rpName = source.retentionPolicy || qc.rp;
    const rp = rpName === "" ? defaultPolicy(db) : policyNamed(db, rpName);
    if (rp === undefined) throw rpName === "" ? errors.defaultRetentionPolicyNotSet(db.name) : errors.retentionPolicyNotFound(rpName);
    requireRead(qc, rp.bucket);
    const index = openIndex(qc, [rp]);
    const live = index.measurements();
    const names =
      source.regex !== null ? live.filter((m) => goRegExp(source.regex!.pattern).test(m))
      : source.name !== "" ? live.filter((m) => m === source.name)
      : live;
    out.push({ rp, index, names });
  }
  return out;
}
