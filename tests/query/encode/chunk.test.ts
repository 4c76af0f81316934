/** How results are cut into chunks, beyond what the chunked goldens show. */
import { expect, test } from "bun:test";
import { chunkResults, DEFAULT_CHUNK_SIZE } from "../../../app/query/encode/chunk.ts";
import type { ResultSeries, StatementResult } from "../../../app/query/result.ts";

function series(name: string, rows: number): ResultSeries {
  return { name, columns: ["time", "v"], values: Array.from({ length: rows }, (_, i) => [BigInt(i), i]) };
}

function shape(chunks: StatementResult[]): string[] {
  return chunks.map((c) => {
    const parts = (c.series ?? []).map((s) => `${s.name}:${s.values.length}${s.partial ? "+" : ""}`);
    return `${c.statement_id}[${parts.join(" ")}]${c.partial ? "+" : ""}${c.error ? "!" : ""}${c.messages ? "m" : ""}`;
  });
}

test("rows: every chunk_size rows and at each series end; partial until the statement's last chunk", () => {
  const results: StatementResult[] = [
    { statement_id: 0, series: [series("a", 5), series("b", 2)] },
    { statement_id: 1, error: "boom" },
    { statement_id: 2 },
  ];
  expect(shape(chunkResults(results, 2))).toEqual([
    "0[a:2+]+",
    "0[a:2+]+",
    "0[a:1]+",
    "0[b:2]",
    "1[]!",
    "2[]",
  ]);
});

test("chunk_size 0 or below is the default of 10000", () => {
  const results = [{ statement_id: 0, series: [series("a", DEFAULT_CHUNK_SIZE + 1)] }];
  expect(shape(chunkResults(results, 0))).toEqual(["0[a:10000+]+", "0[a:1]"]);
  expect(shape(chunkResults(results, -5))).toEqual(["0[a:10000+]+", "0[a:1]"]);
});

test("series style: one chunk per series, never cut or partial; messages ride on the first chunk", () => {
  const results: StatementResult[] = [
    { statement_id: 0, series: [series("a", 5), series("b", 1)], messages: [{ level: "warning", text: "w" }] },
  ];
  expect(shape(chunkResults(results, 2, () => "series"))).toEqual(["0[a:5]m", "0[b:1]"]);
});

test("whole style: the result as it is", () => {
  const results: StatementResult[] = [{ statement_id: 0, series: [series("a", 5), series("b", 1)] }];
  expect(chunkResults(results, 2, () => "whole")).toEqual(results);
});

test("tags and columns carry over to every piece; the input is not modified", () => {
  const s: ResultSeries = { ...series("a", 3), tags: { host: "h" } };
  const results: StatementResult[] = [{ statement_id: 0, series: [s] }];
  const chunks = chunkResults(results, 2);
  expect(chunks.map((c) => c.series![0].tags)).toEqual([{ host: "h" }, { host: "h" }]);
  expect(chunks[1].series![0].values).toEqual([[2n, 2]]);
  expect(s.values.length).toBe(3);
  expect(s.partial).toBeUndefined();
});
