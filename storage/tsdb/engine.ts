import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { selectPoints } from "./batch-select.ts";
import { validateBatch } from "./batch-validation.ts";
import { WriteBuffer } from "./buffer/write-buffer.ts";
import { BucketStore, type LoadedSegment, type TimeRange } from "./bucket-store.ts";
import { compactionInputs } from "./compaction-policy.ts";
import { type EngineLogger, silentLogger } from "./engine-logger.ts";
import type { PointBatch, RejectedLine } from "./point-batch.ts";
import { releaseBatch, releaseMemory } from "./release-memory.ts";
import type { ColumnChunk } from "./scan.ts";
import { columnsFromBuffer, windowHasValues } from "./segment/columns-from-buffer.ts";
import { columnsFromSegments } from "./segment/columns-from-segments.ts";
import { DEFAULT_BLOCK_POINTS, segmentFileName } from "./segment/segment-format.ts";
import { SegmentReader } from "./segment/segment-reader.ts";
import { type SegmentColumn, writeSegment } from "./segment/segment-writer.ts";
import type { Tombstone } from "./tombstone.ts";
import { decodeWalRecord, encodeWalRecord, type WalRecord } from "./wal/wal-record.ts";
import { Wal } from "./wal/wal.ts";
import { DEFAULT_WINDOW_MS } from "./window.ts";

export interface EngineOptions {
  dataDir: string;
  windowMs?: number;
  /** Values per stored block. */
  blockPoints?: number;
  /** Buffered bytes that start a flush to segments. */
  flushBytes?: number;
  /** Buffered bytes (active + flushing) past which writes wait for a flush, and are refused after `maxWriteWaitMs`. */
  maxBufferBytes?: number;
  /** How long a write may wait for flushes to make room before it is refused (EngineBusyError). */
  maxWriteWaitMs?: number;
  /**
   * A window with at least this many segments is compacted into one once no buffered writes are
   * waiting for it; while it is still being written, runs of this many flushed segments are
   * merged (see compaction-policy.ts).
   */
  compactSegments?: number;
  /** Buffered data is flushed after this long without writes (and at the latest after 10×). */
  idleFlushMs?: number;
  logger?: EngineLogger;
}

export interface WriteOptions {
  /** Wait for fsync before resolving (the default); false accepts the loss of the last writes on a crash. */
  sync?: boolean;
  /** Points with a time (ms) before this are rejected: the bucket's retention cutoff. */
  minTimeMs?: number;
  /** Write nothing if any point is rejected. */
  atomic?: boolean;
}

export interface WriteOutcome {
  written: number;
  rejected: RejectedLine[];
}

/** A write arrived while the buffer is full and flushing cannot keep up; the client should retry. */
export class EngineBusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("the storage engine is busy flushing; retry later");
    this.name = "EngineBusyError";
  }
}

export interface EngineMetrics {
  walBytes: number;
  bufferBytes: number;
  segments: number;
  segmentBytes: number;
  compactions: number;
  flushes: number;
  pointsWritten: number;
  valuesWritten: number;
}

/**
 * strata's storage engine: WAL → in-memory columnar buffer → immutable per-window segments, with
 * compaction, deletes and retention. One engine serves all buckets; each bucket has its own
 * directory of segments, series index and field types.
 */
export class Engine {
  private readonly buckets = new Map<string, BucketStore>();
  private readonly wal: Wal;
  private readonly windowMs: number;
  private readonly blockPoints: number;
  private readonly flushBytes: number;
  private readonly maxBufferBytes: number;
  private readonly compactSegments: number;
  private readonly logger: EngineLogger;
  private nextSeq = 1;
  /** Highest seq whose effects are in the buffers; a flush seals at this point. */
  private appliedSeq = 0;
  private flushing: Promise<void> | undefined;
  private compacting: Promise<void> | undefined;
  private readonly counters = { compactions: 0, flushes: 0, pointsWritten: 0 };
  private lastWriteAt = 0;
  private lastFlushAt = Date.now();
  private idleTimer: ReturnType<typeof setInterval> | undefined;

  private constructor(private readonly opts: EngineOptions) {
    this.windowMs = opts.windowMs ?? DEFAULT_WINDOW_MS;
    this.blockPoints = opts.blockPoints ?? DEFAULT_BLOCK_POINTS;
    this.flushBytes = opts.flushBytes ?? 64 * 1024 * 1024;
    this.maxBufferBytes = opts.maxBufferBytes ?? 4 * this.flushBytes;
    this.compactSegments = opts.compactSegments ?? 4;
    this.logger = opts.logger ?? silentLogger;
    this.wal = new Wal(join(opts.dataDir, "wal"), this.logger);
  }

  static async open(opts: EngineOptions): Promise<Engine> {
    const engine = new Engine(opts);
    await engine.recover();
    engine.startIdleFlush(opts.idleFlushMs ?? 30_000);
    return engine;
  }

  private get bucketsDir(): string {
    return join(this.opts.dataDir, "buckets");
  }

  /** Quiet buffers still reach segments (and the WAL is trimmed) without waiting for the size trigger. */
  private startIdleFlush(idleMs: number): void {
    this.idleTimer = setInterval(() => {
      if (this.bufferedBytes() === 0) return;
      const now = Date.now();
      if (now - this.lastWriteAt >= idleMs || now - this.lastFlushAt >= 10 * idleMs) void this.flush();
    }, Math.max(100, Math.min(idleMs, 10_000)));
    this.idleTimer.unref();
  }

  private async recover(): Promise<void> {
    mkdirSync(this.bucketsDir, { recursive: true });
    let maxSeq = 0;
    for (const id of readdirSync(this.bucketsDir)) {
      const b = this.bucket(id);
      b.loadSegments();
      for (const list of b.segments.values()) for (const s of list) maxSeq = Math.max(maxSeq, s.reader.flushSeq, nameSeq(s.reader.name));
      for (const t of b.tombstones.list) maxSeq = Math.max(maxSeq, t.seq);
    }
    await this.wal.replay((payload) => {
      const rec = decodeWalRecord(payload);
      this.replayRecord(rec);
      maxSeq = Math.max(maxSeq, rec.seq);
      return rec.seq;
    });
    this.nextSeq = maxSeq + 1;
    this.appliedSeq = maxSeq;
    await this.wal.rotate();
  }

  private replayRecord(rec: WalRecord): void {
    if (rec.kind === "drop-bucket") {
      this.removeBucket(rec.bucketId);
      return;
    }
    const b = this.bucket(rec.bucketId);
    if (rec.kind === "write") b.apply(rec.batch, rec.seq, true);
    else {
      b.applyDelete(rec.tombstone);
      if (!b.tombstones.list.some((t) => t.seq === rec.tombstone.seq)) b.tombstones.list.push(rec.tombstone);
    }
  }

  private bucket(id: string): BucketStore {
    let b = this.buckets.get(id);
    if (!b) {
      if (!/^[0-9a-zA-Z_-]+$/.test(id)) throw new RangeError(`invalid bucket id ${JSON.stringify(id)}`);
      b = new BucketStore(id, join(this.bucketsDir, id), this.windowMs, this.logger);
      this.buckets.set(id, b);
    }
    return b;
  }

  /** The bucket's read view, or undefined when nothing was ever written to it. */
  bucketStore(id: string): BucketStore | undefined {
    return this.buckets.get(id);
  }

  private bufferedBytes(): number {
    let n = 0;
    for (const b of this.buckets.values()) {
      n += b.active.bytes;
      for (const s of b.sealed) n += s.buffer.bytes;
    }
    return n;
  }

  /**
   * Validates field types and retention, makes the accepted points durable in the WAL, then
   * makes them visible. Resolves once they are acknowledged-safe.
   */
  async write(bucketId: string, batch: PointBatch, options: WriteOptions = {}): Promise<WriteOutcome> {
    await this.waitForRoom();
    const b = this.bucket(bucketId);
    const v = validateBatch(batch, b.registry, options.minTimeMs);
    if (options.atomic && v.rejected.length > 0) return { written: 0, rejected: v.rejected };
    const accepted = v.kept === batch.pointCount ? batch : selectPoints(batch, v.keep, v.kept);
    if (accepted.pointCount === 0) return { written: 0, rejected: v.rejected };
    const seq = this.nextSeq++;
    const record = encodeWalRecord({ kind: "write", seq, bucketId, batch: accepted });
    try {
      await this.wal.append(record, seq, options.sync ?? true);
    } finally {
      // The WAL is done with the record once the append settles (written, or failed and dropped).
      releaseMemory(record);
    }
    // A bucket dropped while this write waited for the disk takes the write with it.
    if (this.buckets.get(bucketId) === b) b.apply(accepted, seq, false);
    if (accepted !== batch) releaseBatch(accepted);
    this.appliedSeq = Math.max(this.appliedSeq, seq);
    this.counters.pointsWritten += accepted.pointCount;
    this.lastWriteAt = Date.now();
    if (this.bufferedBytes() >= this.flushBytes) void this.flush();
    return { written: accepted.pointCount, rejected: v.rejected };
  }

  /**
   * Backpressure: while the buffer is full, a write waits for flushes to make room, so a burst is
   * absorbed without failing; past `maxWriteWaitMs` it is refused, so memory stays bounded.
   */
  private async waitForRoom(): Promise<void> {
    if (this.bufferedBytes() < this.maxBufferBytes) return;
    const deadline = Date.now() + (this.opts.maxWriteWaitMs ?? 10_000);
    while (this.bufferedBytes() >= this.maxBufferBytes) {
      if (Date.now() >= deadline) throw new EngineBusyError(1);
      await Promise.race([this.flush(), Bun.sleep(Math.max(1, deadline - Date.now()))]);
    }
  }

  /** Deletes the matching points written so far; later writes are not affected. */
  async delete(bucketId: string, spec: Omit<Tombstone, "seq">): Promise<void> {
    const b = this.buckets.get(bucketId);
    if (!b) return;
    const seq = this.nextSeq++;
    const tombstone: Tombstone = { ...spec, seq };
    await this.wal.append(encodeWalRecord({ kind: "delete", seq, bucketId, tombstone }), seq, true);
    await b.tombstones.save([...b.tombstones.list, tombstone]);
    b.applyDelete(tombstone);
    this.appliedSeq = Math.max(this.appliedSeq, seq);
  }

  /** Removes a bucket's data for good. */
  async dropBucket(bucketId: string): Promise<void> {
    const seq = this.nextSeq++;
    await this.wal.append(encodeWalRecord({ kind: "drop-bucket", seq, bucketId }), seq, true);
    this.removeBucket(bucketId);
    this.appliedSeq = Math.max(this.appliedSeq, seq);
  }

  private removeBucket(bucketId: string): void {
    this.buckets.delete(bucketId);
    const dir = join(this.bucketsDir, bucketId);
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }

  /** Writes every buffered point to segments, then drops the WAL files they made redundant. */
  flush(): Promise<void> {
    this.flushing ??= this.flushOnce().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async flushOnce(): Promise<void> {
    const startedAt = Date.now();
    const sealSeq = this.appliedSeq;
    const work: BucketStore[] = [];
    let sealedBytes = 0;
    for (const b of this.buckets.values()) {
      if (b.active.empty) continue;
      sealedBytes += b.active.bytes;
      b.sealed.push({ buffer: b.active, sealSeq });
      b.active = new WriteBuffer();
      work.push(b);
    }
    await this.wal.rotate();
    for (const b of work) {
      const sealed = b.sealed[b.sealed.length - 1];
      for (const [windowStartMs, window] of sealed.buffer.windows) {
        if (this.buckets.get(b.id) !== b) break;
        if (!windowHasValues(window)) continue;
        const { meta, columns } = columnsFromBuffer(window, b.index, b.registry);
        const written = await writeSegment(b.dir, segmentFileName(windowStartMs, this.nextSeq++), windowStartMs, sealSeq, meta, releasedOnceWritten(columns), this.blockPoints);
        b.addSegment(SegmentReader.open(written.path));
      }
      b.sealed.splice(b.sealed.indexOf(sealed), 1);
      // Unlisted, the sealed buffer is unreachable (reads copy what they take from a buffer).
      sealed.buffer.release();
    }
    this.wal.removeThrough(sealSeq);
    this.counters.flushes++;
    this.lastFlushAt = Date.now();
    // Flush and compaction times show where ingest memory and latency go (issue #5).
    this.logger.info({ buckets: work.length, bufferBytes: sealedBytes, ms: this.lastFlushAt - startedAt }, "buffer flushed to segments");
    void this.compact();
  }

  /** Merges the segments of every window that has accumulated enough of them. */
  compact(force = false): Promise<void> {
    this.compacting ??= this.compactOnce(force).finally(() => {
      this.compacting = undefined;
    });
    return this.compacting;
  }

  private async compactOnce(force: boolean): Promise<void> {
    for (const b of [...this.buckets.values()]) {
      for (const [windowStartMs, list] of [...b.segments]) {
        const needsDeletes = b.tombstones.list.some((t) => list.some((s) => t.seq > s.reader.flushSeq));
        const inputs = compactionInputs(list, { hot: b.active.windows.has(windowStartMs), force, needsDeletes }, this.compactSegments);
        if (inputs) await this.compactWindow(b, windowStartMs, inputs);
      }
      const segs = [...b.segments.values()].flat();
      const live = b.tombstones.list.filter((t) => segs.some((s) => s.reader.flushSeq < t.seq));
      if (live.length !== b.tombstones.list.length) await b.tombstones.save(live);
    }
  }

  private async compactWindow(b: BucketStore, windowStartMs: number, inputs: LoadedSegment[]): Promise<void> {
    const startedAt = Date.now();
    const flushSeq = Math.max(...inputs.map((s) => s.reader.flushSeq));
    const { meta, columns } = columnsFromSegments(inputs, windowStartMs, this.windowMs, b.index, b.tombstones.list);
    const written = await writeSegment(b.dir, segmentFileName(windowStartMs, this.nextSeq++), windowStartMs, flushSeq, meta, releasedOnceWritten(columns), this.blockPoints);
    if (this.buckets.get(b.id) !== b) return;
    const current = b.segments.get(windowStartMs) ?? [];
    b.segments.set(windowStartMs, current.filter((s) => !inputs.includes(s)));
    b.addSegment(SegmentReader.open(written.path));
    for (const s of inputs) rmSync(s.reader.path, { force: true });
    this.counters.compactions++;
    this.logger.info({ bucket: b.id, windowStartMs, segments: inputs.length, bytes: written.bytes, ms: Date.now() - startedAt }, "window compacted");
  }

  /**
   * Sets each bucket's retention (ms; 0 = forever) and drops the windows that ended before its
   * cutoff. Reads then also hide the expired points of the window that straddles the cutoff.
   */
  enforceRetention(retentionMsByBucket: Map<string, number>, nowMs: number): void {
    for (const [id, retentionMs] of retentionMsByBucket) {
      const b = this.buckets.get(id);
      if (!b) continue;
      b.retentionMs = retentionMs;
      if (retentionMs <= 0) continue;
      const cutoffMs = nowMs - retentionMs;
      let dropped = false;
      for (const [windowStartMs, list] of [...b.segments]) {
        if (windowStartMs + this.windowMs > cutoffMs) continue;
        b.segments.delete(windowStartMs);
        for (const s of list) rmSync(s.reader.path, { force: true });
        dropped = true;
      }
      for (const buffer of [b.active, ...b.sealed.map((s) => s.buffer)]) {
        for (const w of [...buffer.windows.keys()]) {
          if (w + this.windowMs <= cutoffMs) dropped = buffer.windows.delete(w) || dropped;
        }
      }
      if (dropped) b.notePointsRemoved();
    }
  }

  scanColumn(bucketId: string, seriesId: number, field: string, range: TimeRange): ColumnChunk[] {
    return this.buckets.get(bucketId)?.scanColumn(seriesId, field, range) ?? [];
  }

  metrics(): EngineMetrics {
    let segments = 0;
    let segmentBytes = 0;
    let valuesWritten = 0;
    for (const b of this.buckets.values()) {
      valuesWritten += b.valuesWritten;
      for (const list of b.segments.values()) {
        segments += list.length;
        for (const s of list) segmentBytes += Bun.file(s.reader.path).size;
      }
    }
    return { walBytes: this.wal.totalBytes, bufferBytes: this.bufferedBytes(), segments, segmentBytes, ...this.counters, valuesWritten };
  }

  /** Flushes the buffer so a restart has nothing to replay, and closes the WAL. */
  async close(): Promise<void> {
    clearInterval(this.idleTimer);
    await this.compacting;
    await this.flush();
    await this.compacting;
    await this.wal.close();
  }
}

/**
 * A segment's columns, each freed once the segment writer asks for the next: by then it has
 * encoded and copied it. For columns nothing else holds: a flush's (fresh copies cut out of the
 * buffer) and a compaction's (merged from freshly decoded blocks).
 */
function* releasedOnceWritten(columns: Iterable<SegmentColumn>): Generator<SegmentColumn> {
  for (const column of columns) {
    yield column;
    releaseMemory(column.data.times, column.data.values);
  }
}

function nameSeq(name: string): number {
  const m = /-(\d{16})\.seg$/.exec(name);
  return m ? Number(m[1]) : 0;
}
