/**
 * A series' tags as InfluxDB's query engine identifies them: the subset for the GROUP BY keys,
 * with an id (keys then values, NUL-separated, keys sorted) that orders series in the output.
 */
import { compareBytes } from "../byte-order.ts";

export interface Tags {
  id: string;
  /** Key → value; a GROUP BY key the series lacks maps to "". */
  map: Record<string, string>;
}

export const NO_TAGS: Tags = { id: "", map: {} };

/** Tags of `pairs` ([k0, v0, k1, v1, ...] sorted by key) limited to `keys`. */
export function subsetTags(pairs: readonly string[], keys: readonly string[]): Tags {
  if (keys.length === 0) return NO_TAGS;
  const map: Record<string, string> = Object.create(null);
  for (const k of keys) map[k] = "";
  for (let i = 0; i < pairs.length; i += 2) if (Object.hasOwn(map, pairs[i])) map[pairs[i]] = pairs[i + 1];
  return makeTags(map);
}

export function makeTags(map: Record<string, string>): Tags {
  const keys = Object.keys(map).sort(compareBytes);
  if (keys.length === 0) return NO_TAGS;
  return { id: keys.join("\u0000") + "\u0000" + keys.map((k) => map[k]).join("\u0000"), map };
}

export function tagValue(pairs: readonly string[], key: string): string {
  for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === key) return pairs[i + 1];
  return "";
}

const subsets = new WeakMap<Tags, Map<string, Tags>>();

/** Go's `Tags.Subset` (memoized per tag set: every point of a series shares one Tags). */
export function tagsSubset(t: Tags, keys: readonly string[]): Tags {
  if (keys.length === 0) return NO_TAGS;
  const current = Object.keys(t.map);
  if (current.length === keys.length && keys.every((k) => Object.hasOwn(t.map, k))) return t;
  let memo = subsets.get(t);
  if (memo === undefined) subsets.set(t, (memo = new Map()));
  const memoKey = keys.join("\u0000");
  let out = memo.get(memoKey);
  if (out === undefined) {
    const map: Record<string, string> = Object.create(null);
    for (const k of keys) map[k] = Object.hasOwn(t.map, k) ? t.map[k] : "";
    out = makeTags(map);
    memo.set(memoKey, out);
  }
  return out;
}
