import type { Statement } from "../influxql/parser.ts";
import type { ChunkStyle } from "./encode/chunk.ts";

/** How InfluxDB 1.6.7 streams a statement's results in chunked mode (see encode/chunk.ts). */
export function chunkStyleOf(statement: Statement): ChunkStyle {
  switch (statement.kind) {
    case "select":
    case "show-series":
    case "show-field-keys":
      return "rows";
    case "show-series-cardinality":
    case "show-measurement-cardinality":
    case "show-field-key-cardinality":
      return statement.exact ? "rows" : "whole";
    case "show-tag-key-cardinality":
    case "show-tag-values-cardinality":
      return statement.exact ? "rows" : "series";
    case "show-tag-keys":
    case "show-tag-values":
      return "series";
    default:
      return "whole";
  }
}
