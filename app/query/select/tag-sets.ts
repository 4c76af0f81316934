/**
 * Series grouped by their GROUP BY tag values (InfluxDB's tag sets), in InfluxDB's order, with
 * SLIMIT/SOFFSET applied to them per measurement as 1.6.7 does (SOFFSET without SLIMIT keeps
 * nothing: 1.6.7's own quirk).
 */
import type { DataSource, SeriesInfo } from "./data-source.ts";
import type { QExpr } from "./expr.ts";
import { compareBytes } from "../byte-order.ts";
import { selectSeries } from "./series-filter.ts";
import { subsetTags, type Tags } from "./tags.ts";

export interface TagSetSeries {
  info: SeriesInfo;
  filter: QExpr | null;
}

export interface TagSet {
  tags: Tags;
  /** In series-key order, reversed when the query is descending. */
  series: TagSetSeries[];
}

/** Go's `tsdb.MakeTagsKey`: the grouping keys the series has, `|`-joined, then their values. */
function tagsKey(dims: readonly string[], pairs: readonly string[]): string {
  const keys: string[] = [];
  const values: string[] = [];
  for (const d of dims) {
    for (let i = 0; i < pairs.length; i += 2) {
      if (pairs[i] === d) {
        keys.push(d);
        values.push(pairs[i + 1]);
      }
    }
  }
  return keys.length === 0 ? "" : `${keys.join("|")}|${values.join("|")}`;
}

export interface TagSetOptions {
  dimensions: readonly string[];
  condition: QExpr | null;
  ascending: boolean;
  slimit: number;
  soffset: number;
}

export function tagSets(ds: DataSource, measurement: string, opt: TagSetOptions): TagSet[] {
  const list = ds.series(measurement);
  const { ids, filters } = selectSeries(ds, measurement, opt.condition);
  const dims = [...opt.dimensions].sort(compareBytes);
  const byKey = new Map<string, TagSet>();
  for (const i of ids) {
    const info = list[i];
    const key = tagsKey(dims, info.tags);
    let set = byKey.get(key);
    if (set === undefined) {
      set = { tags: subsetTags(info.tags, opt.dimensions), series: [] };
      byKey.set(key, set);
    }
    set.series.push({ info, filter: filters.get(i) ?? null });
  }
  const sets = [...byKey.entries()].sort((a, b) => compareBytes(a[0], b[0])).map((e) => e[1]);
  if (!opt.ascending) for (const s of sets) s.series.reverse();
  return limitTagSets(sets, opt.slimit, opt.soffset);
}

function limitTagSets<T>(a: T[], slimit: number, soffset: number): T[] {
  if (slimit === 0 && soffset === 0) return a;
  if (soffset > a.length) return [];
  if (soffset + slimit > a.length) slimit = a.length - soffset;
  return a.slice(soffset, soffset + slimit);
}
