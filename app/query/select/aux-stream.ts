/**
 * The rows of a raw query before evaluation (Go's `buildAuxIterator`): every source's points with
 * the auxiliary values, merged, then LIMIT/OFFSET per series. Each tag set stops reading once it
 * has LIMIT + OFFSET rows.
 */
import { DT } from "./data-type.ts";
import type { IterOptions } from "./iter-options.ts";
import type { Stream } from "./point.ts";
import { measurementPoints } from "./raw-points.ts";
import { limitIterator, mergeStreams } from "./stream-ops.ts";
import { subqueryAuxPoints } from "./subquery.ts";
import type { BoundSource } from "./type-eval.ts";

export function auxStream(sources: BoundSource[], opt: IterOptions): Stream {
  const perSet = opt.limit > 0 ? opt.limit + opt.offset : 0;
  const inputs: Stream[] = [];
  for (const src of sources) {
    if (src.kind === "measurement") {
      if (src.ds === null) continue;
      for (const name of src.names) inputs.push(measurementPoints(src.ds, name, null, opt, perSet));
    } else {
      const s = subqueryAuxPoints(src, opt);
      if (s !== null) inputs.push(s);
    }
  }
  if (inputs.length === 0) return { type: DT.Float, points: [] };
  return limitIterator(mergeStreams(inputs, opt.ascending), opt.limit, opt.offset);
}
