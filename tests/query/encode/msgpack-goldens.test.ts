/**
 * Every msgpack answer recorded from InfluxDB 1.6.7 (types taken from the wire: int forms, float64,
 * time extension) must re-encode byte for byte; and where the same request was recorded as JSON,
 * the same results must give that JSON answer too.
 */
import { describe, expect, test } from "bun:test";
import { chunkResults } from "../../../app/query/encode/chunk.ts";
import { encodeJson, encodeJsonChunk } from "../../../app/query/encode/json.ts";
import { encodeMsgpack, encodeMsgpackError } from "../../../app/query/encode/msgpack.ts";
import type { StatementResult } from "../../../app/query/result.ts";
import {
  bodyBytes,
  chunkSizeOf,
  chunkStyleOf,
  epochOf,
  isChunked,
  joinChunks,
  loadGoldens,
  type Golden,
} from "./golden-fixtures.ts";
import { decodeMsgpackDocuments, toResults } from "./golden-msgpack-model.ts";

const goldens = loadGoldens("msgpack");
const jsonGoldens = loadGoldens("json");

/** The complete results behind a recorded msgpack answer. */
function resultsOf(g: Golden): StatementResult[] {
  const chunks = decodeMsgpackDocuments(bodyBytes(g)).flatMap((doc) => toResults(doc, epochOf(g)));
  return isChunked(g) ? joinChunks(chunks, chunkStyleOf(g)) : chunks;
}

function concat(parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

describe("msgpack answers (HTTP 200) re-encode byte for byte", () => {
  for (const g of goldens.filter((g) => g.status === 200)) {
    test(`${g.id}: ${g.q.slice(0, 80)}`, () => {
      const results = resultsOf(g);
      const epoch = epochOf(g);
      const encoded = isChunked(g)
        ? concat(chunkResults(results, chunkSizeOf(g), () => chunkStyleOf(g)).map((c) => encodeMsgpack([c], { epoch })))
        : encodeMsgpack(results, { epoch });
      expect(hex(encoded)).toBe(hex(bodyBytes(g)));
    });
  }
});

describe("msgpack request errors (HTTP 400)", () => {
  for (const g of goldens.filter((g) => g.status === 400)) {
    test(g.id, () => {
      const [doc] = decodeMsgpackDocuments(bodyBytes(g));
      expect(hex(encodeMsgpackError(doc.get("error") as string))).toBe(hex(bodyBytes(g)));
    });
  }
});

describe("the same results give the recorded JSON answer", () => {
  for (const g of goldens.filter((g) => g.status === 200)) {
    // write-meta answers were recorded after the mutating statements changed the data.
    const twin = jsonGoldens.find(
      (j) => j.category !== "write-meta" && j.db === g.db && j.q === g.q && JSON.stringify(j.params) === JSON.stringify(g.params),
    );
    if (twin === undefined) continue;
    test(`${g.id} = ${twin.id}`, () => {
      const results = resultsOf(g);
      const epoch = epochOf(g);
      const json = isChunked(g)
        ? chunkResults(results, chunkSizeOf(g), () => chunkStyleOf(g)).map((c) => encodeJsonChunk(c, { epoch })).join("")
        : encodeJson(results, { epoch });
      expect(json).toBe(twin.body);
    });
  }
});
