import type { Statement } from "../influxql/parser.ts";
import type { ChunkStyle } from "./encode/chunk.ts";
import { isCardinalityEstimate } from "./meta/show-cardinality.ts";

/** How InfluxDB 1.6.7 streams a statement's results in chunked mode (see encode/chunk.ts). */
export function chunkStyleOf(statement: Statement): ChunkStyle {
  switch (statement.kind) {
    case "select":
    case "show-series":
    case "show-field-keys":
      return "rows";
    case "show-series-cardinality":
    case "show-measurement-cardinality":
    case "show-tag-key-cardinality":
    case "show-field-key-cardinality":
    case "show-tag-values-cardinality":
      // Only the bare estimate is answered at once; 1.6 rewrites the rest into SELECT count(...).
      return isCardinalityEstimate(statement) ? "whole" : "rows";
    case "show-tag-keys":
    case "show-tag-values":
      return "series";
    default:
      return "whole";
  }
}
