/**
 * What executing InfluxQL statements produces, before encoding (JSON, CSV or msgpack). Rows are
 * plain arrays; the encoders decide how each value is written.
 *
 * Values: `number` is a float; `bigint` is an integer field value (int64, or uint64 when
 * non-negative beyond int64); `string`, `boolean`, or `null` for a missing value. When a series'
 * first column is named `time`, that column holds nanoseconds since the epoch as `bigint`, and
 * encoders print it as RFC3339 or as the requested `epoch` unit.
 */
export type ResultValue = number | bigint | string | boolean | null;

export interface ResultSeries {
  name?: string;
  tags?: Record<string, string>;
  columns: string[];
  values: ResultValue[][];
  /** Chunked output: this series continues in the next chunk. */
  partial?: boolean;
}

export interface ResultMessage {
  level: string;
  text: string;
}

export interface StatementResult {
  statement_id: number;
  series?: ResultSeries[];
  messages?: ResultMessage[];
  error?: string;
  /** Chunked output: this statement's results continue in the next chunk. */
  partial?: boolean;
}
