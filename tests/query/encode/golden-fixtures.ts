/**
 * The `/query` answers recorded from InfluxDB 1.6.7 (tests/influxql/fixtures), and what the
 * encoder tests need to replay them: request options, and the way back from the chunks InfluxDB
 * sent to the complete results the executor hands to the encoders.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ChunkStyle } from "../../../app/query/encode/chunk.ts";
import { parseEpoch, type Epoch } from "../../../app/query/encode/epoch.ts";
import type { StatementResult } from "../../../app/query/result.ts";

export interface Golden {
  id: string;
  category: string;
  db?: string;
  q: string;
  params: Record<string, string>;
  status: number;
  contentType: string;
  body: string;
  bodyEncoding?: "base64";
}

const FIXTURES = join(import.meta.dir, "..", "..", "influxql", "fixtures");

export function loadGoldens(format: "json" | "csv" | "msgpack"): Golden[] {
  return JSON.parse(readFileSync(join(FIXTURES, `goldens-${format}.json`), "utf8")).goldens;
}

export function bodyBytes(g: Golden): Uint8Array {
  return g.bodyEncoding === "base64" ? Uint8Array.from(Buffer.from(g.body, "base64")) : new TextEncoder().encode(g.body);
}

export function epochOf(g: Golden): Epoch | undefined {
  return parseEpoch(g.params.epoch);
}

const UNIT_NS: Record<Epoch, bigint> = {
  ns: 1n,
  u: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

/** Nanoseconds back from a printed epoch integer (exact up to the truncation InfluxDB did). */
export function epochToNs(value: bigint, epoch: Epoch | undefined): bigint {
  return value * UNIT_NS[epoch ?? "ns"];
}

export function isChunked(g: Golden): boolean {
  return g.params.chunked === "true";
}

export function chunkSizeOf(g: Golden): number {
  return Number(g.params.chunk_size ?? 0);
}

/** Statements whose rows 1.6.7 sends one measurement per result. */
export function chunkStyleOf(g: Golden): ChunkStyle {
  return /^\s*SHOW\s+TAG\s+(KEYS|VALUES)\b/i.test(g.q) ? "series" : "rows";
}

/** The zone of `tz('...')`; the goldens put it only in single-statement queries. */
export function timeZonesOf(g: Golden, results: StatementResult[]): Map<number, string> | undefined {
  const zone = /\btz\('([^']*)'\)/i.exec(g.q)?.[1];
  if (zone === undefined) return undefined;
  return new Map(results.map((r) => [r.statement_id, zone === "" ? "UTC" : zone]));
}

/**
 * The complete results behind a chunked answer: a chunk continues its predecessor when that one
 * was partial (the last series continues too if it was partial), and for `series` statements every
 * chunk of the same statement adds a series.
 */
export function joinChunks(chunks: StatementResult[], style: ChunkStyle): StatementResult[] {
  const results: StatementResult[] = [];
  for (const chunk of chunks) {
    const last = results.at(-1);
    const continues =
      last !== undefined && last.statement_id === chunk.statement_id &&
      (last.partial === true || (style === "series" && last.error === undefined && chunk.error === undefined));
    if (!continues) {
      results.push({ ...chunk, series: chunk.series?.map((s) => ({ ...s })) });
      continue;
    }
    delete last.partial;
    if (chunk.partial) last.partial = true;
    last.series ??= [];
    for (const s of chunk.series ?? []) {
      const tail = last.series.at(-1);
      if (tail?.partial) {
        tail.values = [...tail.values, ...s.values];
        delete tail.partial;
        if (s.partial) tail.partial = true;
      } else {
        last.series.push({ ...s });
      }
    }
  }
  for (const r of results) if (r.series === undefined) delete r.series;
  return results;
}
