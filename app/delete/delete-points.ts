/**
 * Runs a delete (DECISIONS.md #14) on the storage engine: the points of the bucket's series that
 * match the predicate, in [start, stop] (inclusive, as InfluxDB's delete). A predicate of
 * AND-ed equalities becomes a tombstone by measurement and tags; any other (OR, !=) is resolved
 * against the bucket's series now and recorded as the list of series it matches.
 */
import type { Engine } from "../../storage/tsdb/engine.ts";
import type { Tombstone } from "../../storage/tsdb/tombstone.ts";
import { asEqualities, matchesSeries, type Predicate } from "./predicate.ts";
import { splitNanos } from "./rfc3339-nano.ts";

export async function deletePoints(engine: Engine, bucketId: string, startNs: bigint, stopNs: bigint, predicate: Predicate | undefined): Promise<void> {
  const start = splitNanos(startNs);
  const stop = splitNanos(stopNs);
  const range = { startMs: start.ms, startNs: start.ns, endMs: stop.ms, endNs: stop.ns };
  const tombstone = tombstoneFor(engine, bucketId, predicate);
  if (tombstone) await engine.delete(bucketId, { ...tombstone, ...range });
}

type Match = Pick<Tombstone, "measurement" | "tagEquals" | "seriesKeys">;

/** What the tombstone matches; undefined when nothing can match. */
function tombstoneFor(engine: Engine, bucketId: string, predicate: Predicate | undefined): Match | undefined {
  if (predicate === undefined) return { tagEquals: [] };
  const eq = asEqualities(predicate);
  if (eq) return eq.matchesNothing ? undefined : { measurement: eq.measurement, tagEquals: eq.tagEquals };
  const series = engine.bucketStore(bucketId)?.index.defs ?? [];
  const seriesKeys = series.filter((s) => matchesSeries(predicate, s.measurement, s.tags)).map((s) => s.key);
  return seriesKeys.length === 0 ? undefined : { tagEquals: [], seriesKeys };
}
