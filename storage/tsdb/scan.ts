import { type ColumnData, copyValue, emptyColumnData } from "./column-data.ts";
import type { BlockStats } from "./segment/block-stats.ts";

/**
 * A run of one column's values in one window, in time order, not overlapping the chunks around
 * it. `stats` is set only when the chunk is one whole stored block, untouched by the range or any
 * delete, so an aggregate may use it without decoding.
 */
export interface ColumnChunk {
  baseMs: number;
  count: number;
  minTime: number;
  maxTime: number;
  stats: BlockStats | undefined;
  /**
   * The values. With `scratch` (large enough), a stored block is decoded into it and the result is
   * valid only until `scratch` is reused; without it, the result is the caller's to keep.
   */
  read(scratch?: ColumnData): ColumnData;
}

/** One source of values for a column in a window: a segment block or a buffer column. */
export interface Piece {
  /** Higher rank = written later; it wins on equal timestamps. */
  rank: number;
  minTime: number;
  maxTime: number;
  count: number;
  stats: BlockStats | undefined;
  decode(scratch?: ColumnData): ColumnData;
  /** Time ranges (window offsets, inclusive) deleted from this piece. */
  deleted: [number, number][];
}

/** Offsets [lo, hi] (inclusive) of the window the caller asked for. */
export interface OffsetRange {
  lo: number;
  hi: number;
}

export function chunksOf(baseMs: number, pieces: Piece[], range: OffsetRange): ColumnChunk[] {
  const live = pieces.filter((p) => p.count > 0 && p.maxTime >= range.lo && p.minTime <= range.hi);
  live.sort((a, b) => a.minTime - b.minTime || a.rank - b.rank);
  const out: ColumnChunk[] = [];
  for (let i = 0; i < live.length; ) {
    // Gather the run of pieces whose time spans overlap; they must be merged.
    let j = i + 1;
    let maxTime = live[i].maxTime;
    while (j < live.length && live[j].minTime <= maxTime) maxTime = Math.max(maxTime, live[j++].maxTime);
    const group = live.slice(i, j);
    i = j;
    const only = group.length === 1 ? group[0] : undefined;
    const untouched = only !== undefined && only.minTime >= range.lo && only.maxTime <= range.hi && !only.deleted.some(([a, b]) => b >= only.minTime && a <= only.maxTime);
    if (untouched) {
      out.push({ baseMs, count: only.count, minTime: only.minTime, maxTime: only.maxTime, stats: only.stats, read: (scratch) => only.decode(scratch) });
      continue;
    }
    const data = mergePieces(baseMs, group, range);
    if (data.n > 0) out.push({ baseMs, count: data.n, minTime: data.times[0], maxTime: data.times[data.n - 1], stats: undefined, read: () => data });
  }
  return out;
}

function isDeleted(deleted: [number, number][], t: number): boolean {
  for (const [a, b] of deleted) if (t >= a && t <= b) return true;
  return false;
}

/** Decodes, clips, drops deleted points and merges; on equal times the higher-ranked piece wins. */
function mergePieces(baseMs: number, group: Piece[], range: OffsetRange): ColumnData {
  const decoded = group.map((p) => ({ piece: p, data: p.decode() }));
  let total = 0;
  for (const d of decoded) total += d.data.n;
  const type = decoded[0].data.type;
  const out = emptyColumnData(type, baseMs, total, decoded[0].data.strings !== undefined);
  if (decoded.length === 1) {
    const { piece, data } = decoded[0];
    for (let i = 0; i < data.n; i++) {
      const t = data.times[i];
      if (t < range.lo || t > range.hi || isDeleted(piece.deleted, t)) continue;
      out.times[out.n] = t;
      copyValue(data, i, out, out.n++);
    }
    return out;
  }
  const entries: { t: number; rank: number; k: number; i: number }[] = [];
  decoded.forEach(({ piece, data }, k) => {
    for (let i = 0; i < data.n; i++) {
      const t = data.times[i];
      if (t < range.lo || t > range.hi || isDeleted(piece.deleted, t)) continue;
      entries.push({ t, rank: piece.rank, k, i });
    }
  });
  entries.sort((a, b) => a.t - b.t || a.rank - b.rank);
  for (const e of entries) {
    const j = out.n > 0 && out.times[out.n - 1] === e.t ? out.n - 1 : out.n++;
    out.times[j] = e.t;
    copyValue(decoded[e.k].data, e.i, out, j);
  }
  return out;
}
