/**
 * SHOW SERIES: one unnamed series of line-protocol keys, measurement by measurement in byte order.
 * Like InfluxDB 1.6 it reads one retention policy per FROM entry; with a time condition a series
 * counts when it has points in a shard group overlapping the range (1.6 reads the shards' index).
 */
import type { ShowSeriesStatement } from "../../influxql/parser.ts";
import type { QueryContext } from "../query-context.ts";
import { compareBytes } from "../byte-order.ts";
import type { MetaResult } from "./meta-result.ts";
import { page } from "./paging.ts";
import { resolveSources } from "./select-sources.ts";
import { matchSeries } from "./series-match.ts";
import { isBounded } from "./shard-groups.ts";
import { splitTimeCondition } from "./time-condition.ts";

export async function showSeries(s: ShowSeriesStatement, qc: QueryContext): Promise<MetaResult> {
  const sources = await resolveSources(qc, s.sources, s.database);
  const split = splitTimeCondition(s.condition, qc.nowNs);
  const found = new Map<string, string>();
  for (const source of sources) {
    const bucket = source.index.parts[0];
    for (const name of source.names) {
      for (const one of bucket.series(name)) {
        if (found.has(one.key) || matchSeries(split.condition, one) === false) continue;
        if (isBounded(split) && !bucket.inShards(one, split)) continue;
        found.set(one.key, name);
      }
    }
  }
  const keys = [...found].sort((a, b) => compareBytes(a[1], b[1]) || compareBytes(a[0], b[0])).map(([key]) => [key]);
  const values = page(keys, s.offset, s.limit);
  return values.length === 0 ? {} : { series: [{ columns: ["key"], values }] };
}
