/**
 * `chunked=true`: the sequence of one-result responses InfluxDB 1.6.7 streams for a query, built
 * from the complete results. Each chunk is encoded on its own (`encodeJsonChunk`, `encodeMsgpack`
 * of `[chunk]`, or the CSV encoder, which keeps its state across chunks).
 */
import type { ResultSeries, StatementResult } from "../result.ts";

/** `chunk_size` absent or 0. */
export const DEFAULT_CHUNK_SIZE = 10_000;

/**
 * How a statement's results reach the response writer in 1.6.7:
 * - `rows`: SELECT (and the SHOW statements 1.6 rewrites into SELECTs: SHOW SERIES, SHOW FIELD KEYS,
 *   EXACT cardinalities). The emitter cuts a series every `chunk_size` rows and at its end; a
 *   chunk holds one series piece, `partial` marks the series and statement that continue.
 * - `series`: SHOW TAG KEYS / TAG VALUES (and their cardinalities) send one result per
 *   measurement, never cut, never partial.
 * - `whole`: the other meta statements send their result at once.
 */
export type ChunkStyle = "rows" | "series" | "whole";

function seriesPiece(series: ResultSeries, values: ResultSeries["values"], partial: boolean): ResultSeries {
  const piece: ResultSeries = { columns: series.columns, values };
  if (series.name !== undefined) piece.name = series.name;
  if (series.tags !== undefined) piece.tags = series.tags;
  if (partial) piece.partial = true;
  return piece;
}

function rowPieces(series: ResultSeries[], chunkSize: number): ResultSeries[] {
  const pieces: ResultSeries[] = [];
  for (const s of series) {
    if (s.values.length === 0) pieces.push(seriesPiece(s, s.values, false));
    for (let start = 0; start < s.values.length; start += chunkSize) {
      const end = start + chunkSize;
      pieces.push(seriesPiece(s, s.values.slice(start, end), end < s.values.length));
    }
  }
  return pieces;
}

function chunksOf(result: StatementResult, chunkSize: number, style: ChunkStyle): StatementResult[] {
  const series = result.series ?? [];
  if (style === "whole" || result.error !== undefined || series.length <= (style === "series" ? 1 : 0)) {
    return [result];
  }
  const pieces = style === "series" ? series : rowPieces(series, chunkSize);
  return pieces.map((piece, i) => {
    const chunk: StatementResult = { statement_id: result.statement_id, series: [piece] };
    if (i === 0 && result.messages !== undefined) chunk.messages = result.messages;
    if (style === "rows" && i < pieces.length - 1) chunk.partial = true;
    return chunk;
  });
}

/**
 * The chunks of `results` in order. `chunkSize` ≤ 0 means the default; `styleOf` tells how each
 * statement is streamed (all `rows` unless given).
 */
export function chunkResults(
  results: StatementResult[],
  chunkSize: number,
  styleOf: (result: StatementResult) => ChunkStyle = () => "rows",
): StatementResult[] {
  const size = chunkSize > 0 ? chunkSize : DEFAULT_CHUNK_SIZE;
  return results.flatMap((result) => chunksOf(result, size, styleOf(result)));
}
