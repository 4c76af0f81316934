/**
 * Interns series: raw key bytes → canonical series, kept across requests so a steady stream of
 * writes to known series never builds a key string. Different raw spellings of one series
 * (`m\=x` and `m=x`, `t=\=v` and `t==v`) resolve to the same canonical key and SeriesDef.
 */
import type { SeriesDef } from "../../storage/tsdb/point-batch.ts";
import { escapeMeasurementForKey, unescapeName, unescapeTag } from "./escape.ts";
import { RawKeyTable } from "./raw-key-table.ts";
import type { SeriesKeyScan } from "./scan-series-key.ts";
import { decodeUtf8, isValidUtf8 } from "./utf8.ts";

const BACKSLASH = 92;
const EQUALS = 61;

export class SeriesInterner {
  readonly raw = new RawKeyTable();
  readonly defs: SeriesDef[] = [];
  /** 1 when the series has a tag key `time`, which InfluxDB refuses at write time. */
  hasTimeTag = new Uint8Array(256);
  private readonly byKey = new Map<string, number>();
  private stamp = new Int32Array(256);
  private local = new Int32Array(256);
  /** The whole raw key as a string when it is ASCII (pieces are then substrings of it). */
  private ascii: string | undefined;
  private asciiStart = 0;

  get size(): number {
    return this.defs.length;
  }

  /**
   * Remembers the raw spelling bytes[start, scan.keyEnd) of a scanned series under `hash` and
   * returns its raw entry (whose `raw.entryValue` is the canonical id); -1 when not UTF-8.
   */
  intern(bytes: Uint8Array, start: number, scan: SeriesKeyScan, hash: number): number {
    const keyEnd = scan.keyEnd;
    let high = 0;
    let escaped = false;
    for (let i = start; i < keyEnd; i++) {
      high |= bytes[i];
      if (bytes[i] === BACKSLASH) escaped = true;
    }
    if (high >= 0x80 && !isValidUtf8(bytes, start, keyEnd)) return -1;
    this.ascii = high < 0x80 ? decodeUtf8(bytes, start, keyEnd) : undefined;
    this.asciiStart = start;

    // Raw tag keys are already canonical: `,` ` ` `=` can only appear in them escaped. A raw tag
    // value may start with an unescaped `=`; anything else it holds is escaped already.
    const rawMeasurement = this.piece(bytes, start, scan.measurementEnd);
    const measurement = escaped ? unescapeName(rawMeasurement) : rawMeasurement;
    let key = escaped ? escapeMeasurementForKey(measurement) : rawMeasurement;
    const tags: string[] = [];
    let timeTag = 0;
    for (let n = 0; n < scan.tagCount; n++) {
      const t = scan.order[n] * 4;
      const rawKey = this.piece(bytes, scan.tags[t], scan.tags[t + 1]);
      const rawValue = this.piece(bytes, scan.tags[t + 2], scan.tags[t + 3]);
      const k = escaped ? unescapeTag(rawKey) : rawKey;
      tags.push(k, escaped ? unescapeTag(rawValue) : rawValue);
      key += `,${rawKey}=${bytes[scan.tags[t + 2]] === EQUALS ? "\\" : ""}${rawValue}`;
      if (k === "time") timeTag = 1;
    }
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.defs.length;
      this.defs.push({ key, measurement, tags });
      this.byKey.set(key, id);
      if (id === this.stamp.length) this.grow();
      this.hasTimeTag[id] = timeTag;
    }
    return this.raw.add(bytes, start, keyEnd, hash, id);
  }

  /** Index of series `id` in the batch `batchId`, appending it to `series` on first use. */
  localIndex(id: number, batchId: number, series: SeriesDef[]): number {
    if (this.stamp[id] !== batchId) {
      this.stamp[id] = batchId;
      this.local[id] = series.length;
      series.push(this.defs[id]);
    }
    return this.local[id];
  }

  private piece(bytes: Uint8Array, start: number, end: number): string {
    const ascii = this.ascii;
    return ascii === undefined
      ? decodeUtf8(bytes, start, end)
      : ascii.slice(start - this.asciiStart, end - this.asciiStart);
  }

  private grow(): void {
    const n = this.stamp.length * 2;
    const stamp = new Int32Array(n);
    stamp.set(this.stamp);
    this.stamp = stamp;
    const local = new Int32Array(n);
    local.set(this.local);
    this.local = local;
    const timeTag = new Uint8Array(n);
    timeTag.set(this.hasTimeTag);
    this.hasTimeTag = timeTag;
  }
}
