import type { LoadedSegment } from "../bucket-store.ts";
import { concatColumns } from "../column-data.ts";
import type { SeriesIndex } from "../index/series-index.ts";
import { chunksOf, type Piece } from "../scan.ts";
import type { Tombstone } from "../tombstone.ts";
import { tombstoneMatchesSeries } from "../tombstone.ts";
import { offsetInWindow } from "../window.ts";
import type { SegmentMeta } from "./segment-format.ts";
import type { SegmentColumn } from "./segment-writer.ts";

/**
 * The merged contents of several segments of one window, for compaction: each (series, field)
 * once, later flushes winning on equal timestamps, deletes applied. Columns are produced one at a
 * time so memory stays bounded by the largest column, not the window.
 */
export function columnsFromSegments(
  segments: LoadedSegment[],
  windowStartMs: number,
  windowMs: number,
  index: SeriesIndex,
  tombstones: Tombstone[],
): { meta: SegmentMeta; columns: Iterable<SegmentColumn> } {
  const meta: SegmentMeta = { series: [], fields: [], supersedes: segments.map((s) => s.reader.name) };
  const seriesIds = new Set<number>();
  const fieldNames = new Set<string>();
  for (const s of segments) {
    for (const sid of s.localSeries.keys()) seriesIds.add(sid);
    for (const f of s.localField.keys()) fieldNames.add(f);
  }
  const sortedSeries = [...seriesIds].sort((a, b) => (index.defs[a].key < index.defs[b].key ? -1 : 1));
  meta.fields = [...fieldNames].sort();
  const seriesLocal = new Map<number, number>();
  for (const sid of sortedSeries) {
    const d = index.defs[sid];
    seriesLocal.set(sid, meta.series.push([d.key, d.measurement, ...d.tags]) - 1);
  }
  const whole = { lo: 0, hi: windowMs * 1e6 - 1 };

  function* columns(): Generator<SegmentColumn> {
    for (const sid of sortedSeries) {
      const def = index.defs[sid];
      const applicable = tombstones.filter((t) => tombstoneMatchesSeries(t, def));
      for (let lf = 0; lf < meta.fields.length; lf++) {
        const pieces: Piece[] = [];
        segments.forEach((seg, rank) => {
          const local = seg.localSeries.get(sid);
          const f = seg.localField.get(meta.fields[lf]);
          if (local === undefined || f === undefined) return;
          const range = seg.reader.blocksOf(local, f);
          if (!range) return;
          const deleted = applicable
            .filter((t) => t.seq > seg.reader.flushSeq)
            .map((t): [number, number] => [offsetInWindow(t.startMs, t.startNs, windowStartMs), offsetInWindow(t.endMs, t.endNs, windowStartMs)]);
          for (let b = range[0]; b < range[1]; b++) {
            const reader = seg.reader;
            pieces.push({ rank, minTime: reader.blockMinTime[b], maxTime: reader.blockMaxTime[b], count: reader.blockCountOf[b], stats: undefined, decode: () => reader.decode(b), deleted });
          }
        });
        const chunks = chunksOf(windowStartMs, pieces, whole);
        if (chunks.length > 0) yield { series: seriesLocal.get(sid)!, field: lf, data: concatColumns(chunks.map((c) => c.read())) };
      }
    }
  }
  return { meta, columns: columns() };
}
