import type { SeriesDef } from "./point-batch.ts";

/**
 * A delete: every point of the matching series with a time in [start, end] (inclusive both ends, as
 * InfluxDB's delete API) that was written before `seq`. Data written after the delete survives it.
 */
export interface Tombstone {
  seq: number;
  /** Undefined matches every measurement. */
  measurement?: string;
  /** Tag equalities that must all hold: [k0, v0, k1, v1, ...]. */
  tagEquals: string[];
  /**
   * When set, only these series (canonical keys) match: how predicates beyond tag equality (regex,
   * OR, !=) are recorded, after the caller resolved them against the series index.
   */
  seriesKeys?: string[];
  startMs: number;
  startNs: number;
  endMs: number;
  endNs: number;
}

export function tombstoneMatchesSeries(t: Tombstone, series: SeriesDef): boolean {
  if (t.measurement !== undefined && t.measurement !== series.measurement) return false;
  if (t.seriesKeys !== undefined && !seriesKeySet(t).has(series.key)) return false;
  for (let i = 0; i < t.tagEquals.length; i += 2) {
    if (tagValue(series.tags, t.tagEquals[i]) !== t.tagEquals[i + 1]) return false;
  }
  return true;
}

const keySets = new WeakMap<Tombstone, Set<string>>();

function seriesKeySet(t: Tombstone): Set<string> {
  let set = keySets.get(t);
  if (set === undefined) keySets.set(t, (set = new Set(t.seriesKeys)));
  return set;
}

/** A missing tag compares as the empty string, as InfluxDB's predicates treat it. */
function tagValue(tags: string[], key: string): string {
  for (let i = 0; i < tags.length; i += 2) if (tags[i] === key) return tags[i + 1];
  return "";
}

/** Beyond every representable time in ms: a range reaching past both covers all time. */
const ALL_TIME_MS = 9.2e15;

/** The tombstone removes a whole measurement (DROP MEASUREMENT): every series, all time. */
export function dropsMeasurement(t: Tombstone): t is Tombstone & { measurement: string } {
  return t.measurement !== undefined && t.tagEquals.length === 0 && t.seriesKeys === undefined && t.startMs <= -ALL_TIME_MS && t.endMs >= ALL_TIME_MS;
}
