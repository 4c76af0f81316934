/**
 * The order in which InfluxDB 1.6.7 combines per-series partial aggregates of one tag set. Each
 * series' partials (one per window) go through a parallel merge: the series are split into
 * GOMAXPROCS groups, each merged by a heap-driven merge iterator, the groups merged again. Heap
 * ties are broken by Go's `container/heap` algorithm, so the order is deterministic but not
 * sorted, and a float sum or mean depends on it in its last digit. Recorded answers came from a
 * 2-CPU machine.
 */

import { heapInit, heapPop, heapPush, type Less } from "./go-heap.ts";

export const GOMAXPROCS = 2;

/** A point of the merge: its window (as a rank, see combineOrder) and its series. */
interface Point {
  window: number;
  payload: number;
}

interface Source {
  /** Window of the next point, or undefined when exhausted. */
  peek(): number | undefined;
  /** Consumes the next point. */
  next(): Point | undefined;
}

class Leaf implements Source {
  private i = 0;
  constructor(
    private readonly windows: readonly number[],
    private readonly payload: number,
  ) {}
  peek(): number | undefined {
    return this.windows[this.i];
  }
  next(): Point | undefined {
    if (this.i >= this.windows.length) return undefined;
    return { window: this.windows[this.i++], payload: this.payload };
  }
}

/** Go's merge iterator over inputs whose points all share name and tags. */
class Merge implements Source {
  private items: Source[];
  private init = false;
  private curr: Source | undefined;
  private window: number | undefined;
  private peeked = false;
  private kept: Point | undefined;
  private readonly less: Less<Source>;

  constructor(inputs: Source[], ascending: boolean) {
    this.items = inputs.slice();
    this.less = ascending ? (a, b) => a.peek()! < b.peek()! : (a, b) => a.peek()! > b.peek()!;
  }

  private start(): void {
    this.items = this.items.filter((b) => b.peek() !== undefined);
    heapInit(this.items, this.less);
    this.init = true;
  }

  /**
   * Like Go's buffered iterators: peeking computes the next point and keeps it for next(), so a
   * parent heap comparing this merge costs nothing more than reading the kept point's window.
   */
  peek(): number | undefined {
    if (!this.peeked) {
      this.kept = this.advance();
      this.peeked = true;
    }
    return this.kept?.window;
  }

  next(): Point | undefined {
    if (!this.peeked) return this.advance();
    this.peeked = false;
    return this.kept;
  }

  private advance(): Point | undefined {
    if (!this.init) this.start();
    for (;;) {
      if (this.curr === undefined) {
        if (this.items.length === 0) return undefined;
        this.curr = heapPop(this.items, this.less);
        const p = this.curr.next()!;
        this.window = p.window;
        return p;
      }
      const w = this.curr.peek();
      if (w === undefined) {
        this.curr = undefined;
        continue;
      }
      if (w !== this.window) {
        heapPush(this.items, this.curr, this.less);
        this.curr = undefined;
        continue;
      }
      return this.curr.next();
    }
  }
}

function mergeOf(inputs: Source[], ascending: boolean): Source | undefined {
  if (inputs.length === 0) return undefined;
  if (inputs.length === 1) return inputs[0];
  return new Merge(inputs, ascending);
}

/**
 * For each window (in the order first seen), the series (indexes into `windowsBySeries`) in the
 * order InfluxDB reduces their partials. `windowsBySeries[i]` lists series i's windows in query
 * order; series are in tag-set order (series-key order, reversed when descending).
 */
export function combineOrder(windowsBySeries: readonly (readonly bigint[])[], ascending: boolean): Map<bigint, number[]> {
  // The merge compares windows at every heap step: it compares their ranks, numbers, not bigints.
  const windows = [...new Set(windowsBySeries.flat())].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rankOf = new Map(windows.map((w, rank) => [w, rank]));
  const leaves: Source[] = windowsBySeries.map((w, i) => new Leaf(w.map((window) => rankOf.get(window)!), i));
  const parallel = Math.min(GOMAXPROCS, leaves.length);
  let root: Source | undefined;
  if (leaves.length === 1) root = leaves[0];
  else if (parallel > 0) {
    const n = Math.trunc(leaves.length / parallel);
    const outputs: Source[] = [];
    for (let i = 0; i < parallel; i++) {
      const slice = i < parallel - 1 ? leaves.slice(i * n, (i + 1) * n) : leaves.slice(i * n);
      const m = mergeOf(slice, ascending);
      if (m !== undefined) outputs.push(m);
    }
    root = mergeOf(outputs, ascending);
  }
  const order = new Map<bigint, number[]>();
  const listByRank: (number[] | undefined)[] = [];
  for (let p = root?.next(); p !== undefined; p = root!.next()) {
    let list = listByRank[p.window];
    if (list === undefined) order.set(windows[p.window], (listByRank[p.window] = list = []));
    list.push(p.payload);
  }
  return order;
}
