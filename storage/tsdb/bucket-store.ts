import { mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { BlockChunk, type BlockDecoder, BlockPartChunk } from "./block-chunk.ts";
import type { SeriesColumns } from "./buffer/series-columns.ts";
import { firstAtOrAfter } from "./column-data.ts";
import { WriteBuffer } from "./buffer/write-buffer.ts";
import type { EngineLogger } from "./engine-logger.ts";
import { FieldRegistry } from "./index/field-registry.ts";
import { SeriesIndex } from "./index/series-index.ts";
import { FieldType, type PointBatch, type SeriesDef } from "./point-batch.ts";
import { chunksOf, type ColumnChunk, type OffsetRange, type Piece } from "./scan.ts";
import { DEFAULT_BLOCK_POINTS, SEGMENT_NAME_PATTERN } from "./segment/segment-format.ts";
import { SegmentCorruptError, SegmentReader } from "./segment/segment-reader.ts";
import { dropsMeasurement, type Tombstone, tombstoneMatchesSeries } from "./tombstone.ts";
import { TombstoneStore } from "./tombstone-store.ts";
import { offsetInWindow, windowIndexOf } from "./window.ts";

/** A segment as the bucket sees it: its reader plus the mapping of its local ids to the bucket's. */
export interface LoadedSegment {
  reader: SegmentReader;
  localSeries: Map<number, number>;
  localField: Map<string, number>;
}

export interface TimeRange {
  startMs: number;
  startNs: number;
  /** Inclusive. */
  endMs: number;
  endNs: number;
}

interface SealedBuffer {
  buffer: WriteBuffer;
  sealSeq: number;
}

/** All state of one bucket: series index, field types, write buffers, segments and deletes. */
export class BucketStore {
  readonly index = new SeriesIndex();
  readonly registry = new FieldRegistry();
  active = new WriteBuffer();
  readonly sealed: SealedBuffer[] = [];
  /** Window start ms → its segments, oldest flush first. */
  readonly segments = new Map<number, LoadedSegment[]>();
  readonly tombstones: TombstoneStore;
  valuesWritten = 0;
  /** Points older than this many ms are expired (0 = kept forever); set by the retention enforcer. */
  retentionMs = 0;
  /**
   * Changes whenever a series may have gained its first visible point or lost its last, so what is
   * derived from which series are live (meta statements) can be kept until it does. A write moves
   * it when it adds series, or, once points have been removed, when it writes a series not known
   * to be live (it may revive one); a segment moves it whenever one is added, more often than
   * needed, never less.
   */
  liveness = 0;
  private pointsRemoved = false;
  /** Ids of the series found live at `liveness` (see `recordLive`); dropped when points are removed. */
  private liveIds: Uint8Array | undefined;

  constructor(
    readonly id: string,
    readonly dir: string,
    readonly windowMs: number,
    private readonly logger: EngineLogger,
  ) {
    mkdirSync(dir, { recursive: true });
    this.tombstones = new TombstoneStore(dir);
  }

  /** Opens every segment in the bucket's directory, finishing or undoing whatever a crash interrupted. */
  loadSegments(): void {
    const names = readdirSync(this.dir);
    for (const n of names) if (n.endsWith(".tmp")) rmSync(join(this.dir, n));
    const readers: SegmentReader[] = [];
    for (const n of names) {
      if (!SEGMENT_NAME_PATTERN.test(n)) continue;
      try {
        readers.push(SegmentReader.open(join(this.dir, n)));
      } catch (e) {
        this.quarantine(join(this.dir, n), e);
      }
    }
    const superseded = new Set(readers.flatMap((r) => r.meta.supersedes));
    for (const r of readers) {
      if (superseded.has(r.name)) rmSync(r.path, { force: true });
      else this.addSegment(r);
    }
  }

  quarantine(path: string, e: unknown): void {
    this.notePointsRemoved();
    this.logger.error({ file: path, err: (e as Error).message }, "segment is corrupt; moved aside and no longer served");
    try {
      renameSync(path, `${path}.corrupt`);
    } catch {
      // Already moved by an earlier reader of the same file.
    }
    for (const [w, list] of this.segments) {
      const kept = list.filter((s) => s.reader.path !== path);
      if (kept.length !== list.length) this.segments.set(w, kept);
    }
  }

  /** Points left the bucket (delete, retention drop, quarantine): series may have died. */
  notePointsRemoved(): void {
    this.pointsRemoved = true;
    this.liveIds = undefined;
    this.liveness++;
  }

  /** The series found live as of `liveness`: later writes to only these leave `liveness` as it is. */
  recordLive(ids: Iterable<number>, liveness: number): void {
    if (liveness !== this.liveness) return;
    const live = new Uint8Array(this.index.defs.length);
    for (const id of ids) live[id] = 1;
    this.liveIds = live;
  }

  /** Whether a write of these series may make one live that was not. */
  private mayRevive(seriesIds: Int32Array): boolean {
    const live = this.liveIds;
    if (live === undefined) return true;
    for (let s = 0; s < seriesIds.length; s++) if (live[seriesIds[s]] !== 1) return true;
    return false;
  }

  addSegment(reader: SegmentReader): void {
    this.liveness++;
    const localSeries = new Map<number, number>();
    const seriesDefs: SeriesDef[] = reader.meta.series.map(([key, measurement, ...tags]) => ({ key, measurement, tags }));
    seriesDefs.forEach((def, local) => localSeries.set(this.index.idOf(def), local));
    const localField = new Map<string, number>();
    reader.meta.fields.forEach((f, local) => {
      localField.set(f, local);
      this.registry.idOf(f);
    });
    // A block that a delete removes entirely no longer fixes its field's type.
    const pending = this.tombstones.list.filter((t) => t.seq > reader.flushSeq);
    for (let b = 0; b < reader.blockCount; b++) {
      const def = seriesDefs[reader.blockSeries[b]];
      const deleted = pending.some((t) => {
        if (!tombstoneMatchesSeries(t, def)) return false;
        const r = this.tombstoneOffsets(t, reader.windowStartMs);
        return r.lo <= reader.blockMinTime[b] && r.hi >= reader.blockMaxTime[b];
      });
      if (!deleted) this.registry.define(def.measurement, reader.meta.fields[reader.blockField[b]], reader.blockType[b] as FieldType);
    }
    const list = this.segments.get(reader.windowStartMs) ?? [];
    list.push({ reader, localSeries, localField });
    list.sort((a, b) => a.reader.flushSeq - b.reader.flushSeq || a.reader.name.localeCompare(b.reader.name));
    this.segments.set(reader.windowStartMs, list);
  }

  maxFlushSeq(windowStartMs: number): number {
    const list = this.segments.get(windowStartMs);
    return list && list.length ? list[list.length - 1].reader.flushSeq : -1;
  }

  /**
   * Appends the points of a durable batch to the active buffer. During WAL replay, `seq` lets points
   * whose window was already flushed past it be skipped.
   */
  apply(batch: PointBatch, seq: number, replay: boolean): void {
    const buffer = this.active;
    const windowMs = this.windowMs;
    const knownSeries = this.index.defs.length;
    const seriesIds = new Int32Array(batch.series.length);
    for (let s = 0; s < batch.series.length; s++) seriesIds[s] = this.index.idOf(batch.series[s]);
    if (this.index.defs.length !== knownSeries || (this.pointsRemoved && this.mayRevive(seriesIds))) this.liveness++;
    const fieldIds = new Int32Array(batch.fieldKeys.length);
    for (let k = 0; k < batch.fieldKeys.length; k++) fieldIds[k] = this.registry.idOf(batch.fieldKeys[k]);

    let lastPoint = -1;
    let skip = false;
    let slot = 0;
    let columns: SeriesColumns | undefined;
    let values = 0;
    for (let f = 0; f < batch.fieldCount; f++) {
      const p = batch.fieldPoint[f];
      if (p !== lastPoint) {
        lastPoint = p;
        const ms = batch.pointTimeMs[p];
        const windowStartMs = windowIndexOf(ms, windowMs) * windowMs;
        skip = replay && this.maxFlushSeq(windowStartMs) >= seq;
        if (skip) continue;
        const sid = seriesIds[batch.pointSeries[p]];
        if (columns?.seriesId !== sid || columns.windowStartMs !== windowStartMs) columns = buffer.series(windowStartMs, sid);
        slot = columns.addPoint(offsetInWindow(ms, batch.pointTimeNs[p], windowStartMs));
        buffer.points++;
      } else if (skip) continue;
      const type = batch.fieldType[f] as FieldType;
      if (replay) this.registry.define(batch.series[batch.pointSeries[p]].measurement, batch.fieldKeys[batch.fieldKey[f]], type);
      const str = type === FieldType.String ? batch.strings[batch.fieldValues[f]] : undefined;
      columns!.setValue(fieldIds[batch.fieldKey[f]], type, slot, batch.fieldWords[2 * f], batch.fieldWords[2 * f + 1], str);
      values++;
    }
    this.valuesWritten += values;
  }

  /** Applies a delete to the in-memory state: buffers lose the points, a dropped measurement its field types. */
  applyDelete(t: Tombstone): void {
    this.notePointsRemoved();
    this.purgeBuffers(t);
    if (dropsMeasurement(t)) this.registry.forget(t.measurement);
  }

  /** Removes the points a delete matches from every buffer (segments are filtered by the tombstone). */
  private purgeBuffers(t: Tombstone): void {
    const buffers = [this.active, ...this.sealed.map((s) => s.buffer)];
    for (const buffer of buffers) {
      for (const [windowStartMs, seriesMap] of buffer.windows) {
        const { lo, hi } = this.tombstoneOffsets(t, windowStartMs);
        if (hi < 0 || lo >= this.windowMs * 1e6) continue;
        for (const [sid, sc] of seriesMap) {
          if (tombstoneMatchesSeries(t, this.index.defs[sid])) sc.remove((time) => time >= lo && time <= hi);
        }
      }
    }
  }

  tombstoneOffsets(t: Tombstone, windowStartMs: number): OffsetRange {
    return { lo: offsetInWindow(t.startMs, t.startNs, windowStartMs), hi: offsetInWindow(t.endMs, t.endNs, windowStartMs) };
  }

  /** Windows holding any data, ascending. */
  windows(): number[] {
    const set = new Set<number>(this.segments.keys());
    for (const b of [this.active, ...this.sealed.map((s) => s.buffer)]) for (const w of b.windows.keys()) set.add(w);
    return [...set].sort((a, b) => a - b);
  }

  /**
   * Whether (series, field) has a point in one window, from block counts alone, without building
   * its pieces; undefined when a delete matches the series (its pieces tell which points it hides).
   */
  hasPoint(windowStartMs: number, seriesId: number, field: string): boolean | undefined {
    if (this.deleteMatches(seriesId)) return undefined;
    for (const seg of this.segments.get(windowStartMs) ?? []) {
      const local = seg.localSeries.get(seriesId);
      const localField = seg.localField.get(field);
      if (local === undefined || localField === undefined) continue;
      const blocks = seg.reader.blocksOf(local, localField);
      if (blocks === undefined) continue;
      for (let b = blocks[0]; b < blocks[1]; b++) if (seg.reader.blockCountOf[b] > 0) return true;
    }
    const fieldId = this.registry.lookupId(field);
    if (fieldId === undefined) return false;
    if (bufferHolds(this.active, windowStartMs, seriesId, fieldId)) return true;
    return this.sealed.some((s) => bufferHolds(s.buffer, windowStartMs, seriesId, fieldId));
  }

  /** Every piece of one (series, field) in one window: segment blocks, then sealed and active buffers. */
  pieces(windowStartMs: number, seriesId: number, field: string): Piece[] {
    const pieces: Piece[] = [];
    const def = this.index.defs[seriesId];
    const tombstones = this.tombstones.list.filter((t) => tombstoneMatchesSeries(t, def));
    let rank = 0;
    for (const seg of this.segments.get(windowStartMs) ?? []) {
      rank++;
      const local = seg.localSeries.get(seriesId);
      const localField = seg.localField.get(field);
      if (local === undefined || localField === undefined) continue;
      const range = seg.reader.blocksOf(local, localField);
      if (!range) continue;
      const deleted = tombstones
        .filter((t) => t.seq > seg.reader.flushSeq)
        .map((t): [number, number] => {
          const r = this.tombstoneOffsets(t, windowStartMs);
          return [r.lo, r.hi];
        });
      const reader = seg.reader;
      for (let b = range[0]; b < range[1]; b++) {
        pieces.push({
          rank,
          minTime: reader.blockMinTime[b],
          maxTime: reader.blockMaxTime[b],
          count: reader.blockCountOf[b],
          stats: reader.stats(b),
          decode: (scratch) => this.decodeBlock(reader, b, scratch),
          deleted,
        });
      }
    }
    const fieldId = this.registry.lookupId(field);
    if (fieldId === undefined) return pieces;
    for (const buffer of [...this.sealed.map((s) => s.buffer), this.active]) {
      rank++;
      const data = buffer.lookup(windowStartMs, seriesId)?.read(fieldId);
      if (!data || data.n === 0) continue;
      pieces.push({ rank, minTime: data.times[0], maxTime: data.times[data.n - 1], count: data.n, stats: undefined, decode: () => data, deleted: [] });
    }
    return pieces;
  }

  /** Whether any point of the series is still visible (not deleted, not expired). */
  seriesHasData(seriesId: number): boolean {
    const all: TimeRange = { startMs: -9.2e15, startNs: 0, endMs: 9.2e15, endNs: 0 };
    const measurement = this.index.defs[seriesId].measurement;
    for (const field of this.registry.fieldsOf(measurement).keys()) {
      if (this.scanColumn(seriesId, field, all).length > 0) return true;
    }
    return false;
  }

  /** The column of (series, field) over a time range, as non-overlapping chunks in time order. */
  scanColumn(seriesId: number, field: string, requested: TimeRange): ColumnChunk[] {
    const range = this.retentionMs > 0 ? clampStart(requested, Date.now() - this.retentionMs) : requested;
    const out: ColumnChunk[] = [];
    const first = windowIndexOf(range.startMs, this.windowMs) * this.windowMs;
    const last = windowIndexOf(range.endMs, this.windowMs) * this.windowMs;
    for (const w of this.windowsBetween(first, last)) {
      const lo = Math.max(0, offsetInWindow(range.startMs, range.startNs, w));
      const hi = Math.min(this.windowMs * 1e6 - 1, offsetInWindow(range.endMs, range.endNs, w));
      const chunks = this.blockChunks(w, seriesId, field, { lo, hi }) ?? chunksOf(w, this.pieces(w, seriesId, field), { lo, hi });
      for (const c of chunks) out.push(c);
    }
    return out;
  }

  /** `windows()` within [first, last], without building a set (queries ask for this per column). */
  private windowsBetween(first: number, last: number): number[] {
    const out: number[] = [];
    for (const w of this.segments.keys()) if (w >= first && w <= last) out.push(w);
    const buffers = this.sealed.length === 0 ? [this.active] : [this.active, ...this.sealed.map((s) => s.buffer)];
    for (const b of buffers) for (const w of b.windows.keys()) if (w >= first && w <= last && !out.includes(w)) out.push(w);
    if (out.length > 1) out.sort((a, b) => a - b);
    return out;
  }

  /**
   * The chunks `chunksOf(pieces(...))` gives, in its common case, without the intermediate pieces:
   * only segment blocks, in time order without overlaps, and no delete matching the series.
   * Undefined when the case does not apply.
   */
  private blockChunks(windowStartMs: number, seriesId: number, field: string, range: OffsetRange): ColumnChunk[] | undefined {
    if (this.deleteMatches(seriesId)) return undefined;
    const fieldId = this.registry.lookupId(field);
    if (fieldId !== undefined) {
      if (bufferHolds(this.active, windowStartMs, seriesId, fieldId)) return undefined;
      for (const s of this.sealed) if (bufferHolds(s.buffer, windowStartMs, seriesId, fieldId)) return undefined;
    }
    const out: ColumnChunk[] = [];
    let prevMax = -Infinity;
    for (const seg of this.segments.get(windowStartMs) ?? []) {
      const local = seg.localSeries.get(seriesId);
      const localField = seg.localField.get(field);
      if (local === undefined || localField === undefined) continue;
      const blocks = seg.reader.blocksOf(local, localField);
      if (!blocks) continue;
      const reader = seg.reader;
      for (let b = blocks[0]; b < blocks[1]; b++) {
        const count = reader.blockCountOf[b];
        const minTime = reader.blockMinTime[b];
        const maxTime = reader.blockMaxTime[b];
        if (count === 0 || maxTime < range.lo || minTime > range.hi) continue;
        if (minTime <= prevMax) return undefined;
        prevMax = maxTime;
        if (minTime >= range.lo && maxTime <= range.hi) {
          out.push(new BlockChunk(windowStartMs, count, minTime, maxTime, reader, b, this.decodeBlock));
          continue;
        }
        const times = this.cutScratch(count);
        this.decodeBlockTimes(reader, b, times);
        const from = firstAtOrAfter(times, count, range.lo);
        const to = firstAtOrAfter(times, count, range.hi + 1);
        if (to > from) out.push(new BlockPartChunk(windowStartMs, times[from], times[to - 1], reader, b, from, to, this.decodeBlock));
      }
    }
    return out;
  }

  private scratch: Float64Array | undefined;

  /**
   * Where the times of a block the range cuts are decoded to find the cut: decoding is
   * synchronous, so one buffer per store serves every scan (each block-sized allocation costs
   * time and hastens the next collection).
   */
  private cutScratch(n: number): Float64Array {
    if (this.scratch === undefined || this.scratch.length < n) this.scratch = new Float64Array(Math.max(n, DEFAULT_BLOCK_POINTS));
    return this.scratch;
  }

  /** Whether any delete on record matches the series (its stored blocks may then hide points). */
  private deleteMatches(seriesId: number): boolean {
    if (this.tombstones.list.length === 0) return false;
    const def = this.index.defs[seriesId];
    return this.tombstones.list.some((t) => tombstoneMatchesSeries(t, def));
  }

  /** One function for every block chunk of the bucket, so a scan allocates no closure per block. */
  private readonly decodeBlock: BlockDecoder = (reader, b, scratch) => {
    try {
      return reader.decode(b, scratch);
    } catch (e) {
      this.failedDecode(reader, e);
    }
  };

  private decodeBlockTimes(reader: SegmentReader, b: number, into: Float64Array): void {
    try {
      reader.decodeTimes(b, into);
    } catch (e) {
      this.failedDecode(reader, e);
    }
  }

  /** Quarantines a segment found corrupt; rethrows the error either way. */
  private failedDecode(reader: SegmentReader, e: unknown): never {
    if (e instanceof SegmentCorruptError) this.quarantine(reader.path, e);
    throw e;
  }
}

function bufferHolds(buffer: WriteBuffer, windowStartMs: number, seriesId: number, fieldId: number): boolean {
  const data = buffer.lookup(windowStartMs, seriesId)?.read(fieldId);
  return data !== undefined && data.n > 0;
}

/** The range with its start moved up to `minMs` if it began earlier. */
function clampStart(range: TimeRange, minMs: number): TimeRange {
  if (range.startMs >= minMs) return range;
  return { ...range, startMs: minMs, startNs: 0 };
}
