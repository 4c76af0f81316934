/**
 * SHOW TAG KEYS, as InfluxDB 1.6 runs it (`Store.TagKeys`): over every retention policy of the
 * database; a time condition only decides whether any shard is involved at all; the `_name` part
 * of the condition picks measurements and the tag part picks the series whose keys count.
 * LIMIT/OFFSET apply per measurement; SLIMIT/SOFFSET are accepted and ignored, as 1.6 does.
 */
import type { ShowTagKeysStatement } from "../../influxql/parser.ts";
import type { QueryContext } from "../query-context.ts";
import type { ResultSeries } from "../result.ts";
import { sortBytes } from "../byte-order.ts";
import { sourcesCondition, tagCondition, withKeyCondition } from "./condition-rewrite.ts";
import { openIndex, tagKeysOf } from "./index-view.ts";
import { measurementNames } from "./measurement-filter.ts";
import type { MetaResult } from "./meta-result.ts";
import { page } from "./paging.ts";
import { readTarget } from "./read-target.ts";
import { matchSeries } from "./series-match.ts";
import { isBounded } from "./shard-groups.ts";
import { tagKeysSelected } from "./tag-key-filter.ts";
import { splitTimeCondition } from "./time-condition.ts";

export async function showTagKeys(s: ShowTagKeysStatement, qc: QueryContext): Promise<MetaResult> {
  const cond = sourcesCondition(s.sources, s.condition);
  const { policies } = await readTarget(qc, s.database);
  const split = splitTimeCondition(cond, qc.nowNs);
  const index = openIndex(qc, policies);
  if (isBounded(split) && !index.hasShardIn(split)) return {};
  const filter = tagCondition(split.condition);
  const keyFilter = s.withKey === null ? null : withKeyCondition(s.withKey);
  const series: ResultSeries[] = [];
  for (const name of measurementNames(index, split.condition)) {
    const all = index.series(name);
    let keys = sortBytes(tagKeysOf(all));
    if (filter !== null) {
      const present = new Set<string>();
      for (const one of all) {
        if (matchSeries(filter, one) === false) continue;
        for (let i = 0; i < one.tags.length; i += 2) present.add(one.tags[i]);
      }
      keys = keys.filter((k) => present.has(k));
    }
    if (keyFilter !== null) {
      const selected = tagKeysSelected(keyFilter, keys) ?? new Set(keys);
      keys = keys.filter((k) => selected.has(k));
    }
    const values = page(keys, s.offset, s.limit).map((k) => [k]);
    if (values.length > 0) series.push({ name, columns: ["tagKey"], values });
  }
  return series.length === 0 ? {} : { series };
}
