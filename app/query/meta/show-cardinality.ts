/**
 * The SHOW ... CARDINALITY family, in InfluxDB 1.6's two shapes:
 * - SERIES / MEASUREMENT CARDINALITY with nothing but ON: the database-wide estimate (all
 *   retention policies), one unnamed series `cardinality estimation`. strata's count is exact.
 * - everything else is a `SELECT count(...)` over FROM (all measurements without one): one series
 *   per measurement (per GROUP BY tag set) with column `count` — unnamed and counted across
 *   measurements for MEASUREMENT CARDINALITY; a group with nothing to count has no row.
 */
import type {
  Expr,
  ShowFieldKeyCardinalityStatement,
  ShowMeasurementCardinalityStatement,
  ShowSeriesCardinalityStatement,
  ShowTagKeyCardinalityStatement,
  ShowTagValuesCardinalityStatement,
} from "../../influxql/parser.ts";
import type { QueryContext } from "../query-context.ts";
import type { ResultSeries } from "../result.ts";
import { goRegExp } from "../regex.ts";
import { readablePolicies, visibleDatabase } from "./access.ts";
import { compareBytes, sortBytes } from "../byte-order.ts";
import { Catalog } from "./catalog.ts";
import { andConditions, keepComparisons, withKeyCondition } from "./condition-rewrite.ts";
import { openIndex, tagKeysOf, type BucketIndex, type LiveSeries } from "./index-view.ts";
import type { MetaResult } from "./meta-result.ts";
import * as errors from "./meta-errors.ts";
import { page } from "./paging.ts";
import { resolveSources } from "./select-sources.ts";
import { matchSeries, tagValue } from "./series-match.ts";
import { isBounded } from "./shard-groups.ts";
import { tagKeysSelected } from "./tag-key-filter.ts";
import { hasTimeExpr, splitTimeCondition } from "./time-condition.ts";

type CardinalityStatement =
  | ShowSeriesCardinalityStatement
  | ShowMeasurementCardinalityStatement
  | ShowTagKeyCardinalityStatement
  | ShowFieldKeyCardinalityStatement
  | ShowTagValuesCardinalityStatement;

/** The statement names InfluxDB's "doesn't support time" errors use. */
const TIME_ERRORS: Partial<Record<CardinalityStatement["kind"], string>> = {
  "show-series-cardinality": "SHOW SERIES EXACT CARDINALITY",
  "show-measurement-cardinality": "SHOW MEASUREMENT EXACT CARDINALITY",
  "show-tag-key-cardinality": "SHOW TAG KEY EXACT CARDINALITY",
  "show-field-key-cardinality": "SHOW FIELD KEY CARDINALITY",
};

/** SERIES or MEASUREMENT CARDINALITY with nothing but ON: the form 1.6 answers from its sketches. */
export function isCardinalityEstimate(s: CardinalityStatement): boolean {
  return (
    (s.kind === "show-series-cardinality" || s.kind === "show-measurement-cardinality") &&
    !s.exact && s.sources.length === 0 && s.condition === null && s.dimensions.length === 0 && s.limit === 0 && s.offset === 0
  );
}

export async function showCardinality(s: CardinalityStatement, qc: QueryContext): Promise<MetaResult> {
  if (isCardinalityEstimate(s)) return estimate(s as ShowSeriesCardinalityStatement | ShowMeasurementCardinalityStatement, qc);
  const timeError = TIME_ERRORS[s.kind];
  if (timeError !== undefined && hasTimeExpr(s.condition)) throw errors.timeNotSupported(timeError);
  const sources = await resolveSources(qc, s.sources, s.database);
  const cond = s.kind === "show-tag-values-cardinality" ? andConditions(s.condition, withKeyCondition(s.withKey)) : s.condition;
  const split = splitTimeCondition(cond, qc.nowNs);
  const filter = keepComparisons(split.condition, (name) => name !== "_tagKey");
  const unnamed = s.kind === "show-measurement-cardinality";
  const groups = new Map<string, { name: string; tags: [string, string][]; counted: Set<string> }>();
  for (const { index, names } of sources) {
    const bucket = index.parts[0];
    for (const name of names) {
      const all = bucket.series(name);
      const dims = dimensionKeys(s.dimensions, all);
      const matched = all.filter((one) => matchSeries(filter, one) !== false && (!isBounded(split) || bucket.inShards(one, split)));
      const selectedKeys = s.kind === "show-tag-values-cardinality" ? tagKeysSelected(split.condition, sortBytes(tagKeysOf(all))) : null;
      for (const one of matched) {
        const tags = dims.map((k): [string, string] => [k, tagValue(one.tags, k)]);
        const id = `${unnamed ? "" : name}\u0000${tags.map(([k, v]) => `${k}\u0000${v}`).join("\u0000")}`;
        let group = groups.get(id);
        if (group === undefined) groups.set(id, (group = { name: unnamed ? "" : name, tags, counted: new Set() }));
        for (const item of countedItems(s.kind, one, bucket, selectedKeys)) group.counted.add(item);
      }
    }
  }
  const series: ResultSeries[] = [];
  const ordered = [...groups.values()].sort((a, b) => compareBytes(a.name, b.name) || compareBytes(tagText(a.tags), tagText(b.tags)));
  for (const g of ordered) {
    if (g.counted.size === 0) continue;
    const values = page([[BigInt(g.counted.size)]], s.offset, s.limit);
    if (values.length === 0) continue;
    const one: ResultSeries = { columns: ["count"], values };
    if (g.name !== "") one.name = g.name;
    if (g.tags.length > 0) one.tags = Object.fromEntries(g.tags);
    series.push(one);
  }
  return series.length === 0 ? {} : { series };
}

const tagText = (tags: [string, string][]) => [...tags].sort((a, b) => compareBytes(a[0], b[0])).map(([k, v]) => `${k}=${v}`).join(",");

/** What one series adds to its group's distinct set. */
function countedItems(kind: CardinalityStatement["kind"], one: LiveSeries, bucket: BucketIndex, selectedKeys: Set<string> | null): string[] {
  switch (kind) {
    case "show-series-cardinality":
      return [one.key];
    case "show-measurement-cardinality":
      return [one.measurement];
    case "show-tag-key-cardinality":
      return one.tags.filter((_, i) => i % 2 === 0);
    case "show-field-key-cardinality":
      return bucket.fields(one.measurement).map(([field]) => field);
    case "show-tag-values-cardinality": {
      const values: string[] = [];
      for (let i = 0; i < one.tags.length; i += 2) if (selectedKeys?.has(one.tags[i])) values.push(one.tags[i + 1]);
      return values;
    }
  }
}

/** GROUP BY tags: names, `*` (every tag key of the measurement) or regexes over tag keys. */
function dimensionKeys(dimensions: readonly Expr[], series: readonly LiveSeries[]): string[] {
  if (dimensions.length === 0) return [];
  const measurementKeys = sortBytes(tagKeysOf(series));
  const keys: string[] = [];
  for (const d of dimensions) {
    if (d.kind === "varref") keys.push(d.name);
    else if (d.kind === "wildcard") keys.push(...measurementKeys);
    else if (d.kind === "regex") keys.push(...measurementKeys.filter((k) => goRegExp(d.pattern).test(k)));
    else throw errors.notSupported("GROUP BY other than tags in SHOW ... CARDINALITY");
  }
  return [...new Set(keys)];
}

async function estimate(s: ShowSeriesCardinalityStatement | ShowMeasurementCardinalityStatement, qc: QueryContext): Promise<MetaResult> {
  const name = s.database || qc.db;
  if (name === "") throw errors.databaseNameRequired();
  const db = visibleDatabase(qc, await Catalog.load(qc), name);
  let n = 0;
  if (db !== undefined) {
    const index = openIndex(qc, readablePolicies(qc, db.retentionPolicies));
    const measurements = index.measurements();
    n = s.kind === "show-measurement-cardinality" ? measurements.length : measurements.reduce((sum, m) => sum + index.series(m).length, 0);
  }
  return { series: [{ columns: ["cardinality estimation"], values: [[BigInt(n)]] }] };
}
