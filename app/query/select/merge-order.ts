/**
 * The order in which InfluxDB 1.6.7 combines per-series partial aggregates of one tag set. Each
 * series' partials (one per window) go through a parallel merge: the series are split into
 * GOMAXPROCS groups, each merged by a heap-driven merge iterator, the groups merged again. Heap
 * ties are broken by Go's `container/heap` algorithm, so the order is deterministic but not
 * sorted, and a float sum or mean depends on it in its last digit. Recorded answers came from a
 * 2-CPU machine.
 */

export const GOMAXPROCS = 2;

interface Source {
  /** Window start of the next point, or undefined when exhausted. */
  peek(): bigint | undefined;
  /** Consumes the next point: its window start and payload. */
  next(): { window: bigint; payload: number } | undefined;
}

class Leaf implements Source {
  private i = 0;
  constructor(
    private readonly windows: readonly bigint[],
    private readonly payload: number,
  ) {}
  peek(): bigint | undefined {
    return this.windows[this.i];
  }
  next(): { window: bigint; payload: number } | undefined {
    if (this.i >= this.windows.length) return undefined;
    return { window: this.windows[this.i++], payload: this.payload };
  }
}

/** Go's merge iterator over inputs whose points all share name and tags. */
class Merge implements Source {
  private items: Source[];
  private init = false;
  private curr: Source | undefined;
  private window: bigint | undefined;
  private readonly less: (a: bigint, b: bigint) => boolean;

  constructor(inputs: Source[], ascending: boolean) {
    this.items = inputs.slice();
    this.less = ascending ? (a, b) => a < b : (a, b) => a > b;
  }

  private lessAt(i: number, j: number): boolean {
    return this.less(this.items[i].peek()!, this.items[j].peek()!);
  }

  private swap(i: number, j: number): void {
    const t = this.items[i];
    this.items[i] = this.items[j];
    this.items[j] = t;
  }

  private up(j: number): void {
    for (;;) {
      const i = Math.trunc((j - 1) / 2);
      if (i === j || !this.lessAt(j, i)) break;
      this.swap(i, j);
      j = i;
    }
  }

  private down(i0: number, n: number): void {
    let i = i0;
    for (;;) {
      const j1 = 2 * i + 1;
      if (j1 >= n) break;
      let j = j1;
      const j2 = j1 + 1;
      if (j2 < n && this.lessAt(j2, j1)) j = j2;
      if (!this.lessAt(j, i)) break;
      this.swap(i, j);
      i = j;
    }
  }

  private pop(): Source {
    const n = this.items.length - 1;
    this.swap(0, n);
    this.down(0, n);
    return this.items.pop()!;
  }

  private push(b: Source): void {
    this.items.push(b);
    this.up(this.items.length - 1);
  }

  private start(): void {
    this.items = this.items.filter((b) => b.peek() !== undefined);
    const n = this.items.length;
    for (let i = Math.trunc(n / 2) - 1; i >= 0; i--) this.down(i, n);
    this.init = true;
  }

  peek(): bigint | undefined {
    if (!this.init) this.start();
    if (this.curr !== undefined) {
      const w = this.curr.peek();
      if (w !== undefined && w === this.window) return w;
    }
    let best: bigint | undefined;
    for (const b of this.items) {
      const w = b.peek();
      if (w !== undefined && (best === undefined || this.less(w, best))) best = w;
    }
    const c = this.curr?.peek();
    if (c !== undefined && (best === undefined || this.less(c, best))) best = c;
    return best;
  }

  next(): { window: bigint; payload: number } | undefined {
    if (!this.init) this.start();
    for (;;) {
      if (this.curr === undefined) {
        if (this.items.length === 0) return undefined;
        this.curr = this.pop();
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
        this.push(this.curr);
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
  const leaves: Source[] = windowsBySeries.map((w, i) => new Leaf(w, i));
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
  for (let p = root?.next(); p !== undefined; p = root!.next()) {
    let list = order.get(p.window);
    if (list === undefined) order.set(p.window, (list = []));
    list.push(p.payload);
  }
  return order;
}
