/**
 * What meta statements see of a bucket's series index: only *live* series, those with a point
 * left (a series whose points were all deleted or dropped is gone from InfluxDB's index too), and
 * a measurement exists while it has one. The live series of a bucket are kept between statements
 * until its store's `liveness` changes (a write of new series, a delete, a drop, a new segment).
 */
import type { Bucket } from "../../../storage/meta/schema.ts";
import type { BucketStore, TimeRange } from "../../../storage/tsdb/bucket-store.ts";
import { FIELD_TYPE_NAMES, type SeriesDef } from "../../../storage/tsdb/point-batch.ts";
import type { Piece } from "../../../storage/tsdb/scan.ts";
import type { QueryContext } from "../query-context.ts";
import { seriesInKeyOrder } from "../series-order.ts";
import { compareBytes, sortBytes } from "../byte-order.ts";
import type { RetentionPolicyInfo } from "./catalog.ts";
import type { MeasurementTags } from "./measurement-filter.ts";
import { durationsOf } from "./retention-policy-rules.ts";
import { shardGroupSpan } from "./shard-groups.ts";
import type { SeriesFacts } from "./series-match.ts";
import type { TimeBounds } from "./time-condition.ts";

export interface LiveSeries extends SeriesFacts {
  id: number;
  key: string;
}

const LIMIT_MS = 9.2e15;

/** Inclusive ns bounds in the engine's ms + ns form, clamped to what it can represent. */
export function nsToRange(min: bigint, max: bigint): TimeRange {
  const split = (ns: bigint): [number, number] => {
    let ms = ns / 1_000_000n;
    if (ns % 1_000_000n < 0n) ms -= 1n;
    const clamped = Math.max(-LIMIT_MS, Math.min(LIMIT_MS, Number(ms)));
    return clamped === Number(ms) ? [clamped, Number(ns - ms * 1_000_000n)] : [clamped, 0];
  };
  const [startMs, startNs] = split(min);
  const [endMs, endNs] = split(max);
  return { startMs, startNs, endMs, endNs };
}

function clip(a: TimeRange, b: TimeRange): TimeRange {
  const startFirst = a.startMs > b.startMs || (a.startMs === b.startMs && a.startNs >= b.startNs);
  const endFirst = a.endMs < b.endMs || (a.endMs === b.endMs && a.endNs <= b.endNs);
  return {
    startMs: startFirst ? a.startMs : b.startMs,
    startNs: startFirst ? a.startNs : b.startNs,
    endMs: endFirst ? a.endMs : b.endMs,
    endNs: endFirst ? a.endNs : b.endNs,
  };
}

/** Whether pieces certainly hold a visible point, certainly do not, or need decoding to tell. */
function piecesVerdict(pieces: readonly Piece[]): "points" | "none" | "unsure" {
  let unsure = false;
  for (const p of pieces) {
    if (p.count === 0) continue;
    const hits = p.deleted.filter(([a, b]) => b >= p.minTime && a <= p.maxTime);
    if (hits.length === 0) return "points";
    if (!hits.some(([a, b]) => a <= p.minTime && b >= p.maxTime)) unsure = true;
  }
  return unsure ? "unsure" : "none";
}

/** Each store's live series by measurement, as of its `liveness`. */
const liveOfStore = new WeakMap<BucketStore, { liveness: number; live: Map<string, LiveSeries[]> }>();

export class BucketIndex {
  private live: Map<string, LiveSeries[]> | undefined;
  private windowStarts: number[] | undefined;

  constructor(
    readonly bucket: Bucket,
    private readonly store: BucketStore | undefined,
    /** The bucket's shard group duration, ns. */
    readonly shardGroupNs: bigint,
  ) {}

  /** The store's live series as kept from an earlier statement, when nothing has changed them since. */
  private kept(store: BucketStore): Map<string, LiveSeries[]> | undefined {
    const known = liveOfStore.get(store);
    return known !== undefined && known.liveness === store.liveness ? known.live : undefined;
  }

  private liveByMeasurement(): Map<string, LiveSeries[]> {
    if (this.live !== undefined) return this.live;
    const store = this.store;
    if (store === undefined) return (this.live = new Map());
    const kept = this.kept(store);
    if (kept !== undefined) return (this.live = kept);
    const liveness = store.liveness;
    const liveIds: number[] = [];
    this.live = new Map();
    for (const m of sortBytes(store.index.measurements())) {
      const fields = store.registry.fieldsOf(m);
      const isField = (name: string) => fields.has(name);
      const series: LiveSeries[] = [];
      for (const id of seriesInKeyOrder(store.index, m)) {
        if (!this.hasPointIn(id, m)) continue;
        const def: SeriesDef = store.index.defs[id];
        series.push({ id, key: def.key, measurement: m, tags: def.tags, isField });
        liveIds.push(id);
      }
      if (series.length > 0) this.live.set(m, series);
    }
    liveOfStore.set(store, { liveness, live: this.live });
    store.recordLive(liveIds, liveness);
    return this.live;
  }

  /** Live measurements in byte order: one live series settles a measurement, so the rest are not looked at. */
  measurements(): string[] {
    const store = this.store;
    if (store === undefined) return [];
    const live = this.live ?? this.kept(store);
    if (live !== undefined) return [...live.keys()];
    return sortBytes(store.index.measurements()).filter((m) => store.index.seriesOf(m).some((id) => this.hasPointIn(id, m)));
  }

  /** Live series of a measurement in key order. */
  series(measurement: string): readonly LiveSeries[] {
    return this.liveByMeasurement().get(measurement) ?? [];
  }

  /** Field name → type name, in byte order. */
  fields(measurement: string): [string, string][] {
    const fields = this.store?.registry.fieldsOf(measurement) ?? new Map();
    return sortBytes(fields.keys()).map((name) => [name, FIELD_TYPE_NAMES[fields.get(name)!]]);
  }

  /** Whether the series has a point in a shard group overlapping `bounds`. */
  inShards(s: LiveSeries, bounds: TimeBounds): boolean {
    const span = shardGroupSpan(bounds, this.shardGroupNs);
    const range = nsToRange(span.min, span.max);
    return this.hasPointIn(s.id, s.measurement, range);
  }

  /** Whether any shard group of the bucket overlaps `bounds`. */
  hasShardIn(bounds: TimeBounds): boolean {
    for (const m of this.measurements()) if (this.series(m).some((s) => this.inShards(s, bounds))) return true;
    return false;
  }

  private readonly fieldLists = new Map<string, string[]>();

  private fieldNames(measurement: string): string[] {
    let list = this.fieldLists.get(measurement);
    if (list === undefined) this.fieldLists.set(measurement, (list = [...(this.store?.registry.fieldsOf(measurement).keys() ?? [])]));
    return list;
  }

  private windows(): number[] {
    return (this.windowStarts ??= this.store?.windows() ?? []);
  }

  /**
   * Whether the series has a visible point (in `range`), window by window, so that a live series
   * is usually settled by its first window. Without a range, stored blocks are judged by their
   * time span against the deletes that hit them, and decoded only when a delete covers part of one.
   */
  private hasPointIn(id: number, measurement: string, range?: TimeRange): boolean {
    const store = this.store;
    if (store === undefined) return false;
    const fields = this.fieldNames(measurement);
    for (const w of this.windows()) {
      const end = w + store.windowMs - 1;
      if (range !== undefined && (end < range.startMs || w > range.endMs)) continue;
      const window: TimeRange = { startMs: w, startNs: 0, endMs: end, endNs: 999_999 };
      for (const field of fields) {
        if (range !== undefined) {
          if (store.scanColumn(id, field, clip(window, range)).length > 0) return true;
          continue;
        }
        const present = store.hasPoint(w, id, field);
        if (present !== undefined) {
          if (present) return true;
          continue;
        }
        const verdict = piecesVerdict(store.pieces(w, id, field));
        if (verdict === "points" || (verdict === "unsure" && store.scanColumn(id, field, window).length > 0)) return true;
      }
    }
    return false;
  }
}

/**
 * Several buckets (the retention policies of a database) seen as one index, as InfluxDB 1.6's
 * in-memory index is shared by all shards of a database: a series in two of them is one series.
 */
export class DatabaseIndex {
  constructor(readonly parts: readonly BucketIndex[]) {}

  measurements(): string[] {
    return sortBytes(new Set(this.parts.flatMap((p) => p.measurements())));
  }

  series(measurement: string): readonly LiveSeries[] {
    if (this.parts.length === 1) return this.parts[0].series(measurement);
    const holders = this.parts.map((p) => p.series(measurement)[0]).filter((s) => s !== undefined);
    const isField = (name: string) => holders.some((s) => s.isField(name));
    const byKey = new Map<string, LiveSeries>();
    for (const p of this.parts) for (const s of p.series(measurement)) if (!byKey.has(s.key)) byKey.set(s.key, { ...s, isField });
    return [...byKey.values()].sort((a, b) => compareBytes(a.key, b.key));
  }

  /** Each measurement's tag values, gathered only for the measurements a condition asks about them. */
  measurementTags(): MeasurementTags[] {
    const series = (name: string) => this.series(name);
    return this.measurements().map((name) => {
      let tags: Map<string, Set<string>> | undefined;
      return {
        name,
        get tags() {
          return (tags ??= tagValuesOf(series(name)));
        },
      };
    });
  }

  hasShardIn(bounds: TimeBounds): boolean {
    return this.parts.some((p) => p.hasShardIn(bounds));
  }
}

/** Tag keys of series lists kept between statements (a bucket's live series of a measurement). */
const keysOfList = new WeakMap<readonly LiveSeries[], ReadonlySet<string>>();

/** The tag keys some series have. */
export function tagKeysOf(series: readonly LiveSeries[]): ReadonlySet<string> {
  let keys = keysOfList.get(series);
  if (keys !== undefined) return keys;
  const found = new Set<string>();
  for (const s of series) for (let i = 0; i < s.tags.length; i += 2) found.add(s.tags[i]);
  keysOfList.set(series, (keys = found));
  return keys;
}

/** Tag key → values over some series. */
export function tagValuesOf(series: readonly LiveSeries[]): Map<string, Set<string>> {
  const tags = new Map<string, Set<string>>();
  for (const s of series) {
    for (let i = 0; i < s.tags.length; i += 2) {
      let values = tags.get(s.tags[i]);
      if (values === undefined) tags.set(s.tags[i], (values = new Set()));
      values.add(s.tags[i + 1]);
    }
  }
  return tags;
}

/** The index of the given policies' buckets, as the caller's statement sees it now. */
export function openIndex(qc: QueryContext, rps: readonly RetentionPolicyInfo[]): DatabaseIndex {
  const buckets = new Map(rps.map((rp) => [rp.bucket.id, rp.bucket]));
  return new DatabaseIndex(
    [...buckets.values()].map((b) => new BucketIndex(b, qc.engine.bucketStore(b.id), durationsOf(b).shardGroupDuration)),
  );
}
