/**
 * DROP MEASUREMENT, DROP SERIES and DELETE: InfluxDB 1.6 applies them to every retention policy of
 * the request's database, turns the tag condition into the set of series it matches, and refuses
 * a condition on fields (per shard, hence the `shard N:` prefix, N here being the policy's
 * position). strata records the deletes as engine tombstones.
 */
import type { DeleteStatement, DropMeasurementStatement, DropSeriesStatement, Expr, Source } from "../../influxql/parser.ts";
import type { Tombstone } from "../../../storage/tsdb/tombstone.ts";
import type { QueryContext } from "../query-context.ts";
import { goRegExp } from "../regex.ts";
import { StatementError } from "../statement-error.ts";
import { requireWrite } from "./access.ts";
import { Catalog, type DatabaseInfo } from "./catalog.ts";
import { BucketIndex, nsToRange } from "./index-view.ts";
import type { MetaResult } from "./meta-result.ts";
import * as errors from "./meta-errors.ts";
import { durationsOf } from "./retention-policy-rules.ts";
import { matchSeries } from "./series-match.ts";
import { hasTimeExpr, MAX_TIME, MIN_TIME, splitTimeCondition } from "./time-condition.ts";

type Delete = Omit<Tombstone, "seq">;

async function targetDatabase(qc: QueryContext): Promise<DatabaseInfo> {
  const db = (await Catalog.load(qc, { fresh: true })).database(qc.db);
  if (db === undefined) throw errors.databaseNotFound(qc.db);
  for (const rp of db.retentionPolicies) requireWrite(qc, rp.bucket);
  return db;
}

function indexes(qc: QueryContext, db: DatabaseInfo): BucketIndex[] {
  return db.retentionPolicies.map((rp) => new BucketIndex(rp.bucket, qc.engine.bucketStore(rp.bucket.id), durationsOf(rp.bucket).shardGroupDuration));
}

async function apply(qc: QueryContext, deletes: [string, Delete][]): Promise<void> {
  for (const [bucketId, d] of deletes) await qc.engine.delete(bucketId, d);
}

export async function dropMeasurement(s: DropMeasurementStatement, qc: QueryContext): Promise<MetaResult> {
  const db = await targetDatabase(qc);
  const all = nsToRange(MIN_TIME, MAX_TIME);
  const deletes: [string, Delete][] = [];
  for (const index of indexes(qc, db)) {
    if (index.series(s.name).length > 0) deletes.push([index.bucket.id, { measurement: s.name, tagEquals: [], ...all }]);
  }
  await apply(qc, deletes);
  return {};
}

export async function dropSeries(s: DropSeriesStatement, qc: QueryContext): Promise<MetaResult> {
  const db = await targetDatabase(qc);
  if (hasTimeExpr(s.condition)) throw errors.timeNotSupported("DROP SERIES");
  await deleteSeries(qc, db, s.sources, s.condition);
  return {};
}

export async function deleteStatement(s: DeleteStatement, qc: QueryContext): Promise<MetaResult> {
  const db = await targetDatabase(qc);
  await deleteSeries(qc, db, s.sources, s.condition);
  return {};
}

/** `Store.DeleteSeries`: plans every policy's deletes first, so a refused condition deletes nothing. */
async function deleteSeries(qc: QueryContext, db: DatabaseInfo, sources: readonly Source[], condition: Expr | null): Promise<void> {
  const views = indexes(qc, db);
  let names: string[] | null = null;
  if (sources.length > 0) {
    const live = new Set(views.flatMap((v) => v.measurements()));
    const expanded = new Set<string>();
    for (const source of sources) {
      if (source.kind !== "measurement") continue;
      if (source.regex === null) expanded.add(source.name);
      else for (const m of live) if (goRegExp(source.regex.pattern).test(m)) expanded.add(m);
    }
    if (expanded.size === 0) return;
    names = [...expanded];
  }
  const split = splitTimeCondition(condition, qc.nowNs);
  const range = nsToRange(split.min ?? MIN_TIME, split.max ?? MAX_TIME);
  const deletes: [string, Delete][] = [];
  views.forEach((view, position) => {
    const measurements = (names ?? view.measurements()).filter((m) => view.series(m).length > 0);
    if (split.condition === null) {
      if (names === null && measurements.length > 0) deletes.push([view.bucket.id, { tagEquals: [], ...range }]);
      else for (const m of measurements) deletes.push([view.bucket.id, { measurement: m, tagEquals: [], ...range }]);
      return;
    }
    const keys: string[] = [];
    for (const m of measurements) {
      for (const one of view.series(m)) {
        const match = matchSeries(split.condition, one);
        if (match === "residual") throw new StatementError(`shard ${position + 1}: fields not supported in WHERE clause during deletion`);
        if (match) keys.push(one.key);
      }
    }
    if (keys.length > 0) deletes.push([view.bucket.id, { tagEquals: [], seriesKeys: keys, ...range }]);
  });
  await apply(qc, deletes);
}
