/**
 * InfluxDB 1.6.7's reducers (`query/functions.go`, `call_iterator.go`): what each function does
 * with the points of one window of one series, with Go's tie-breaking, wrap-around and NaN rules.
 */
import { compareBytes } from "../byte-order.ts";
import { DT } from "./data-type.ts";
import { goSortArray } from "./go-sort.ts";
import type { IterOptions } from "./iter-options.ts";
import { type Point, ZERO_TIME } from "./point.ts";
import type { Reducer } from "./stream-ops.ts";
import { windowFor } from "./iter-options.ts";
import type { Value } from "./value.ts";

const i64 = (v: bigint) => BigInt.asIntN(64, v);

function out(time: bigint, value: Value, aux: Point["aux"] = null, aggregated = 0): Point {
  return { name: "", tags: { id: "", map: {} }, time, value, nil: false, aux, aggregated };
}

/** Go's `Less` of points by value: numbers and bigints numerically, strings by bytes, and the odd boolean rule (`!a`). */
function lessValue(a: Value, b: Value): boolean {
  if (typeof a === "string") return compareBytes(a, b as string) < 0;
  if (typeof a === "boolean") return !a;
  return (a as number | bigint) < (b as number | bigint);
}

/** Go's `floatPoints` order (time, then value) used by distinct() and sample(). */
function lessTimeValue(a: Point, b: Point): boolean {
  if (a.time !== b.time) return a.time < b.time;
  return lessValue(a.value, b.value);
}

const cloneAux = (aux: Point["aux"]) => (aux === null ? null : aux.slice());

export class CountReducer implements Reducer {
  private n = 0n;
  aggregate(): void {
    this.n++;
  }
  emit(): Point[] {
    return [out(ZERO_TIME, this.n)];
  }
}

export class SumReducer implements Reducer {
  private acc: Value = null;
  aggregate(p: Point): void {
    if (this.acc === null) this.acc = p.value;
    else if (typeof p.value === "bigint") this.acc = i64((this.acc as bigint) + p.value);
    else this.acc = (this.acc as number) + (p.value as number);
  }
  emit(): Point[] {
    return [out(ZERO_TIME, this.acc)];
  }
}

/** Mean of points or of partial means weighted by how many points each stands for (integers sum as int64). */
export class MeanReducer implements Reducer {
  private sum = 0;
  private isum = 0n;
  private integral = false;
  private count = 0;
  aggregate(p: Point): void {
    const weight = p.aggregated >= 2 ? p.aggregated : 1;
    if (typeof p.value === "bigint") {
      this.integral = true;
      this.isum = i64(this.isum + p.value * BigInt(weight));
    } else this.sum += weight === 1 ? (p.value as number) : (p.value as number) * weight;
    this.count += weight;
  }
  emit(): Point[] {
    return [out(ZERO_TIME, (this.integral ? Number(this.isum) : this.sum) / this.count, null, this.count)];
  }
}

type SelectorFn = "min" | "max" | "first" | "last";

/** min, max, first, last: keep the point their rule prefers, with its time and auxiliary values. */
export class SelectorReducer implements Reducer {
  private best: Point | null = null;
  constructor(private readonly fn: SelectorFn) {}
  aggregate(p: Point): void {
    const b = this.best;
    if (b === null || prefer(this.fn, p, b)) this.best = { ...p, aux: cloneAux(p.aux) };
  }
  emit(): Point[] {
    const b = this.best!;
    return [out(b.time, b.value, b.aux)];
  }
}

function greater(a: Value, b: Value): boolean {
  if (typeof a === "boolean") return a && !b;
  if (typeof a === "string") return compareBytes(a, b as string) > 0;
  return (a as number | bigint) > (b as number | bigint);
}

function prefer(fn: SelectorFn, c: Point, p: Point): boolean {
  switch (fn) {
    case "min":
      return greater(p.value, c.value) || (c.value === p.value && c.time < p.time);
    case "max":
      return greater(c.value, p.value) || (c.value === p.value && c.time < p.time);
    case "first":
      return c.time < p.time || (c.time === p.time && greater(c.value, p.value));
    case "last":
      return c.time > p.time || (c.time === p.time && greater(c.value, p.value));
  }
}

/** Reducers that need every point of the window. */
abstract class SliceReducer implements Reducer {
  protected points: Point[] = [];
  aggregate(p: Point): void {
    this.points.push(p);
  }
  abstract emit(): Point[];
}

export class MedianReducer extends SliceReducer {
  constructor(private readonly type: DT) {
    super();
  }
  emit(): Point[] {
    const a = this.points;
    if (a.length === 1) return [out(this.type === DT.Float ? a[0].time : ZERO_TIME, this.type === DT.Float ? a[0].value : Number(a[0].value))];
    goSortArray(a, (x, y) => lessValue(x.value, y.value));
    const mid = a.length >> 1;
    if (a.length % 2 === 0) {
      const lo = a[mid - 1].value;
      const hi = a[mid].value;
      if (typeof lo === "bigint") return [out(ZERO_TIME, Number(lo) + Number(i64((hi as bigint) - lo)) / 2)];
      return [out(ZERO_TIME, (lo as number) + ((hi as number) - (lo as number)) / 2)];
    }
    const v = a[mid].value;
    return [out(ZERO_TIME, typeof v === "bigint" ? Number(v) : v)];
  }
}

export class ModeReducer extends SliceReducer {
  constructor(private readonly type: DT) {
    super();
  }
  emit(): Point[] {
    const a = this.points;
    if (this.type === DT.Boolean) {
      let t = 0;
      let f = 0;
      for (const p of a) if (p.value) t++;
      else f++;
      return [out(ZERO_TIME, a.length === 1 ? a[0].value : t >= f)];
    }
    if (a.length === 1) return [out(a[0].time, a[0].value)];
    goSortArray(a, (x, y) => lessValue(x.value, y.value));
    let mostFreq = 0;
    let currFreq = 0;
    let currMode = a[0].value;
    let mostMode = a[0].value;
    let mostTime = a[0].time;
    let currTime = a[0].time;
    for (const p of a) {
      if (p.value !== currMode) {
        currFreq = 1;
        currMode = p.value;
        currTime = p.time;
        continue;
      }
      currFreq++;
      if (mostFreq > currFreq || (mostFreq === currFreq && currTime > mostTime)) continue;
      mostFreq = currFreq;
      mostMode = p.value;
      mostTime = p.time;
    }
    return [out(ZERO_TIME, mostMode)];
  }
}

export class StddevReducer extends SliceReducer {
  emit(): Point[] {
    const a = this.points;
    if (a.length < 2) return [out(ZERO_TIME, NaN)];
    let mean = 0;
    let count = 0;
    for (const p of a) {
      const v = Number(p.value);
      if (Number.isNaN(v)) continue;
      count++;
      mean += (v - mean) / count;
    }
    let variance = 0;
    for (const p of a) {
      const v = Number(p.value);
      if (Number.isNaN(v)) continue;
      variance += (v - mean) ** 2;
    }
    return [out(ZERO_TIME, Math.sqrt(variance / (count - 1)))];
  }
}

export class SpreadReducer implements Reducer {
  private min: Value = null;
  private max: Value = null;
  private count = 0;
  aggregate(p: Point): void {
    const v = p.value;
    if (typeof v === "number") {
      this.min = this.min === null ? Math.min(Infinity, v) : Math.min(this.min as number, v);
      this.max = this.max === null ? Math.max(-Infinity, v) : Math.max(this.max as number, v);
    } else {
      if (this.min === null || (v as bigint) < (this.min as bigint)) this.min = v;
      if (this.max === null || (v as bigint) > (this.max as bigint)) this.max = v;
    }
    this.count++;
  }
  emit(): Point[] {
    const d = typeof this.max === "bigint" ? i64(this.max - (this.min as bigint)) : (this.max as number) - (this.min as number);
    return [out(ZERO_TIME, d, null, this.count)];
  }
}

export class PercentileReducer extends SliceReducer {
  constructor(private readonly percentile: number) {
    super();
  }
  emit(): Point[] {
    const a = this.points;
    const i = Math.trunc(Math.floor((a.length * this.percentile) / 100 + 0.5)) - 1;
    if (i < 0 || i >= a.length) return [];
    goSortArray(a, (x, y) => lessValue(x.value, y.value));
    return [out(a[i].time, a[i].value, cloneAux(a[i].aux))];
  }
}

export class DistinctReducer implements Reducer {
  private readonly seen = new Map<Value, Point>();
  aggregate(p: Point): void {
    if (!this.seen.has(p.value)) this.seen.set(p.value, p);
  }
  emit(): Point[] {
    const points = [...this.seen.values()].map((p) => out(p.time, p.value));
    goSortArray(points, lessTimeValue);
    return points;
  }
}

/** Reservoir sampling; deterministic when asked for at least as many points as there are. */
export class SampleReducer implements Reducer {
  private count = 0;
  private readonly points: Point[] = [];
  constructor(private readonly size: number) {}
  aggregate(p: Point): void {
    this.count++;
    if (this.count - 1 < this.size) {
      this.points.push({ ...p, aux: cloneAux(p.aux) });
      return;
    }
    const r = Math.floor(Math.random() * this.count);
    if (r < this.size) this.points[r] = { ...p, aux: cloneAux(p.aux) };
  }
  emit(): Point[] {
    const pts = this.points.map((p) => out(p.time, p.value, p.aux));
    goSortArray(pts, lessTimeValue);
    return pts;
  }
}

/** top() and bottom(): a Go heap of the n best points, emitted best first. */
export class TopBottomReducer implements Reducer {
  private readonly h: Point[] = [];
  private readonly cmp: (a: Point, b: Point) => boolean;
  constructor(
    private readonly n: number,
    top: boolean,
  ) {
    this.cmp = top
      ? (a, b) => (a.value !== b.value ? lessValue(a.value, b.value) : a.time > b.time)
      : (a, b) => (a.value !== b.value ? lessValue(b.value, a.value) : a.time > b.time);
  }
  aggregate(p: Point): void {
    const clone = { ...p, aux: cloneAux(p.aux) };
    if (this.h.length === this.n) {
      if (!this.cmp(this.h[0], p)) return;
      this.h[0] = clone;
      this.down(0, this.h.length);
      return;
    }
    this.h.push(clone);
    this.up(this.h.length - 1);
  }
  private up(j: number): void {
    for (;;) {
      const i = Math.trunc((j - 1) / 2);
      if (i === j || !this.cmp(this.h[j], this.h[i])) break;
      [this.h[i], this.h[j]] = [this.h[j], this.h[i]];
      j = i;
    }
  }
  private down(i: number, n: number): void {
    for (;;) {
      const j1 = 2 * i + 1;
      if (j1 >= n) break;
      let j = j1;
      if (j1 + 1 < n && this.cmp(this.h[j1 + 1], this.h[j1])) j = j1 + 1;
      if (!this.cmp(this.h[j], this.h[i])) break;
      [this.h[i], this.h[j]] = [this.h[j], this.h[i]];
      i = j;
    }
  }
  emit(): Point[] {
    const points = this.h.map((p) => ({ ...p, aggregated: 0 }));
    goSortArray(points, (a, b) => this.cmp(b, a));
    return points;
  }
}

/** integral(): trapezoids per window, in the unit given (1s by default). */
export class IntegralReducer implements Reducer {
  private sum = 0;
  private prev: Point | null = null;
  private winStart = 0n;
  private winEnd = 0n;
  private pending: Point[] = [];
  constructor(
    private readonly unit: bigint,
    private readonly opt: IterOptions,
  ) {}
  private window(t: bigint): void {
    const [s, e] = windowFor(this.opt, t);
    if (this.opt.ascending) [this.winStart, this.winEnd] = [s, e];
    else [this.winEnd, this.winStart] = [s, e];
  }
  aggregate(p: Point): void {
    const v = Number(p.value);
    const hasInterval = this.opt.interval.duration !== 0n;
    if (this.prev === null) {
      this.prev = { ...p, value: v };
      if (hasInterval) this.window(p.time);
      return;
    }
    if (this.prev.time === p.time) {
      this.prev = { ...p, value: v };
      return;
    }
    if (hasInterval && ((this.opt.ascending && p.time >= this.winEnd) || (!this.opt.ascending && p.time <= this.winEnd))) {
      if (this.prev.time !== this.winEnd) {
        const pv = this.prev.value as number;
        const value = ((v - pv) / Number(p.time - this.prev.time)) * Number(this.winEnd - this.prev.time) + pv;
        const elapsed = Number(this.winEnd - this.prev.time) / Number(this.unit);
        this.sum += 0.5 * (value + pv) * elapsed;
        this.prev = { ...this.prev, value, time: this.winEnd };
      }
      this.pending.push(out(this.winStart, this.sum));
      this.window(p.time);
      this.sum = 0;
    }
    const elapsed = Number(p.time - this.prev.time) / Number(this.unit);
    this.sum += 0.5 * (v + (this.prev.value as number)) * elapsed;
    this.prev = { ...p, value: v };
  }
  emit(): Point[] {
    const p = this.pending;
    this.pending = [];
    return p;
  }
  close(): void {
    if (this.prev !== null && this.prev.time !== this.winStart) this.pending.push(out(this.winStart, this.sum));
  }
}

/** derivative() and non_negative_derivative(), per unit of time. */
export class DerivativeReducer implements Reducer {
  private prev: Point | null = null;
  private curr: Point | null = null;
  constructor(
    private readonly unit: bigint,
    private readonly nonNegative: boolean,
    private readonly ascending: boolean,
  ) {}
  aggregate(p: Point): void {
    if (this.curr !== null && this.curr.time === p.time) return;
    this.prev = this.curr;
    this.curr = p;
  }
  emit(): Point[] {
    if (this.prev === null) return [];
    const c = this.curr!;
    const diff = typeof c.value === "bigint" ? Number(i64(c.value - (this.prev.value as bigint))) : (c.value as number) - (this.prev.value as number);
    let elapsed = c.time - this.prev.time;
    if (!this.ascending) elapsed = -elapsed;
    const value = diff / (Number(elapsed) / Number(this.unit));
    this.prev = null;
    if (this.nonNegative && diff < 0) return [];
    return [out(c.time, value)];
  }
}

/** difference() and non_negative_difference(); integers stay integers. */
export class DifferenceReducer implements Reducer {
  private prev: Point | null = null;
  private curr: Point | null = null;
  constructor(private readonly nonNegative: boolean) {}
  aggregate(p: Point): void {
    if (this.curr !== null && this.curr.time === p.time) return;
    this.prev = this.curr;
    this.curr = p;
  }
  emit(): Point[] {
    if (this.prev === null) return [];
    const c = this.curr!;
    const value = typeof c.value === "bigint" ? i64(c.value - (this.prev.value as bigint)) : (c.value as number) - (this.prev.value as number);
    if (this.nonNegative && value < 0) return [];
    this.prev = null;
    return [out(c.time, value)];
  }
}

/** elapsed(): time between successive points in the unit given (integer division). */
export class ElapsedReducer implements Reducer {
  private prev: Point | null = null;
  private curr: Point | null = null;
  constructor(private readonly unit: bigint) {}
  aggregate(p: Point): void {
    this.prev = this.curr;
    this.curr = p;
  }
  emit(): Point[] {
    if (this.prev === null) return [];
    return [out(this.curr!.time, (this.curr!.time - this.prev.time) / this.unit)];
  }
}

export class MovingAverageReducer implements Reducer {
  private readonly buf: Value[] = [];
  private pos = 0;
  private fsum = 0;
  private isum = 0n;
  private time = 0n;
  constructor(private readonly n: number) {}
  aggregate(p: Point): void {
    const v = p.value;
    if (this.buf.length !== this.n) this.buf.push(v);
    else {
      const old = this.buf[this.pos];
      if (typeof old === "bigint") this.isum = i64(this.isum - old);
      else this.fsum -= old as number;
      this.buf[this.pos] = v;
    }
    if (typeof v === "bigint") this.isum = i64(this.isum + v);
    else this.fsum += v as number;
    this.time = p.time;
    this.pos++;
    if (this.pos >= this.n) this.pos = 0;
  }
  emit(): Point[] {
    if (this.buf.length !== this.n) return [];
    const integral = typeof this.buf[0] === "bigint";
    return [out(this.time, (integral ? Number(this.isum) : this.fsum) / this.buf.length, null, this.buf.length)];
  }
}

export class CumulativeSumReducer implements Reducer {
  private acc: Value = null;
  private time = 0n;
  aggregate(p: Point): void {
    if (typeof p.value === "bigint") this.acc = i64(((this.acc as bigint | null) ?? 0n) + p.value);
    else this.acc = ((this.acc as number | null) ?? 0) + (p.value as number);
    this.time = p.time;
  }
  emit(): Point[] {
    return this.acc === null ? [] : [out(this.time, this.acc)];
  }
}
