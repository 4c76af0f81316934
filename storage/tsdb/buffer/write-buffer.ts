import { SeriesColumns } from "./series-columns.ts";

/**
 * Everything written to one bucket since the last flush: window → series → field columns. Sealed
 * when a flush starts, after which it is only read until its segments are durable.
 */
export class WriteBuffer {
  readonly windows = new Map<number, Map<number, SeriesColumns>>();
  /** Memory held by the buffered rows (allocated, not just used) and strings, for the flush trigger and metrics. */
  bytes = 0;
  points = 0;

  series(windowStartMs: number, seriesId: number): SeriesColumns {
    let w = this.windows.get(windowStartMs);
    if (!w) this.windows.set(windowStartMs, (w = new Map()));
    let s = w.get(seriesId);
    if (!s) w.set(seriesId, (s = new SeriesColumns(seriesId, windowStartMs, this)));
    return s;
  }

  lookup(windowStartMs: number, seriesId: number): SeriesColumns | undefined {
    return this.windows.get(windowStartMs)?.get(seriesId);
  }

  /** Frees the rows of every series once the buffer is in segments and no longer listed in its bucket. */
  release(): void {
    for (const w of this.windows.values()) for (const s of w.values()) s.release();
  }

  get empty(): boolean {
    return this.windows.size === 0;
  }
}
