/**
 * Go's container/heap over an array: the same comparisons and swaps in the same order, so items
 * that compare equal leave the heap in the order Go's does. InfluxDB's merges are built on it,
 * and that order shows: in the row order of points with equal times, and in the last digit of
 * float sums taken in merge order.
 */
export type Less<T> = (a: T, b: T) => boolean;

export function heapInit<T>(h: T[], less: Less<T>): void {
  const n = h.length;
  for (let i = Math.trunc(n / 2) - 1; i >= 0; i--) down(h, less, i, n);
}

export function heapPush<T>(h: T[], item: T, less: Less<T>): void {
  h.push(item);
  up(h, less, h.length - 1);
}

export function heapPop<T>(h: T[], less: Less<T>): T {
  const n = h.length - 1;
  swap(h, 0, n);
  down(h, less, 0, n);
  return h.pop()!;
}

function swap<T>(h: T[], i: number, j: number): void {
  const t = h[i];
  h[i] = h[j];
  h[j] = t;
}

function up<T>(h: T[], less: Less<T>, j: number): void {
  for (;;) {
    const i = Math.trunc((j - 1) / 2);
    if (i === j || !less(h[j], h[i])) break;
    swap(h, i, j);
    j = i;
  }
}

function down<T>(h: T[], less: Less<T>, i0: number, n: number): void {
  let i = i0;
  for (;;) {
    const j1 = 2 * i + 1;
    if (j1 >= n) break;
    let j = j1;
    const j2 = j1 + 1;
    if (j2 < n && less(h[j2], h[j1])) j = j2;
    if (!less(h[j], h[i])) break;
    swap(h, i, j);
    i = j;
  }
}
