/**
 * SHOW TAG VALUES, as InfluxDB 1.6 runs it (`Store.TagValues`): like SHOW TAG KEYS, with the
 * WITH KEY filter folded into the condition as `_tagKey` comparisons that select keys. Rows are
 * (key, value) in key then value order; LIMIT/OFFSET apply per measurement.
 */
import type { ShowTagValuesStatement } from "../../influxql/parser.ts";
import type { QueryContext } from "../query-context.ts";
import type { ResultSeries } from "../result.ts";
import { compareBytes, sortBytes } from "../byte-order.ts";
import { andConditions, sourcesCondition, tagCondition, withKeyCondition } from "./condition-rewrite.ts";
import { openIndex, tagKeysOf } from "./index-view.ts";
import { measurementNames } from "./measurement-filter.ts";
import type { MetaResult } from "./meta-result.ts";
import { page } from "./paging.ts";
import { readTarget } from "./read-target.ts";
import { matchSeries, tagValue } from "./series-match.ts";
import { isBounded } from "./shard-groups.ts";
import { tagKeysSelected } from "./tag-key-filter.ts";
import { splitTimeCondition } from "./time-condition.ts";

export async function showTagValues(s: ShowTagValuesStatement, qc: QueryContext): Promise<MetaResult> {
  const cond = sourcesCondition(s.sources, andConditions(s.condition, withKeyCondition(s.withKey)));
  const { policies } = await readTarget(qc, s.database);
  const split = splitTimeCondition(cond, qc.nowNs);
  const index = openIndex(qc, policies);
  if (isBounded(split) && !index.hasShardIn(split)) return {};
  const filter = tagCondition(split.condition);
  const series: ResultSeries[] = [];
  for (const name of measurementNames(index, split.condition)) {
    const all = index.series(name);
    const keys = tagKeysSelected(split.condition, sortBytes(tagKeysOf(all)));
    if (keys === null || keys.size === 0) continue;
    const rows: [string, string][] = [];
    const seen = new Map<string, Set<string>>([...keys].map((key) => [key, new Set<string>()]));
    for (const one of all) {
      if (matchSeries(filter, one) === false) continue;
      for (const [key, values] of seen) {
        const value = tagValue(one.tags, key);
        if (value === "" || values.has(value)) continue;
        values.add(value);
        rows.push([key, value]);
      }
    }
    rows.sort((a, b) => compareBytes(a[0], b[0]) || compareBytes(a[1], b[1]));
    const values = page(rows, s.offset, s.limit);
    if (values.length > 0) series.push({ name, columns: ["key", "value"], values });
  }
  return series.length === 0 ? {} : { series };
}
