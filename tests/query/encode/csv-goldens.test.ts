/**
 * CSV answers recorded from InfluxDB 1.6.7: re-encoded from the CSV itself, and, where the same
 * request was recorded as JSON, encoded from the JSON's results (which have the real types, so
 * SHOW RETENTION POLICIES' replicaN is the integer 1 there and must still print `replicaN`).
 */
import { describe, expect, test } from "bun:test";
import { chunkResults } from "../../../app/query/encode/chunk.ts";
import { createCsvEncoder, encodeCsv, encodeCsvError } from "../../../app/query/encode/csv.ts";
import type { StatementResult } from "../../../app/query/result.ts";
import { parseCsv, toResults as csvResults } from "./golden-csv-model.ts";
import { chunkSizeOf, chunkStyleOf, epochOf, isChunked, joinChunks, loadGoldens, type Golden } from "./golden-fixtures.ts";
import { parseJsonDocuments, toResults as jsonResults } from "./golden-json-model.ts";

const goldens = loadGoldens("csv");
const jsonGoldens = loadGoldens("json");

function encode(g: Golden, results: StatementResult[]): string {
  const epoch = epochOf(g);
  if (!isChunked(g)) return encodeCsv(results, { epoch });
  const encoder = createCsvEncoder({ epoch });
  return chunkResults(results, chunkSizeOf(g), () => chunkStyleOf(g))
    .map((chunk) => encoder([chunk]))
    .join("");
}

describe("CSV answers (HTTP 200) re-encode byte for byte", () => {
  for (const g of goldens.filter((g) => g.status === 200)) {
    test(`${g.id}: ${g.q.slice(0, 80)}`, () => {
      expect(encode(g, csvResults(g.body, epochOf(g)))).toBe(g.body);
    });
  }
});

describe("CSV request errors (HTTP 400)", () => {
  for (const g of goldens.filter((g) => g.status === 400)) {
    test(g.id, () => {
      const [, [message]] = parseCsv(g.body);
      expect(encodeCsvError(message)).toBe(g.body);
    });
  }
});

describe("the JSON answer's results give the recorded CSV", () => {
  for (const g of goldens.filter((g) => g.status === 200)) {
    // write-meta answers were recorded after the mutating statements changed the data.
    const twin = jsonGoldens.find(
      (j) => j.status === 200 && j.category !== "write-meta" && j.db === g.db && j.q === g.q && (j.params.epoch ?? "") === (g.params.epoch ?? ""),
    );
    if (twin === undefined) continue;
    test(`${g.id} from ${twin.id}`, () => {
      const chunks = parseJsonDocuments(twin.body).flatMap((doc) => jsonResults(doc, epochOf(twin)));
      const results = isChunked(twin) ? joinChunks(chunks, chunkStyleOf(twin)) : chunks;
      expect(encode(g, results)).toBe(g.body);
    });
  }
});
