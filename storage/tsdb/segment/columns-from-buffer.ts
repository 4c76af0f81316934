import type { SeriesColumns } from "../buffer/series-columns.ts";
import type { FieldRegistry } from "../index/field-registry.ts";
import type { SeriesIndex } from "../index/series-index.ts";
import type { SegmentMeta } from "./segment-format.ts";
import type { SegmentColumn } from "./segment-writer.ts";

/**
 * The segment contents of one buffered window: its sorted columns, cut out of the buffer one at a
 * time as the writer asks for them (so a flush never holds a second copy of the window), and the
 * series and field lists, which fill in as the columns are produced — complete once the
 * iteration ends, which is when the writer serialises them.
 */
export function columnsFromBuffer(window: Map<number, SeriesColumns>, index: SeriesIndex, registry: FieldRegistry): { meta: SegmentMeta; columns: Iterable<SegmentColumn> } {
  const meta: SegmentMeta = { series: [], fields: [], supersedes: [] };
  const localField = new Map<number, number>();
  const seriesIds = [...window.keys()].sort((a, b) => (index.defs[a].key < index.defs[b].key ? -1 : 1));
  function* columns(): Generator<SegmentColumn> {
    for (const sid of seriesIds) {
      const sc = window.get(sid)!;
      let localSeries = -1;
      for (const fieldId of sc.fieldIds()) {
        const data = sc.read(fieldId, false);
        if (!data || data.n === 0) continue;
        if (localSeries < 0) {
          const def = index.defs[sid];
          localSeries = meta.series.push([def.key, def.measurement, ...def.tags]) - 1;
        }
        let lf = localField.get(fieldId);
        if (lf === undefined) localField.set(fieldId, (lf = meta.fields.push(registry.names[fieldId]) - 1));
        yield { series: localSeries, field: lf, data };
      }
    }
  }
  return { meta, columns: columns() };
}

/** Whether the window holds any field value (a flush skips empty ones). */
export function windowHasValues(window: Map<number, SeriesColumns>): boolean {
  for (const sc of window.values()) if (sc.fieldIds().length > 0) return true;
  return false;
}
