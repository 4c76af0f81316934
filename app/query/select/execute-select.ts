/**
 * SELECT, end to end, in InfluxDB 1.6.7's order of checks: database and retention policy defaults
 * ("database name required", "database not found"), compilation (statement errors), binding the
 * sources to buckets ("retention policy not found"), typing and wildcard expansion, then the
 * iterators, rows and series.
 */
import { authorize } from "../../auth/permissions.ts";
import type { SelectStatement } from "../../influxql/parser.ts";
import type { Bucket } from "../../../storage/meta/schema.ts";
import type { QueryContext } from "../query-context.ts";
import type { ResultSeries, StatementResult } from "../result.ts";
import { StatementError } from "../statement-error.ts";
import { compile, type CompiledStatement } from "./compile.ts";
import { buildCursor } from "./cursor.ts";
import type { DataSource } from "./data-source.ts";
import type { IterOptions } from "./iter-options.ts";
import { rewriteFields } from "./rewrite-fields.ts";
import { windowAggregates } from "./window-aggregates.ts";
import { fromAstSelect, type SelectQ, type SourceQ } from "./select-statement.ts";
import { StorageSource } from "./storage-source.ts";
import { type BoundSource, evalTypeChecked } from "./type-eval.ts";

/** Where a FROM measurement's data lives, once its database and policy are settled. */
interface Placement {
  database: string;
  retentionPolicy: string;
  bucket: Bucket | undefined;
}

/** The bucket of database `db`, retention policy `rp` ("" for the default). */
function bucketFor(qc: QueryContext, db: string, rp: string): Promise<Bucket | undefined> {
  return rp === "" ? qc.buckets.database(qc.orgId, db, undefined) : qc.buckets.databasePolicy(qc.orgId, db, rp);
}

/** Go's `normalizeMeasurement` over every measurement, subqueries included. */
async function placeMeasurements(sources: SourceQ[], qc: QueryContext, out: Map<SourceQ, Placement>, known: Map<string, Promise<Bucket | undefined>>): Promise<void> {
  const lookup = (db: string, rp: string) => {
    const key = `${db}\u0000${rp}`;
    let p = known.get(key);
    if (p === undefined) known.set(key, (p = bucketFor(qc, db, rp)));
    return p;
  };
  for (const s of sources) {
    if (s.kind === "subquery") {
      await placeMeasurements(s.stmt.sources, qc, out, known);
      continue;
    }
    const database = s.database !== "" ? s.database : qc.db;
    if (database === "") throw new StatementError("database name required");
    if ((await lookup(database, "")) === undefined) throw new StatementError(`database not found: ${database}`);
    const retentionPolicy = s.retentionPolicy !== "" ? s.retentionPolicy : qc.rp;
    out.set(s, { database, retentionPolicy, bucket: await lookup(database, retentionPolicy) });
  }
}

function bindSources(sources: SourceQ[], placements: Map<SourceQ, Placement>, qc: QueryContext, stores: Map<string, DataSource | null>): BoundSource[] {
  return sources.map((s): BoundSource => {
    if (s.kind === "subquery") {
      const inner = bindSources(s.stmt.sources, placements, qc, stores);
      return { kind: "subquery", stmt: rewriteFields(s.stmt, inner), sources: inner, now: qc.nowNs };
    }
    const placed = placements.get(s)!;
    if (placed.bucket === undefined) throw new StatementError(`retention policy not found: ${placed.retentionPolicy}`);
    const bucket = placed.bucket;
    authorize(qc.principal, "read", "buckets", { orgId: bucket.orgId, id: bucket.id });
    let ds = stores.get(bucket.id);
    if (ds === undefined) {
      const store = qc.engine.bucketStore(bucket.id);
      ds = store === undefined ? null : new StorageSource(store);
      stores.set(bucket.id, ds);
    }
    const names = s.regex === null ? [s.name] : ds === null ? [] : ds.measurements().filter((m) => s.regex!.re.test(m));
    return { kind: "measurement", ds, names, regex: s.regex !== null };
  });
}

/** Go's `newIteratorOptionsStmt`, with the compiled time range. */
function iteratorOptions(stmt: SelectQ, c: CompiledStatement): IterOptions {
  const dims = stmt.dimensions.flatMap((d) => (d.kind === "varref" ? [d.name] : []));
  return {
    expr: null,
    aux: [],
    interval: c.interval.duration > 0n ? c.interval : { duration: 0n, offset: 0n },
    dimensions: dims,
    groupBy: [...new Set(dims)],
    tz: stmt.timeZone,
    fill: stmt.fill === "null" && stmt.hasTarget ? "none" : stmt.fill,
    fillValue: stmt.fillValue,
    condition: stmt.condition,
    startTime: c.timeRange.min,
    endTime: c.timeRange.max,
    ascending: stmt.ascending,
    limit: stmt.limit,
    offset: stmt.offset,
    slimit: stmt.slimit,
    soffset: stmt.soffset,
    ordered: true,
  };
}

/** A SELECT compiled, bound to its buckets and typed: what either way of running it starts from. */
export interface PreparedSelect {
  stmt: SelectQ;
  sources: BoundSource[];
  opt: IterOptions;
}

export async function prepareSelect(statement: SelectStatement, qc: QueryContext): Promise<PreparedSelect> {
  const stmt = fromAstSelect(statement);
  const placements = new Map<SourceQ, Placement>();
  await placeMeasurements(stmt.sources, qc, placements, new Map());
  const compiled = compile(stmt, qc.nowNs);
  const sources = bindSources(compiled.stmt.sources, placements, qc, new Map());
  const typed = rewriteFields(compiled.stmt, sources);
  for (const f of typed.fields) evalTypeChecked(f.expr, null);
  return { stmt: typed, sources, opt: iteratorOptions(typed, compiled) };
}

export async function executeSelect(statement: SelectStatement, qc: QueryContext): Promise<Omit<StatementResult, "statement_id">> {
  const { stmt, sources, opt } = await prepareSelect(statement, qc);
  const series = windowAggregates(stmt, sources, opt) ?? cursorSeries(stmt, sources, opt);
  return series.length === 0 ? {} : { series };
}

/** The general path: the cursor's rows, split into series by measurement and tags. */
export function cursorSeries(stmt: SelectQ, sources: BoundSource[], opt: IterOptions): ResultSeries[] {
  const { columns, rows } = buildCursor(stmt, sources, opt);
  const series: ResultSeries[] = [];
  let current: ResultSeries | undefined;
  let currentName = "";
  let currentTags = "";
  for (const row of rows) {
    if (current === undefined || row.name !== currentName || row.tags.id !== currentTags) {
      current = { name: row.name, columns, values: [] };
      if (row.tags.id !== "") current.tags = { ...row.tags.map };
      series.push(current);
      currentName = row.name;
      currentTags = row.tags.id;
    }
    current.values.push(row.values);
  }
  return series;
}
