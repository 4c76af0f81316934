import type { SeriesColumns } from "../buffer/series-columns.ts";
import type { FieldRegistry } from "../index/field-registry.ts";
import type { SeriesIndex } from "../index/series-index.ts";
import type { SegmentMeta } from "./segment-format.ts";
import type { SegmentColumn } from "./segment-writer.ts";

/** The segment contents of one buffered window: its series and fields, and their sorted columns. */
export function columnsFromBuffer(window: Map<number, SeriesColumns>, index: SeriesIndex, registry: FieldRegistry): { meta: SegmentMeta; columns: SegmentColumn[] } {
  const meta: SegmentMeta = { series: [], fields: [], supersedes: [] };
  const localField = new Map<number, number>();
  const columns: SegmentColumn[] = [];
  const seriesIds = [...window.keys()].sort((a, b) => (index.defs[a].key < index.defs[b].key ? -1 : 1));
  for (const sid of seriesIds) {
    const sc = window.get(sid)!;
    let localSeries = -1;
    for (const fieldId of sc.fieldIds()) {
      const data = sc.read(fieldId);
      if (!data || data.n === 0) continue;
      if (localSeries < 0) {
        const def = index.defs[sid];
        localSeries = meta.series.push([def.key, def.measurement, ...def.tags]) - 1;
      }
      let lf = localField.get(fieldId);
      if (lf === undefined) localField.set(fieldId, (lf = meta.fields.push(registry.names[fieldId]) - 1));
      columns.push({ series: localSeries, field: lf, data });
    }
  }
  return { meta, columns };
}
