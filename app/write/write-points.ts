import type { Bucket } from "../../storage/meta/schema.ts";
import { OUTSIDE_RETENTION_MESSAGE } from "../../storage/tsdb/batch-validation.ts";
import { EngineBusyError, type Engine } from "../../storage/tsdb/engine.ts";
import type { PointBatch, RejectedLine } from "../../storage/tsdb/point-batch.ts";
import { releaseBatch } from "../../storage/tsdb/release-memory.ts";
import { parseLineProtocol, type Precision } from "../lineprotocol/parse.ts";
import { ApiError, internal, tooLarge, unavailable } from "../errors.ts";
import { retentionCutoffMs } from "../retention.ts";
import { applyAutoPrecision } from "./auto-precision.ts";
import { enforceWriteSchema, type WriteSchema } from "./explicit-schema.ts";
import { receiveTime } from "./receive-time.ts";

/** How many rejected lines an error message lists (the spec's "up to 100 rejected points"). */
const MAX_LISTED = 100;

export interface WriteRequest {
  bucket: Bucket;
  body: Uint8Array;
  precision: Precision;
  sync: boolean;
  maxBodyBytes: number;
  /** InfluxDB 3's precision=auto: the unit is guessed per timestamp (`precision` must be "ns"). */
  autoPrecision?: boolean;
  /** Write nothing when any line is rejected (InfluxDB 3's accept_partial=false). */
  atomic?: boolean;
  /** What an explicit-schema bucket accepts (`loadWriteSchema`); required for those buckets. */
  schema?: WriteSchema;
}

export interface WriteResult {
  written: number;
  rejected: RejectedLine[];
}

/**
 * Parses and stores one write request. Valid lines are written even when others are rejected
 * (DECISIONS.md #1); the caller turns the rejections into the protocol's answer.
 */
export async function writePoints(engine: Engine, req: WriteRequest): Promise<WriteResult> {
  const batch = parseLineProtocol(req.body, { precision: req.precision, ...receiveTime() });
  try {
    return await store(engine, req, batch);
  } finally {
    // Once the write has settled nothing reads the parsed columns: the engine copied what it kept
    // into the WAL record and the buffer. Freed now, not at the next collection (issue #5).
    releaseBatch(batch);
  }
}

async function store(engine: Engine, req: WriteRequest, parsed: PointBatch): Promise<WriteResult> {
  let batch = parsed;
  if (req.autoPrecision) applyAutoPrecision(batch);
  if (req.bucket.schemaType === "explicit") {
    // Fail closed: a caller that forgot to load the schema must not write unchecked data.
    if (req.schema === undefined) throw internal("explicit bucket schema not loaded for the write");
    batch = enforceWriteSchema(batch, req.schema);
  }
  if (req.atomic && batch.rejected.length > 0) return { written: 0, rejected: batch.rejected };
  const minTimeMs = retentionCutoffMs(req.bucket, Date.now());
  let written = 0;
  let rejectedByEngine: RejectedLine[] = [];
  if (batch.pointCount > 0) {
    try {
      const out = await engine.write(req.bucket.id, batch, { sync: req.sync, minTimeMs, atomic: req.atomic });
      written = out.written;
      rejectedByEngine = out.rejected;
    } catch (e) {
      if (e instanceof EngineBusyError) throw unavailable(e.message, e.retryAfterSeconds);
      throw e;
    }
  }
  const rejected = mergeByLine(batch.rejected, rejectedByEngine);
  const allOutsideRetention = written === 0 && rejected.length > 0 && rejected.every((r) => r.message === OUTSIDE_RETENTION_MESSAGE);
  if (allOutsideRetention) {
    // The spec's 413 for a batch whose every point is outside the retention window.
    throw tooLarge(req.maxBodyBytes, "all points are outside the bucket's retention period; no data written");
  }
  return { written, rejected };
}

function mergeByLine(a: RejectedLine[], b: RejectedLine[]): RejectedLine[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  return [...a, ...b].sort((x, y) => x.line - y.line);
}

/** DECISIONS.md #1: the 400 LineProtocolError for a write with rejected lines. */
export function rejectionError(result: WriteResult): ApiError {
  const first = result.rejected[0];
  const head = result.written > 0 ? "partial write has occurred" : "no data written";
  const listed = result.rejected.slice(0, MAX_LISTED).map((r) => `line ${r.line}: ${r.message}`);
  const more = result.rejected.length > MAX_LISTED ? `\n(and ${result.rejected.length - MAX_LISTED} more)` : "";
  return new ApiError("invalid", `${head}, errors encountered on line(s):\n${listed.join("\n")}${more}`, {
    details: { line: first.line, op: "writing points", err: first.message },
  });
}
