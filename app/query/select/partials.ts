/**
 * Per-series, per-window partial aggregates for count, sum, mean, min, max, first and last: what
 * InfluxDB's storage layer computes for each series before the query layer combines series. The
 * fast path works on whole chunks: block statistics when a stored block lies inside one window
 * (and using them is exact), otherwise tight loops over the decoded typed arrays, walking points
 * in query order because a float sum depends on it. Points that need a filter, auxiliary fields
 * or a cast come one by one from a SeriesIterator instead.
 */
import { type ColumnData, emptyColumnData } from "../../../storage/tsdb/column-data.ts";
import { FieldType } from "../../../storage/tsdb/point-batch.ts";
import type { ColumnChunk } from "../../../storage/tsdb/scan.ts";
import { DEFAULT_BLOCK_POINTS } from "../../../storage/tsdb/segment/segment-format.ts";
import { int64At, numberAt, valueAt } from "./column-cursor.ts";
import type { SeriesIterator } from "./series-iterator.ts";
import type { WindowPlan } from "./window.ts";
import type { Value } from "./value.ts";

export type PartialFn = "count" | "sum" | "mean" | "min" | "max" | "first" | "last";

export interface Partial {
  /** Start of the GROUP BY window. */
  window: bigint;
  count: number;
  /** Sum of a float column, in query order. */
  fsum: number;
  /** Sum of an integer column, wrapping at 64 bits. */
  isum: bigint;
  /** The selected point of min/max/first/last (null until one is seen). */
  value: Value;
  base: number;
  offset: number;
  aux: (Value | undefined)[] | null;
  has: boolean;
}

function newPartial(window: bigint): Partial {
  return { window, count: 0, fsum: 0, isum: 0n, value: null, base: 0, offset: 0, aux: null, has: false };
}

const SAFE_HI = 0x200000;

/** Go's selector comparisons: whether candidate (v, t) replaces the current selection. */
function replaces(fn: PartialFn, p: Partial, v: Value, base: number, offset: number): boolean {
  if (!p.has) return true;
  const dt = base !== p.base ? base - p.base : offset - p.offset;
  switch (fn) {
    case "first":
      return dt < 0 || (dt === 0 && greater(v, p.value));
    case "last":
      return dt > 0 || (dt === 0 && greater(v, p.value));
    case "min":
      return greater(p.value, v) || (equal(v, p.value) && dt < 0);
    case "max":
      return greater(v, p.value) || (equal(v, p.value) && dt < 0);
    default:
      return false;
  }
}

function greater(a: Value, b: Value): boolean {
  if (typeof a === "boolean") return a && !b;
  return (a as number | bigint | string) > (b as number | bigint | string);
}

function equal(a: Value, b: Value): boolean {
  return a === b;
}

/** Adds one point to a partial (the per-point path). */
export function addPoint(fn: PartialFn, p: Partial, v: Value, base: number, offset: number, aux: (Value | undefined)[] | null): void {
  switch (fn) {
    case "count":
      p.count++;
      return;
    case "sum":
    case "mean":
      p.count++;
      if (typeof v === "bigint") p.isum = BigInt.asIntN(64, p.isum + v);
      else p.fsum += v as number;
      return;
    default:
      if (replaces(fn, p, v, base, offset)) {
        p.value = v;
        p.base = base;
        p.offset = offset;
        p.aux = aux === null ? null : aux.slice();
        p.has = true;
      }
  }
}

/** Partials of one series from a point iterator (filters, aux fields, casts). */
export function iteratorPartials(it: SeriesIterator, fn: PartialFn, plan: WindowPlan, budget: number): Partial[] {
  const out: Partial[] = [];
  let cur: Partial | undefined;
  while (it.next()) {
    const c = plan.cuts(it.base);
    const w = c.start(c.index(it.offset));
    if (cur === undefined || cur.window !== w) {
      if (out.length === budget && budget > 0) break;
      out.push((cur = newPartial(w)));
    }
    addPoint(fn, cur, it.value, it.base, it.offset, it.aux);
  }
  return out;
}

/** Whether block statistics give this partial exactly for a chunk inside one window. */
function statsUsable(fn: PartialFn, chunk: ColumnChunk, type: FieldType, needTime: boolean, alone: boolean, ascending: boolean): boolean {
  if (fn === "count") return true;
  if (chunk.stats === undefined || type === FieldType.String) return false;
  switch (fn) {
    case "first":
    case "last":
      return true;
    case "min":
    case "max":
      return !needTime;
    default:
      // A float sum must add in query order, which the block's sum did only if it is all the window has.
      return type !== FieldType.Float || (alone && ascending) || chunk.count === 1;
  }
}

function statValue(type: FieldType, v: number): Value {
  if (type === FieldType.Integer || type === FieldType.Unsigned) return BigInt(v);
  if (type === FieldType.Boolean) return v !== 0;
  return v;
}

let decodeScratch: ColumnData | undefined;

/**
 * Where chunkPartials has stored blocks decoded: each chunk is reduced before the next is read,
 * and nothing is kept of it, so one buffer serves every statement instead of an allocation per
 * block (sized for the engine's blocks, so a cut chunk's whole block fits).
 */
function scratchFor(n: number): ColumnData {
  if (decodeScratch === undefined || decodeScratch.times.length < n) decodeScratch = emptyColumnData(FieldType.Float, 0, Math.max(n, DEFAULT_BLOCK_POINTS), false);
  return decodeScratch;
}

/**
 * Partials of one series from its chunks (ascending). `needTime`: min/max must report the time of
 * the selected point, which block statistics do not record. `budget` (0 for all): the number of
 * windows wanted, in query order.
 */
export function chunkPartials(chunks: ColumnChunk[], fn: PartialFn, type: FieldType, plan: WindowPlan, ascending: boolean, needTime: boolean, budget: number): Partial[] {
  const out: Partial[] = [];
  let cur: Partial | undefined;
  const partialFor = (w: bigint) => {
    if (cur === undefined || cur.window !== w) out.push((cur = newPartial(w)));
    return cur;
  };
  const n = chunks.length;
  // Window of each chunk when it lies in a single one (else undefined), to know whether a chunk is alone in its window.
  const single: (bigint | undefined)[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const ch = chunks[k];
    const c = plan.cuts(ch.baseMs);
    const j0 = c.index(ch.minTime);
    single[k] = j0 === c.index(ch.maxTime) ? c.start(j0) : undefined;
  }
  for (let step = 0; step < n; step++) {
    const k = ascending ? step : n - 1 - step;
    const ch = chunks[k];
    const w = single[k];
    if (w !== undefined) {
      const alone = (k === 0 || chunkTouches(chunks[k - 1], plan) !== w) && (k === n - 1 || chunkStart(chunks[k + 1], plan) !== w);
      if (statsUsable(fn, ch, type, needTime, alone, ascending)) {
        applyStats(fn, partialFor(w), ch, type);
        continue;
      }
    }
    decodeInto(fn, ch.read(scratchFor(ch.count)), plan, ascending, partialFor);
    // Once a window past the budget has begun, the budgeted ones are complete.
    if (budget > 0 && out.length > budget) {
      out.length = budget;
      break;
    }
  }
  return out;
}

/** The window of a chunk's last point / first point. */
function chunkTouches(ch: ColumnChunk, plan: WindowPlan): bigint {
  const c = plan.cuts(ch.baseMs);
  return c.start(c.index(ch.maxTime));
}

function chunkStart(ch: ColumnChunk, plan: WindowPlan): bigint {
  const c = plan.cuts(ch.baseMs);
  return c.start(c.index(ch.minTime));
}

function applyStats(fn: PartialFn, p: Partial, ch: ColumnChunk, type: FieldType): void {
  const s = ch.stats;
  switch (fn) {
    case "count":
      p.count += ch.count;
      return;
    case "sum":
    case "mean":
      p.count += ch.count;
      if (type === FieldType.Float) p.fsum += s!.sum;
      else p.isum = BigInt.asIntN(64, p.isum + BigInt(s!.sum));
      return;
    case "first":
      if (replaces("first", p, statValue(type, s!.first), ch.baseMs, ch.minTime)) setSel(p, statValue(type, s!.first), ch.baseMs, ch.minTime);
      return;
    case "last":
      if (replaces("last", p, statValue(type, s!.last), ch.baseMs, ch.maxTime)) setSel(p, statValue(type, s!.last), ch.baseMs, ch.maxTime);
      return;
    case "min":
    case "max": {
      const v = statValue(type, fn === "min" ? s!.min : s!.max);
      // The time is not known (and not needed); the chunk's start keeps ties ordered.
      if (replaces(fn, p, v, ch.baseMs, ch.minTime)) setSel(p, v, ch.baseMs, ch.minTime);
      return;
    }
  }
}

function setSel(p: Partial, v: Value, base: number, offset: number): void {
  p.value = v;
  p.base = base;
  p.offset = offset;
  p.has = true;
}

/**
 * The partials of one decoded chunk, window by window in query order: each window's range of
 * points starts where the previous one ended and is found by galloping from there (a window
 * usually holds a few points; a binary search over the block per window cost more than reducing).
 */
function decodeInto(fn: PartialFn, d: ColumnData, plan: WindowPlan, ascending: boolean, partialFor: (w: bigint) => Partial): void {
  const c = plan.cuts(d.baseMs);
  const times = d.times;
  const n = d.n;
  if (ascending) {
    const last = c.index(times[n - 1]);
    for (let from = 0; from < n; ) {
      const j = c.index(times[from]);
      const to = j === last ? n : gallopForward(times, from + 1, n, c.cut(j + 1));
      reduceRange(fn, partialFor(c.start(j)), d, from, to, true);
      from = to;
    }
    return;
  }
  const first = c.index(times[0]);
  for (let to = n; to > 0; ) {
    const j = c.index(times[to - 1]);
    const from = j === first ? 0 : gallopBackward(times, 0, to - 1, c.cut(j));
    reduceRange(fn, partialFor(c.start(j)), d, from, to, false);
    to = from;
  }
}

/** The first index in [lo, hi) whose time is at or after `t` (hi when none), searched outwards from lo. */
function gallopForward(times: Float64Array, lo: number, hi: number, t: number): number {
  if (lo >= hi || times[lo] >= t) return lo;
  let below = lo;
  let step = 1;
  let probe = lo + 1;
  while (probe < hi && times[probe] < t) {
    below = probe;
    step *= 2;
    probe = below + step;
  }
  let a = below + 1;
  let b = Math.min(probe, hi);
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (times[mid] < t) a = mid + 1;
    else b = mid;
  }
  return a;
}

/** The first index in [lo, hi] from which every time before hi is at or after `t`, searched inwards from hi. */
function gallopBackward(times: Float64Array, lo: number, hi: number, t: number): number {
  if (hi <= lo || times[hi - 1] < t) return hi;
  let atOrAfter = hi - 1;
  let step = 1;
  let probe = atOrAfter - 1;
  while (probe >= lo && times[probe] >= t) {
    atOrAfter = probe;
    step *= 2;
    probe = atOrAfter - step;
  }
  let a = Math.max(probe + 1, lo);
  let b = atOrAfter;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (times[mid] < t) a = mid + 1;
    else b = mid;
  }
  return a;
}

function reduceRange(fn: PartialFn, p: Partial, d: ColumnData, from: number, to: number, ascending: boolean): void {
  const base = d.baseMs;
  switch (fn) {
    case "count":
      p.count += to - from;
      return;
    case "sum":
    case "mean":
      p.count += to - from;
      if (d.type === FieldType.Float) {
        const v = d.values;
        let s = p.fsum;
        if (ascending) for (let i = from; i < to; i++) s += v[i];
        else for (let i = to - 1; i >= from; i--) s += v[i];
        p.fsum = s;
      } else p.isum = sumInt(d, from, to, p.isum);
      return;
    case "first":
    case "last": {
      const i = fn === "first" ? from : to - 1;
      const v = valueAt(d, i);
      if (replaces(fn, p, v, base, d.times[i])) setSel(p, v, base, d.times[i]);
      return;
    }
    case "min":
    case "max": {
      const i = extremeIndex(fn === "max", d, from, to, ascending);
      const v = valueAt(d, i);
      if (replaces(fn, p, v, base, d.times[i])) setSel(p, v, base, d.times[i]);
      return;
    }
  }
}

/** Integer sum with int64 wrap-around: doubles while that is exact, BigInt otherwise. */
function sumInt(d: ColumnData, from: number, to: number, acc: bigint): bigint {
  const w = d.words;
  let s = 0;
  let abs = 0;
  let safe = true;
  for (let i = from; i < to; i++) {
    const hi = w[2 * i + 1];
    if (hi < -SAFE_HI || hi >= SAFE_HI) {
      safe = false;
      break;
    }
    const v = numberAt(d, i);
    s += v;
    abs += Math.abs(v);
  }
  if (safe && abs < 2 ** 53) return BigInt.asIntN(64, acc + BigInt(s));
  let b = acc;
  for (let i = from; i < to; i++) b = BigInt.asIntN(64, b + int64At(d, i));
  return b;
}

/**
 * Index of the min or max of [from, to) with Go's tie rule (the earliest point wins): strict
 * comparison walking forwards, non-strict walking backwards.
 */
function extremeIndex(max: boolean, d: ColumnData, from: number, to: number, ascending: boolean): number {
  const integral = d.type === FieldType.Integer || d.type === FieldType.Unsigned;
  if (integral) {
    let exact = true;
    for (let i = from; i < to && exact; i++) {
      const hi = d.words[2 * i + 1];
      exact = hi >= -SAFE_HI && hi < SAFE_HI;
    }
    if (!exact) {
      let best = ascending ? from : to - 1;
      let bv = int64At(d, best);
      for (let step = 1; step < to - from; step++) {
        const i = ascending ? from + step : to - 1 - step;
        const v = int64At(d, i);
        if (max ? v > bv || (!ascending && v === bv) : v < bv || (!ascending && v === bv)) {
          best = i;
          bv = v;
        }
      }
      return best;
    }
  }
  let best = ascending ? from : to - 1;
  let bv = numberAt(d, best);
  if (ascending) {
    for (let i = from + 1; i < to; i++) {
      const v = numberAt(d, i);
      if (max ? v > bv : v < bv) {
        best = i;
        bv = v;
      }
    }
  } else {
    for (let i = to - 2; i >= from; i--) {
      const v = numberAt(d, i);
      if (max ? v >= bv : v <= bv) {
        best = i;
        bv = v;
      }
    }
  }
  return best;
}
