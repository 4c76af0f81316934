/**
 * Line protocol → columnar PointBatch, in one pass over the bytes.
 *
 * Accept/reject decisions and error wording follow InfluxDB 1.6.7 (see
 * tests/lineprotocol/fixtures/influxdb-1.6.7-lines.json); where strata deliberately differs
 * (CRLF, unsigned integers, invalid UTF-8, a newline always ending a line outside a string) the
 * fixture says so.
 *
 * Speed comes from not building strings for what was seen before: a line's raw measurement+tags
 * bytes are hashed while looking for their end and matched against the raw spellings of known
 * series; field keys are first compared against the key at the same position on the previous
 * line. Both caches live across requests. Plain decimal numbers are converted inline; anything
 * unusual goes to the exact general scanners.
 */
import { fieldTypeConflictMessage } from "../../storage/tsdb/index/field-registry.ts";
import { FieldType, type PointBatch } from "../../storage/tsdb/point-batch.ts";
import { BatchBuilder } from "./batch-builder.ts";
import { bytesEqual, viewOf } from "./bytes-equal.ts";
import { FieldKeyInterner } from "./field-key-interner.ts";
import { type Precision, truncateNow } from "./precision.ts";
import { HASH_PRIME, HASH_SEED } from "./raw-key-table.ts";
import {
  MAX_KEY_LENGTH,
  maxKeyLengthExceeded,
  parseError,
  Reason,
  timeFieldMessage,
  timeTagMessage,
} from "./reasons.ts";
import { FieldValueScanner } from "./scan-field-value.ts";
import { writeSafeInteger } from "./scan-integer.ts";
import { SeriesKeyScan } from "./scan-series-key.ts";
import { TimestampScanner } from "./scan-timestamp.ts";
import { SeriesInterner } from "./series-interner.ts";
import { decodeUtf8, releaseDecodeSource } from "./utf8.ts";

export type { Precision } from "./precision.ts";
export { parsePrecision } from "./precision.ts";

export interface ParseOptions {
  precision: Precision;
  /** Receive time for lines without a timestamp: integer milliseconds since the epoch ... */
  nowMs: number;
  /** ... and nanoseconds within that millisecond, 0..999999. */
  nowNs: number;
}

const NEWLINE = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const NUL = 0;
const HASH = 35;
const COMMA = 44;
const EQUALS = 61;
const BACKSLASH = 92;
const MINUS = 45;
const DOT = 46;

/**
 * Caches are dropped (between requests) past these sizes: a cached series costs about 1.6 KB
 * (its SeriesDef strings included), so this bounds them to roughly 200 MB under high cardinality.
 */
const MAX_CACHED_SERIES = 1 << 17;
const MAX_CACHED_KEY_BYTES = 64 << 20;
const MAX_CACHED_FIELD_KEYS = 1 << 16;
/** Batch and line serials stamp int32 arrays; everything restarts before they reach this. */
const MAX_STAMP = 0x7fffffff;
/** Field positions per line whose key is predicted from the previous line. */
const LAYOUT_SLOTS = 64;

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

class LineProtocolParser {
  private series = new SeriesInterner();
  private fieldKeys = new FieldKeyInterner();
  private readonly keyScan = new SeriesKeyScan();
  private readonly values = new FieldValueScanner();
  private readonly time = new TimestampScanner();
  /** Raw field-key entry seen at each field position of the previous line: the next line's guess. */
  private readonly layout = new Int32Array(LAYOUT_SLOTS).fill(-1);
  /** Raw series entry of the previous line, -1 at first. */
  private lastSeriesEntry = -1;
  private batchSerial = 0;
  private lineSerial = 0;

  // State of the request and line being parsed.
  private view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));
  /** End of the line's content: its `\n` (or `\r\n`, or the end of the body). */
  private lineEnd = 0;
  /** Index of the line's `\n`, or the body length. */
  private newline = 0;
  /** Newlines inside string values of this line. */
  private extraLines = 0;
  private reason = "";
  /** The reason is a whole message, not worded as a syntax error. */
  private reasonIsMessage = false;

  parse(body: Uint8Array, opts: ParseOptions): PointBatch {
    this.dropOversizedCaches(body.length);
    const batchId = ++this.batchSerial;
    const [nowMs, nowNs] = truncateNow(opts.nowMs, opts.nowNs, opts.precision);
    const n = body.length;
    this.view = viewOf(body);
    const b = new BatchBuilder((n >> 8) + 16, (n >> 5) + 16);
    let pos = 0;
    let line = 1;
    while (pos < n) {
      let nl = body.indexOf(NEWLINE, pos);
      if (nl < 0) nl = n;
      const lineEnd = nl > pos && body[nl - 1] === CR ? nl - 1 : nl;
      let start = pos;
      while (start < lineEnd) {
        const c = body[start];
        if (c !== SPACE && c !== TAB && c !== NUL) break;
        start++;
      }
      if (start < lineEnd && body[start] !== HASH) {
        b.lineCount++;
        this.lineEnd = lineEnd;
        this.newline = nl;
        this.extraLines = 0;
        const fields = b.fieldCount;
        const strings = b.strings.length;
        if (!this.parseLine(body, start, line, b, batchId, nowMs, nowNs, opts.precision)) {
          b.fieldCount = fields;
          b.strings.length = strings;
          const message = this.reasonIsMessage
            ? this.reason
            : parseError(decodeUtf8(body, start, this.lineEnd), this.reason);
          b.rejected.push({ line, message });
        }
        nl = this.newline;
        line += this.extraLines;
      }
      pos = nl + 1;
      line++;
    }
    releaseDecodeSource();
    return b.finish();
  }

  /** Bounds cache memory, and restarts the int32 stamps long before they could wrap. */
  private dropOversizedCaches(bodyLength: number): void {
    const stampsExhausted = this.batchSerial >= MAX_STAMP || this.lineSerial >= MAX_STAMP - bodyLength;
    if (stampsExhausted || this.series.size > MAX_CACHED_SERIES || this.series.raw.poolBytes > MAX_CACHED_KEY_BYTES) {
      this.series = new SeriesInterner();
      this.lastSeriesEntry = -1;
    }
    if (
      stampsExhausted ||
      this.fieldKeys.size > MAX_CACHED_FIELD_KEYS ||
      this.fieldKeys.raw.poolBytes > MAX_CACHED_KEY_BYTES
    ) {
      this.fieldKeys = new FieldKeyInterner();
      this.layout.fill(-1);
    }
    if (stampsExhausted) {
      this.batchSerial = 0;
      this.lineSerial = 0;
    }
  }

  private fail(reason: string): false {
    this.reason = reason;
    this.reasonIsMessage = false;
    return false;
  }

  private failWithMessage(message: string): false {
    this.reason = message;
    this.reasonIsMessage = true;
    return false;
  }

  /** Parses the line starting at bytes[start] (not blank, not a comment); false when rejected. */
  private parseLine(
    bytes: Uint8Array,
    start: number,
    line: number,
    b: BatchBuilder,
    batchId: number,
    nowMs: number,
    nowNs: number,
    precision: Precision,
  ): boolean {
    let lineEnd = this.lineEnd;
    const view = this.view;

    // Measurement and tags. First guess: the series that followed the previous line's series last
    // time (writers usually repeat the same order), confirmed by comparing the raw bytes.
    const seriesInterner = this.series;
    const seriesRaw = seriesInterner.raw;
    let i = -1;
    let entry = this.lastSeriesEntry >= 0 ? seriesRaw.entryFollower[this.lastSeriesEntry] : -1;
    if (entry >= 0) {
      const length = seriesRaw.entryLength[entry];
      const end = start + length;
      if (
        end < lineEnd &&
        bytes[end] === SPACE &&
        bytesEqual(seriesRaw.pool, seriesRaw.poolView, seriesRaw.entryOffset[entry], bytes, view, start, length)
      ) {
        i = end;
      }
    }
    if (i < 0) {
      // Otherwise hash up to the first unescaped space and look the bytes up: four bytes at a time
      // while a word holds no space (the SWAR zero-byte test on word ^ 0x20202020), then bytewise.
      let h = HASH_SEED;
      i = start;
      const lastWord = lineEnd - 4;
      while (i <= lastWord) {
        const w = view.getInt32(i, true);
        const x = w ^ 0x20202020;
        if (((x - 0x01010101) & ~x & 0x80808080) !== 0) break;
        h = Math.imul(h ^ w, HASH_PRIME);
        i += 4;
      }
      let prev = i > start ? bytes[i - 1] : 0;
      while (i < lineEnd) {
        const c = bytes[i];
        if (c === SPACE && prev !== BACKSLASH) break;
        h = Math.imul(h ^ c, HASH_PRIME);
        prev = c;
        i++;
      }
      entry = i < lineEnd ? seriesRaw.find(bytes, view, start, i, h) : -1;
      if (entry < 0) {
        const reason = this.keyScan.scan(bytes, start, lineEnd);
        if (reason !== undefined) return this.fail(reason);
        entry = seriesInterner.intern(bytes, start, this.keyScan, h);
        if (entry < 0) return this.fail(Reason.invalidUtf8);
      }
      if (this.lastSeriesEntry >= 0) seriesRaw.entryFollower[this.lastSeriesEntry] = entry;
    }
    this.lastSeriesEntry = entry;
    const sid = seriesRaw.entryValue[entry];
    const keyLength = i - start;

    // Fields.
    i++;
    while (i < lineEnd) {
      const c = bytes[i];
      if (c !== SPACE && c !== TAB && c !== NUL) break;
      i++;
    }
    if (i >= lineEnd) return this.fail(Reason.invalidFieldFormat);
    const p = b.pointCount;
    if (p === b.pointSeries.length) b.growPoints();
    const firstField = b.fieldCount;
    const lineId = ++this.lineSerial;
    const fk = this.fieldKeys;
    const raw = fk.raw;
    const layout = this.layout;
    let keyWithoutValue = false;
    let tooLong = -1;
    let conflictSlot = -1;
    let conflictType: number = FieldType.Float;
    for (let position = 0; ; position++) {
      const keyStart = i;
      let keyEnd = -1;
      let entry = position < LAYOUT_SLOTS ? layout[position] : -1;
      if (entry >= 0) {
        const length = raw.entryLength[entry];
        const end = keyStart + length;
        if (
          end < lineEnd &&
          bytes[end] === EQUALS &&
          bytesEqual(raw.pool, raw.poolView, raw.entryOffset[entry], bytes, view, keyStart, length)
        ) {
          keyEnd = end;
        }
      }
      if (keyEnd < 0) {
        // InfluxDB's field scanner lets a backslash escape whatever byte follows it.
        let kh = HASH_SEED;
        let j = keyStart;
        let stop = -1;
        while (j < lineEnd) {
          const c = bytes[j];
          if (c === BACKSLASH && j + 1 < lineEnd) {
            kh = Math.imul(Math.imul(kh ^ c, HASH_PRIME) ^ bytes[j + 1], HASH_PRIME);
            j += 2;
            continue;
          }
          if (c === EQUALS || c === COMMA || c === SPACE) {
            stop = c;
            break;
          }
          kh = Math.imul(kh ^ c, HASH_PRIME);
          j++;
        }
        if (stop === COMMA) {
          // `a,b=1`: decided at the end, as InfluxDB reports earlier errors on the line first.
          keyWithoutValue = true;
          i = j + 1;
          continue;
        }
        if (stop !== EQUALS) {
          keyWithoutValue = true;
          i = j;
          break;
        }
        if (j === keyStart) return this.fail(Reason.missingFieldKey);
        // `a\\=1`: InfluxDB's two field scanners disagree on where such a key ends; it refuses it.
        if (bytes[j - 1] === BACKSLASH) return this.fail(Reason.invalidFieldFormat);
        entry = raw.find(bytes, view, keyStart, j, kh);
        if (entry < 0) {
          entry = fk.intern(bytes, keyStart, j, kh);
          if (entry < 0) return this.fail(Reason.invalidUtf8);
        }
        if (position < LAYOUT_SLOTS) layout[position] = entry;
        keyEnd = j;
      }
      const fid = raw.entryValue[entry];
      if (tooLong < 0 && keyLength + 4 + (keyEnd - keyStart) > MAX_KEY_LENGTH) {
        tooLong = keyLength + 4 + (keyEnd - keyStart);
      }

      i = keyEnd + 1;
      if (i >= lineEnd || bytes[i] === COMMA || bytes[i] === SPACE) return this.fail(Reason.missingFieldValue);
      const k = b.fieldCount;
      if (k === b.fieldPoint.length) b.growFields();
      let end = this.plainNumber(bytes, i, lineEnd, b, k);
      if (end < 0) {
        end = this.values.scan(bytes, i, lineEnd, b, k);
        if (end < 0) return this.fail(this.values.error);
        if (end > lineEnd) lineEnd = this.extendLine(bytes, end);
      }
      i = end;

      if (fk.isTime[fid] === 1) {
        // InfluxDB drops a field named `time`; the point is refused below if nothing is left.
        if (b.fieldType[k] === FieldType.String) b.strings.pop();
      } else if (fk.seenInLine[fid] === lineId) {
        // A repeated field: the last value wins, unless its type differs (InfluxDB refuses that).
        let d = firstField;
        while (b.fieldKey[d] !== fid) d++;
        if (b.fieldType[d] !== b.fieldType[k]) {
          if (conflictSlot < 0) {
            conflictSlot = d;
            conflictType = b.fieldType[k];
          }
        } else if (b.fieldType[k] === FieldType.String) {
          b.strings[b.fieldValues[d]] = b.strings.pop() as string;
        } else {
          // Copied as words: a float64 copy could canonicalise int64 bits that look like a NaN.
          b.fieldWords[d * 2] = b.fieldWords[k * 2];
          b.fieldWords[d * 2 + 1] = b.fieldWords[k * 2 + 1];
        }
      } else {
        fk.seenInLine[fid] = lineId;
        b.fieldKey[k] = fid;
        b.fieldPoint[k] = p;
        b.fieldCount = k + 1;
      }

      if (i >= lineEnd) break;
      const c = bytes[i];
      if (c === COMMA) {
        i++;
        continue;
      }
      if (c === SPACE) break;
      // Only after a string: `s="a"b`. InfluxDB 1.6.7 stores a mangled value; strata refuses it.
      return this.fail(Reason.invalidFieldFormat);
    }
    if (keyWithoutValue) return this.fail(Reason.invalidFieldFormat);
    if (tooLong >= 0) return this.fail(maxKeyLengthExceeded(tooLong));

    // Optional timestamp, then nothing but spaces.
    while (i < lineEnd) {
      const c = bytes[i];
      if (c !== SPACE && c !== TAB && c !== NUL) break;
      i++;
    }
    let ms = nowMs;
    let ns = nowNs;
    if (i < lineEnd) {
      const ts = i;
      if (bytes[i] === MINUS) i++;
      while (i < lineEnd) {
        const c = bytes[i];
        if (c === SPACE) break;
        if (c < 48 || c > 57) return this.fail(Reason.badTimestamp);
        i++;
      }
      const reason = this.time.read(bytes, ts, i, precision);
      if (reason !== undefined) return this.fail(reason);
      for (; i < lineEnd; i++) if (bytes[i] !== SPACE) return this.fail(Reason.pointIsInvalid);
      ms = this.time.ms;
      ns = this.time.ns;
    }

    // What InfluxDB's shard refuses after parsing.
    if (seriesInterner.hasTimeTag[sid] === 1) {
      return this.failWithMessage(timeTagMessage(seriesInterner.defs[sid].measurement));
    }
    if (b.fieldCount === firstField) {
      return this.failWithMessage(timeFieldMessage(seriesInterner.defs[sid].measurement));
    }
    if (conflictSlot >= 0) {
      return this.failWithMessage(
        fieldTypeConflictMessage(
          fk.keys[b.fieldKey[conflictSlot]],
          seriesInterner.defs[sid].measurement,
          conflictType as FieldType,
          b.fieldType[conflictSlot] as FieldType,
        ),
      );
    }

    b.pointSeries[p] = seriesInterner.localIndex(sid, batchId, b.series);
    b.pointTimeMs[p] = ms;
    b.pointTimeNs[p] = ns;
    b.pointLine[p] = line;
    b.pointCount = p + 1;
    const fieldKey = b.fieldKey;
    for (let k = firstField; k < b.fieldCount; k++) fieldKey[k] = fk.localIndex(fieldKey[k], batchId, b.fieldKeys);
    return true;
  }

  /**
   * A plain decimal (`-?d+(.d*)?` or `-?d+i`, at most 15 digits) converted inline: with at most
   * 15 digits the mantissa is an exact double and one division by an exact power of ten rounds
   * correctly, so the result equals Go's ParseFloat. Returns the index after it, or -1 when the
   * value needs the general scanner.
   */
  private plainNumber(bytes: Uint8Array, start: number, lineEnd: number, b: BatchBuilder, k: number): number {
    let i = start;
    const negative = bytes[i] === MINUS;
    if (negative) i++;
    const digitsStart = i;
    let m = 0;
    while (i < lineEnd) {
      const d = (bytes[i] - 48) >>> 0;
      if (d > 9) break;
      m = m * 10 + d;
      i++;
    }
    let digits = i - digitsStart;
    let c = i < lineEnd ? bytes[i] : SPACE;
    if (c === DOT) {
      i++;
      const fractionStart = i;
      while (i < lineEnd) {
        const d = (bytes[i] - 48) >>> 0;
        if (d > 9) break;
        m = m * 10 + d;
        i++;
      }
      const fraction = i - fractionStart;
      digits += fraction;
      c = i < lineEnd ? bytes[i] : SPACE;
      if (digits === 0 || digits > 15 || (c !== COMMA && c !== SPACE)) return -1;
      const v = m / POW10[fraction];
      b.fieldValues[k] = negative ? -v : v;
      b.fieldType[k] = FieldType.Float;
      return i;
    }
    if (digits === 0 || digits > 15) return -1;
    if (c === COMMA || c === SPACE) {
      b.fieldValues[k] = negative ? -m : m;
      b.fieldType[k] = FieldType.Float;
      return i;
    }
    if (c !== 105 /* i */) return -1;
    i++;
    c = i < lineEnd ? bytes[i] : SPACE;
    if (c !== COMMA && c !== SPACE) return -1;
    writeSafeInteger(negative ? -m : m, b.fieldWords, k * 2);
    b.fieldType[k] = FieldType.Integer;
    return i;
  }

  /** A string value ran over newlines up to `from`: the line now ends at the next newline. */
  private extendLine(bytes: Uint8Array, from: number): number {
    for (let j = this.newline; j < from; j++) if (bytes[j] === NEWLINE) this.extraLines++;
    let nl = bytes.indexOf(NEWLINE, from);
    if (nl < 0) nl = bytes.length;
    this.newline = nl;
    this.lineEnd = nl > from && bytes[nl - 1] === CR ? nl - 1 : nl;
    return this.lineEnd;
  }
}

const shared = new LineProtocolParser();

/**
 * Parses a write request body. Bad lines are collected in `rejected` (with 1-based line numbers)
 * and never stop the lines after them; lines without a timestamp get the receive time truncated
 * to the precision, the same for the whole request.
 */
export function parseLineProtocol(body: Uint8Array, opts: ParseOptions): PointBatch {
  return shared.parse(body, opts);
}
