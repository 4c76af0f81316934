/**
 * Every JSON answer recorded from InfluxDB 1.6.7, decoded into the result model and encoded again,
 * must come out byte for byte: plain, `epoch`, `pretty`, `tz()`, chunked, statement errors, and
 * request errors (HTTP 400, `{"error":...}`).
 */
import { describe, expect, test } from "bun:test";
import { chunkResults } from "../../../app/query/encode/chunk.ts";
import { encodeJson, encodeJsonChunk, encodeJsonError } from "../../../app/query/encode/json.ts";
import {
  chunkSizeOf,
  chunkStyleOf,
  epochOf,
  isChunked,
  joinChunks,
  loadGoldens,
  timeZonesOf,
  type Golden,
} from "./golden-fixtures.ts";
import { parseJsonDocuments, toResults } from "./golden-json-model.ts";

const goldens = loadGoldens("json");

function reencode(g: Golden): string {
  const epoch = epochOf(g);
  const pretty = g.params.pretty === "true";
  const chunks = parseJsonDocuments(g.body).flatMap((doc) => toResults(doc, epoch));
  if (!isChunked(g)) return encodeJson(chunks, { epoch, pretty, timeZones: timeZonesOf(g, chunks) });
  const style = chunkStyleOf(g);
  const results = joinChunks(chunks, style);
  const opts = { epoch, pretty, timeZones: timeZonesOf(g, results) };
  return chunkResults(results, chunkSizeOf(g), () => style)
    .map((chunk) => encodeJsonChunk(chunk, opts))
    .join("");
}

describe("JSON answers (HTTP 200) re-encode byte for byte", () => {
  for (const g of goldens.filter((g) => g.status === 200)) {
    test(`${g.id}: ${g.q.slice(0, 80)}`, () => {
      expect(reencode(g)).toBe(g.body);
    });
  }
});

describe("request errors (HTTP 400) encode byte for byte", () => {
  for (const g of goldens.filter((g) => g.status === 400)) {
    test(`${g.id}: ${g.q.slice(0, 80)}`, () => {
      const [doc] = parseJsonDocuments(g.body) as [{ error: string }];
      expect(encodeJsonError(doc.error, { pretty: g.params.pretty === "true" })).toBe(g.body);
    });
  }
});
