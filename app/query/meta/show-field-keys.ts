/**
 * SHOW FIELD KEYS: InfluxDB 1.6 selects `fieldKey, fieldType` from its `_fieldKeys` system source,
 * so it reads one retention policy per FROM entry, lists measurements in byte order and applies
 * LIMIT/OFFSET per measurement.
 */
import type { ShowFieldKeysStatement } from "../../influxql/parser.ts";
import type { QueryContext } from "../query-context.ts";
import type { ResultSeries } from "../result.ts";
import { compareBytes, sortBytes } from "../byte-order.ts";
import type { MetaResult } from "./meta-result.ts";
import { page } from "./paging.ts";
import { resolveSources } from "./select-sources.ts";

export async function showFieldKeys(s: ShowFieldKeysStatement, qc: QueryContext): Promise<MetaResult> {
  const fields = new Map<string, Map<string, string>>();
  for (const source of await resolveSources(qc, s.sources, s.database)) {
    for (const name of source.names) {
      let known = fields.get(name);
      if (known === undefined) fields.set(name, (known = new Map()));
      for (const [field, type] of source.index.parts[0].fields(name)) if (!known.has(field)) known.set(field, type);
    }
  }
  const series: ResultSeries[] = [];
  for (const name of sortBytes(fields.keys())) {
    const rows = [...fields.get(name)!].sort((a, b) => compareBytes(a[0], b[0]));
    const values = page(rows, s.offset, s.limit);
    if (values.length > 0) series.push({ name, columns: ["fieldKey", "fieldType"], values });
  }
  return series.length === 0 ? {} : { series };
}
