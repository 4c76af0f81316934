/** Small helpers shared by the line-protocol tests. */
import { batchToPoints } from "../../app/lineprotocol/batch-points.ts";
import { type Precision, parseLineProtocol } from "../../app/lineprotocol/parse.ts";
import { serializePoints } from "../../app/lineprotocol/serialize.ts";
import type { PointBatch } from "../../storage/tsdb/point-batch.ts";

export const NOW_MS = 1_767_225_600_123;
export const NOW_NS = 456_789;
/** NOW_MS/NOW_NS as nanoseconds. */
export const NOW = 1_767_225_600_123_456_789n;

export function parse(body: string | Uint8Array, precision: Precision = "ns"): PointBatch {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  return parseLineProtocol(bytes, { precision, nowMs: NOW_MS, nowNs: NOW_NS });
}

/** The accepted points of `body`, written back as canonical line protocol. */
export function accepted(body: string | Uint8Array, precision: Precision = "ns"): string {
  return serializePoints(batchToPoints(parse(body, precision)));
}

/** [line, message] of each rejected line. */
export function rejected(body: string | Uint8Array, precision: Precision = "ns"): [number, string][] {
  return parse(body, precision).rejected.map((r) => [r.line, r.message]);
}
