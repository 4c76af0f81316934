/**
 * A measurement's series ids in series-key order (Go's byte order), kept per series index until
 * the measurement gains a series: definitions are only ever appended, and sorting a thousand keys
 * per statement cost more than the rest of a small query or SHOW statement.
 */
import type { SeriesIndex } from "../../storage/tsdb/index/series-index.ts";
import { compareBytes } from "./byte-order.ts";

const orders = new WeakMap<SeriesIndex, Map<string, { count: number; ids: number[] }>>();

export function seriesInKeyOrder(index: SeriesIndex, measurement: string): readonly number[] {
  let byName = orders.get(index);
  if (byName === undefined) orders.set(index, (byName = new Map()));
  const ids = index.seriesOf(measurement);
  let cached = byName.get(measurement);
  if (cached === undefined || cached.count !== ids.length) {
    const defs = index.defs;
    cached = { count: ids.length, ids: [...ids].sort((a, b) => compareBytes(defs[a].key, defs[b].key)) };
    byName.set(measurement, cached);
  }
  return cached.ids;
}
