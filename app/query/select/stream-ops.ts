/**
 * InfluxDB 1.6.7's generic iterators, over point streams: the reduce iterator (one reducer per
 * window and tag set), the stream iterator (transforms emitting as points arrive), interval, fill
 * and limit iterators, and merging streams from several sources.
 */
import { compareBytes } from "../byte-order.ts";
import { StatementError } from "../statement-error.ts";
import { DT } from "./data-type.ts";
import { floatToInt64 } from "./series-iterator.ts";
import { getDimensions, type IterOptions, windowFor, windowStartFor } from "./iter-options.ts";
import { type Point, type Stream, ZERO_TIME } from "./point.ts";
import { type Tags, tagsSubset } from "./tags.ts";
import { zoneAt } from "./window.ts";
import type { Value } from "./value.ts";

export interface Reducer {
  aggregate(p: Point): void;
  /** Points to emit; a time of ZERO_TIME takes the window start. */
  emit(): Point[];
  /** Flushes what remains at the end of the input (integral). */
  close?(): void;
}

const byTime = (a: Point, b: Point) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0);

/** Go's reduce iterator: for each window of each series (by the dimensions), one reducer per group-by tag set. */
export function reduceIterator(input: Point[], opt: IterOptions, outType: DT, create: () => Reducer, keepTags = false): Stream {
  const dims = getDimensions(opt);
  const out: Point[] = [];
  const n = input.length;
  let i = 0;
  for (;;) {
    while (i < n && input[i].nil) i++;
    if (i >= n) break;
    const first = input[i];
    const [start, end] = windowFor(opt, first.time);
    const name = first.name;
    const seriesTags = tagsSubset(first.tags, opt.dimensions).id;
    const groups = new Map<string, { name: string; tags: Tags; reducer: Reducer }>();
    while (i < n) {
      const curr = input[i];
      if (curr.time >= end || curr.time < start) break;
      if (!curr.nil && (curr.name !== name || tagsSubset(curr.tags, opt.dimensions).id !== seriesTags)) break;
      i++;
      if (curr.nil) continue;
      const tags = tagsSubset(curr.tags, dims);
      let g = groups.get(tags.id);
      if (g === undefined) groups.set(tags.id, (g = { name: curr.name, tags, reducer: create() }));
      g.reducer.aggregate(curr);
    }
    const keys = [...groups.keys()];
    if (keys.length > 1 && opt.ordered) keys.sort(compareBytes);
    for (const k of keys) {
      const g = groups.get(k)!;
      const points = g.reducer.emit();
      if (points.length > 1 && opt.ordered) points.sort(byTime);
      for (const p of points) {
        p.name = g.name;
        if (!keepTags) p.tags = g.tags;
        if (p.time === ZERO_TIME) p.time = start;
        out.push(p);
      }
    }
  }
  return { type: outType, points: out };
}

/** Go's stream iterator: transforms that emit as each point arrives, per series (name and group-by tags). */
export function streamIterator(input: Point[], opt: IterOptions, outType: DT, create: () => Reducer): Stream {
  const dims = getDimensions(opt);
  const groups = new Map<string, { name: string; tags: Tags; reducer: Reducer }>();
  const out: Point[] = [];
  for (const curr of input) {
    if (curr.nil) continue;
    const tags = tagsSubset(curr.tags, dims);
    const id = tags.id === "" ? curr.name : `${curr.name}\u0000${tags.id}`;
    let g = groups.get(id);
    if (g === undefined) groups.set(id, (g = { name: curr.name, tags, reducer: create() }));
    g.reducer.aggregate(curr);
    for (const p of g.reducer.emit()) {
      p.name = g.name;
      p.tags = g.tags;
      out.push(p);
    }
  }
  for (const g of groups.values()) {
    if (g.reducer.close === undefined) continue;
    g.reducer.close();
    for (const p of g.reducer.emit()) {
      p.name = g.name;
      p.tags = g.tags;
      out.push(p);
    }
  }
  return { type: outType, points: out };
}

/** Point times become their window's start; MinTime (no lower bound) becomes 0. */
export function intervalIterator(s: Stream, opt: IterOptions): Stream {
  for (const p of s.points) {
    const t = windowStartFor(opt, p.time);
    p.time = t === -9223372036854775806n ? 0n : t;
  }
  return s;
}

/** LIMIT and OFFSET per series (name and tags). */
export function limitIterator(s: Stream, limit: number, offset: number): Stream {
  if (limit <= 0 && offset <= 0) return s;
  const out: Point[] = [];
  let name: string | undefined;
  let tags: string | undefined;
  let n = 0;
  for (const p of s.points) {
    if (p.name !== name || p.tags.id !== tags) {
      name = p.name;
      tags = p.tags.id;
      n = 0;
    }
    n++;
    if (n <= offset) continue;
    if (limit > 0 && n - offset > limit) continue;
    out.push(p);
  }
  return { type: s.type, points: out };
}

/** Go's `castToFloat`/`castToInteger`/...: the fill value as the iterator's type, or the type's zero value. */
export function castFill(v: bigint | number | null, type: DT): Value {
  switch (type) {
    case DT.Float:
      return typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : 0;
    case DT.Integer:
    case DT.Unsigned:
      return typeof v === "bigint" ? v : typeof v === "number" ? floatToInt64(v) : 0n;
    case DT.String:
      return "";
    case DT.Boolean:
      return false;
    default:
      return null;
  }
}

/**
 * Most windows fill() may invent: InfluxDB 1.6.7 has no bound by default and runs out of memory;
 * strata answers with the error of InfluxDB's `max-select-buckets` setting instead.
 */
const MAX_FILLED = 5_000_000;

const tooManyBuckets = (n: number | bigint) => new StatementError(`max-select-buckets limit exceeded: (${n}/${MAX_FILLED})`);

/** Fails before filling when one series alone would need too many windows. */
function checkSpan(from: bigint, to: bigint, dur: bigint): void {
  const n = (from > to ? from - to : to - from) / dur + 1n;
  if (n > BigInt(MAX_FILLED)) throw tooManyBuckets(n);
}

/** Go's fill iterator: one point per window of each series from the start to the end of the range. */
export function fillIterator(s: Stream, opt: IterOptions, callName: string): Stream {
  let fill = opt.fill;
  let fillValue = opt.fillValue;
  if (fill === "null" && callName === "count") {
    fill = "number";
    fillValue = 0n;
  }
  const dur = opt.interval.duration;
  const asc = opt.ascending;
  const startTime = windowStartFor(opt, asc ? opt.startTime : opt.endTime);
  const endTime = windowStartFor(opt, asc ? opt.endTime : opt.startTime);
  const MIN = -9223372036854775806n;
  const input = s.points;
  const out: Point[] = [];
  let i = 0;
  let init = false;
  let win = { name: "", tags: undefined as unknown as Tags, time: 0n, offset: 0n };
  let prev: Point | null = null;
  let filled = 0;
  const fillType = s.type;
  for (;;) {
    if (!init) {
      if (i >= input.length) break;
      const p = input[i];
      win = { name: p.name, tags: p.tags, time: startTime, offset: 0n };
      if (startTime === MIN) win.time = windowStartFor(opt, p.time);
      if (endTime !== MIN) checkSpan(win.time, endTime, dur);
      if (opt.tz !== null) win.offset = zoneAt(opt.tz, win.time);
      init = true;
    }
    let p: Point | null = i < input.length ? input[i] : null;
    if (p === null || p.name !== win.name || p.tags.id !== win.tags.id) {
      const inside = asc ? win.time <= endTime : win.time >= endTime && endTime !== MIN;
      if (!inside) {
        if (p === null) break;
        win = { name: p.name, tags: p.tags, time: startTime, offset: 0n };
        if (win.time === MIN) win.time = windowStartFor(opt, p.time);
        if (endTime !== MIN) checkSpan(win.time, endTime, dur);
        if (opt.tz !== null) win.offset = zoneAt(opt.tz, win.time);
        prev = null;
      } else p = null;
    }
    let emitted: Point;
    if (p === null || (asc && p.time > win.time) || (!asc && p.time < win.time)) {
      if (++filled > MAX_FILLED) throw tooManyBuckets(filled);
      emitted = { name: win.name, tags: win.tags, time: win.time, value: null, nil: true, aux: opt.aux.length > 0 ? new Array(opt.aux.length).fill(null) : null, aggregated: 0 };
      switch (fill) {
        case "linear": {
          const next = p !== null && p.name === win.name && p.tags.id === win.tags.id ? p : null;
          if (prev !== null && !prev.nil && next !== null && (fillType === DT.Float || fillType === DT.Integer || fillType === DT.Unsigned)) {
            const v = linear(win.time / dur, prev.time / dur, next.time / dur, prev.value, next.value, fillType);
            if (v !== null) {
              emitted.value = v;
              emitted.nil = false;
            }
          }
          break;
        }
        case "number":
          emitted.value = castFill(fillValue, fillType);
          emitted.nil = false;
          break;
        case "previous":
          if (prev !== null && !prev.nil) {
            emitted.value = prev.value;
            emitted.nil = false;
          }
          break;
      }
    } else {
      emitted = p;
      prev = p;
      i++;
    }
    out.push(emitted);
    win.time += asc ? dur : -dur;
    if (opt.tz !== null) {
      const offset = zoneAt(opt.tz, win.time - 1n);
      if (offset !== win.offset) {
        const diff = win.offset - offset;
        if ((diff < 0n ? -diff : diff) < dur) win.time += diff;
        win.offset = offset;
      }
    }
  }
  return { type: s.type, points: out };
}

/** Go's linearFloat / linearInteger between two filled neighbours (times in whole intervals). */
function linear(t: bigint, t0: bigint, t1: bigint, v0: Value, v1: Value, type: DT): Value {
  if (type === DT.Float) {
    const m = ((v1 as number) - (v0 as number)) / Number(t1 - t0);
    return m * Number(t - t0) + (v0 as number);
  }
  const a = v0 as bigint;
  const b = v1 as bigint;
  const m = Number(BigInt.asIntN(64, b - a)) / Number(t1 - t0);
  return floatToInt64(m * Number(t - t0) + Number(a));
}

/** Merges streams of several sources: by measurement, then tags, then time (descending when the query is). */
export function mergeStreams(streams: Stream[], ascending: boolean): Stream {
  if (streams.length === 1) return streams[0];
  const type = streams.find((s) => s.points.length > 0)?.type ?? streams[0]?.type ?? DT.Float;
  const all = streams.flatMap((s) => s.points);
  const dir = ascending ? 1 : -1;
  all.sort((a, b) => {
    if (a.name !== b.name) return dir * compareBytes(a.name, b.name);
    if (a.tags.id !== b.tags.id) return dir * compareBytes(a.tags.id, b.tags.id);
    return dir * (a.time < b.time ? -1 : a.time > b.time ? 1 : 0);
  });
  return { type, points: all };
}
