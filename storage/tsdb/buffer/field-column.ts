import { type ColumnData, copyValue, emptyColumnData } from "../column-data.ts";
import { FieldType } from "../point-batch.ts";

/**
 * The in-memory column of one (window, series, field): appended in arrival order, sorted and
 * deduplicated (the later write of a timestamp wins) only when read, and then cached.
 */
export class FieldColumn {
  private data: ColumnData;
  private ordered = true;
  private sorted: ColumnData | undefined;

  constructor(
    readonly type: FieldType,
    readonly baseMs: number,
  ) {
    this.data = emptyColumnData(type, baseMs, 8, type === FieldType.String);
  }

  get count(): number {
    return this.data.n;
  }

  private grow(): void {
    const old = this.data;
    const next = emptyColumnData(this.type, this.baseMs, old.times.length * 2, old.strings !== undefined);
    next.times.set(old.times);
    next.words.set(old.words);
    if (old.strings) for (let i = 0; i < old.n; i++) next.strings![i] = old.strings[i];
    next.n = old.n;
    this.data = next;
  }

  /** `lo`/`hi` are the 8 value bytes as int32 words; strings pass `str`. */
  append(time: number, lo: number, hi: number, str: string | undefined): void {
    const d = this.data;
    if (d.n === d.times.length) this.grow();
    const c = this.data;
    const i = c.n;
    if (i > 0 && time <= c.times[i - 1]) this.ordered = false;
    c.times[i] = time;
    c.words[2 * i] = lo;
    c.words[2 * i + 1] = hi;
    if (c.strings) c.strings[i] = str!;
    c.n = i + 1;
    this.sorted = undefined;
  }

  /** Removes the points for which `drop(time)` is true (deletes reach the buffer at once). */
  remove(drop: (time: number) => boolean): void {
    const src = this.read();
    const out = emptyColumnData(this.type, this.baseMs, Math.max(8, src.n), src.strings !== undefined);
    for (let i = 0; i < src.n; i++) {
      if (drop(src.times[i])) continue;
      out.times[out.n] = src.times[i];
      copyValue(src, i, out, out.n);
      out.n++;
    }
    this.data = out;
    this.ordered = true;
    this.sorted = undefined;
  }

  /** Time-ordered, one value per timestamp. The returned data must not be modified. */
  read(): ColumnData {
    if (this.ordered) return this.data;
    if (this.sorted) return this.sorted;
    const d = this.data;
    const order = new Uint32Array(d.n);
    for (let i = 0; i < d.n; i++) order[i] = i;
    // Ties keep arrival order, so the last of equal timestamps is the later write.
    order.sort((a, b) => d.times[a] - d.times[b] || a - b);
    const out = emptyColumnData(this.type, this.baseMs, d.n, d.strings !== undefined);
    for (let k = 0; k < d.n; k++) {
      const i = order[k];
      const t = d.times[i];
      const j = out.n > 0 && out.times[out.n - 1] === t ? out.n - 1 : out.n++;
      out.times[j] = t;
      copyValue(d, i, out, j);
    }
    this.sorted = out;
    return out;
  }
}
