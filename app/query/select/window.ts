/**
 * GROUP BY time() windows exactly as InfluxDB 1.x computes them (`IteratorOptions.Window`):
 * aligned to the epoch plus the offset, in the tz() zone's wall time, with its daylight-saving
 * adjustments. Times are int64 nanoseconds (bigint); this runs per window, never per point.
 */
import { zoneOffsetSeconds } from "../encode/zone-offset.ts";
import { StatementError } from "../statement-error.ts";
import { MAX_TIME, MIN_TIME } from "./condition.ts";

export interface WindowOptions {
  /** 0 when there is no GROUP BY time(). */
  duration: bigint;
  offset: bigint;
  tz: string | null;
  startTime: bigint;
  endTime: bigint;
}

const NS = 1_000_000_000n;

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && a < 0n) !== b < 0n ? q - 1n : q;
}

/** Zone offset in ns at time t (Go's `opt.Zone`). */
export function zoneAt(tz: string | null, t: bigint): bigint {
  if (tz === null) return 0n;
  return BigInt(zoneOffsetSeconds(tz, Number(floorDiv(t, NS)))) * NS;
}

const abs = (v: bigint) => (v < 0n ? -v : v);

const i64 = (v: bigint) => BigInt.asIntN(64, v);

/**
 * [start, end) of the window holding t. Arithmetic wraps at 64 bits as Go's does: with an offset
 * and no lower time bound InfluxDB's first window lands far in the future, so fill() adds nothing
 * before the first point.
 */
export function windowOf(opt: WindowOptions, t: bigint): [bigint, bigint] {
  const dur = opt.duration;
  if (dur === 0n) return [opt.startTime, opt.endTime + 1n];
  if (opt.tz === null) return utcWindowOf(dur, opt.offset, t);
  t = i64(t - opt.offset);
  const zone = zoneAt(opt.tz, t);
  let dt = i64(t + zone) % dur;
  if (dt < 0n) dt += dur;
  let start = MIN_TIME + dt >= t ? MIN_TIME : t - dt;
  if (opt.tz !== null) {
    const o = zone - zoneAt(opt.tz, start);
    if (o !== 0n && abs(o) < dur) start = i64(start + o);
  }
  start = i64(start + opt.offset);
  const rest = dur - dt;
  let end = MAX_TIME - rest <= t ? MAX_TIME : t + rest;
  if (opt.tz !== null) {
    const endOffset = zoneAt(opt.tz, end);
    const o = zone - endOffset;
    if (o !== 0n && abs(o) < dur) {
      if (o > 0n) end = i64(end + o);
      else if (zoneAt(opt.tz, i64(end + o)) === endOffset) end = i64(end + o);
    }
  }
  end = i64(end + opt.offset);
  return [start, end];
}

/** Start of the UTC window of a positive `dur` without offset holding a time `t` ≥ 0 (what windowOf gives then). */
export function windowStartOf(dur: bigint, t: bigint): bigint {
  return t - (t % dur);
}

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/** windowOf without a zone, wrapping only when a value leaves int64 (asIntN on every step costs much more). */
function utcWindowOf(dur: bigint, offset: bigint, t: bigint): [bigint, bigint] {
  t -= offset;
  if (t < I64_MIN || t > I64_MAX) t = i64(t);
  let dt = t % dur;
  if (dt < 0n) dt += dur;
  let start = MIN_TIME + dt >= t ? MIN_TIME : t - dt;
  start += offset;
  if (start < I64_MIN || start > I64_MAX) start = i64(start);
  const rest = dur - dt;
  let end = MAX_TIME - rest <= t ? MAX_TIME : t + rest;
  end += offset;
  if (end < I64_MIN || end > I64_MAX) end = i64(end);
  return [start, end];
}

/** The GROUP BY windows that meet one storage window, addressed by offsets from its start. */
export interface WindowCuts {
  /** Index of the window holding `offset`. */
  index(offset: number): number;
  /** Offset where window j begins (may be negative or -Infinity for one that began earlier). */
  cut(j: number): number;
  /** Start of window j, ns since the epoch. */
  start(j: number): bigint;
}

/** Fixed windows without a time zone: window j of a storage window is arithmetic, however many there are. */
class UniformCuts implements WindowCuts {
  constructor(
    private readonly base: bigint,
    private readonly dur: number,
    /** How far into its window the storage window's start lies. */
    private readonly r0: number,
  ) {}
  index(offset: number): number {
    return Math.floor((this.r0 + offset) / this.dur);
  }
  cut(j: number): number {
    return j * this.dur - this.r0;
  }
  start(j: number): bigint {
    return this.base + BigInt(this.cut(j));
  }
}

/** Listed windows (time zones shift them; no GROUP BY time is one window). */
class ListedCuts implements WindowCuts {
  constructor(
    private readonly starts: bigint[],
    private readonly cuts: Float64Array,
  ) {}
  index(offset: number): number {
    const cuts = this.cuts;
    let lo = 0;
    let hi = cuts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (cuts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  cut(j: number): number {
    return j < this.cuts.length ? this.cuts[j] : Infinity;
  }
  start(j: number): bigint {
    return this.starts[j];
  }
}

/** Most windows listed for one storage window: past this, tz() windows are too small to list. */
const MAX_LISTED = 1_000_000;

/** Windows meeting [baseMs, baseMs + windowMs) within [lo, hi] (ns, inclusive). */
export function windowCuts(opt: WindowOptions, baseMs: number, windowMs: number, lo: bigint, hi: bigint): WindowCuts {
  const base = BigInt(baseMs) * 1_000_000n;
  const dur = opt.duration;
  if (opt.tz === null && dur > 0n && dur < 2n ** 52n) {
    const r0 = ((base - opt.offset) % dur + dur) % dur;
    return new UniformCuts(base, Number(dur), Number(r0));
  }
  const last = base + BigInt(windowMs) * 1_000_000n - 1n;
  let t = lo > base ? lo : base;
  const stop = hi < last ? hi : last;
  const starts: bigint[] = [];
  const cuts: number[] = [];
  while (t <= stop) {
    const [s, e] = windowOf(opt, t);
    starts.push(s);
    cuts.push(s <= base ? -Infinity : Number(s - base));
    if (starts.length > MAX_LISTED) throw new StatementError(`max-select-buckets limit exceeded: (${starts.length}/${MAX_LISTED})`);
    if (e <= t) break;
    t = e;
  }
  return new ListedCuts(starts, Float64Array.from(cuts));
}

/** Window cuts per storage window, computed once per statement. */
export class WindowPlan {
  private readonly cache = new Map<number, WindowCuts>();

  constructor(
    readonly opt: WindowOptions,
    private readonly windowMs: number,
    private readonly lo: bigint,
    private readonly hi: bigint,
  ) {}

  cuts(baseMs: number): WindowCuts {
    let c = this.cache.get(baseMs);
    if (c === undefined) {
      c = windowCuts(this.opt, baseMs, this.windowMs, this.lo, this.hi);
      this.cache.set(baseMs, c);
    }
    return c;
  }
}
