/**
 * The exact, general field value scanner: every number form, booleans and strings, with
 * InfluxDB 1.6.7's decision and error for each (models.scanNumber, scanBoolean, scanFields).
 * The parser's plain-number fast path hands everything unusual to this.
 */
import { FieldType } from "../../storage/tsdb/point-batch.ts";
import type { BatchBuilder } from "./batch-builder.ts";
import { unescapeStringValue } from "./escape.ts";
import { integerOutOfRange, Reason, unsignedOutOfRange } from "./reasons.ts";
import { parseIntegerWords } from "./scan-integer.ts";
import { decodeUtf8, isValidUtf8 } from "./utf8.ts";

const COMMA = 44;
const SPACE = 32;
const QUOTE = 34;
const BACKSLASH = 92;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;

function isNumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || c === DOT;
}

/** A value starting with `c` is scanned as a number (InfluxDB also sends `N`/`n` there, to refuse NaN). */
function startsNumber(c: number): boolean {
  return isNumeric(c) || c === MINUS || c === 78 || c === 110;
}

export class FieldValueScanner {
  /** Why the last call returned -1. */
  error = "";

  /**
   * Scans the value at bytes[start] (never at the line end, never `,` or ` `) into field `slot`.
   * Returns the index after the value, or -1. Strings may run past lineEnd, over newlines.
   */
  scan(bytes: Uint8Array, start: number, lineEnd: number, b: BatchBuilder, slot: number): number {
    const c = bytes[start];
    if (startsNumber(c)) return this.number(bytes, start, lineEnd, b, slot);
    if (c === QUOTE) return this.string(bytes, start, b, slot);
    return this.boolean(bytes, start, lineEnd, b, slot);
  }

  private fail(reason: string): number {
    this.error = reason;
    return -1;
  }

  private number(bytes: Uint8Array, start: number, lineEnd: number, b: BatchBuilder, slot: number): number {
    let i = start;
    if (bytes[i] === MINUS) {
      i++;
      if (i === lineEnd) return this.fail(Reason.invalidNumber);
    }
    let isInt = false;
    let isUnsigned = false;
    let decimal = false;
    let scientific = false;
    for (; i < lineEnd; i++) {
      const c = bytes[i];
      if (c === COMMA || c === SPACE) break;
      if (c === 105 /* i */ && i > start && !(isInt || isUnsigned)) {
        isInt = true;
        continue;
      }
      if (c === 117 /* u */ && i > start && !(isInt || isUnsigned)) {
        isUnsigned = true;
        continue;
      }
      if (c === DOT) {
        if (decimal) return this.fail(Reason.invalidNumber);
        decimal = true;
      }
      if (i > start && (c === 101 || c === 69) /* e E */) {
        scientific = true;
        continue;
      }
      if ((c === PLUS || c === MINUS) && (bytes[i - 1] === 101 || bytes[i - 1] === 69)) continue;
      if (!isNumeric(c)) return this.fail(Reason.invalidNumber);
    }
    if ((isInt || isUnsigned) && (decimal || scientific)) return this.fail(Reason.invalidNumber);
    // InfluxDB's digit count forgets the `u` suffix; kept so `-u` stays "invalid number" below.
    const digits = i - start - (isInt ? 1 : 0) - (decimal ? 1 : 0) - (bytes[start] === MINUS ? 1 : 0);
    if (digits === 0) return this.fail(Reason.invalidNumber);

    if (isInt || isUnsigned) {
      if (bytes[i - 1] !== (isInt ? 105 : 117)) return this.fail(Reason.invalidNumber);
      if (isUnsigned && bytes[start] === MINUS) return this.fail(Reason.invalidNumber);
      if (!parseIntegerWords(bytes, start, i - 1, isInt, b.fieldWords, slot * 2)) {
        const text = decodeUtf8(bytes, start, i - 1);
        return this.fail(isInt ? integerOutOfRange(text) : unsignedOutOfRange(text));
      }
      b.fieldType[slot] = isInt ? FieldType.Integer : FieldType.Unsigned;
      return i;
    }
    // Number() rounds correctly and accepts exactly the decimal forms left at this point, as
    // Go's ParseFloat does; both overflow to infinity where InfluxDB says "invalid float".
    const v = Number(decodeUtf8(bytes, start, i));
    if (!Number.isFinite(v)) return this.fail(Reason.invalidFloat);
    b.fieldValues[slot] = v;
    b.fieldType[slot] = FieldType.Float;
    return i;
  }

  private boolean(bytes: Uint8Array, start: number, lineEnd: number, b: BatchBuilder, slot: number): number {
    const c = bytes[start];
    const t = c === 116 || c === 84; // t T
    if (!t && c !== 102 && c !== 70) return this.fail(Reason.invalidBoolean); // f F
    let i = start + 1;
    while (i < lineEnd && bytes[i] !== COMMA && bytes[i] !== SPACE) i++;
    if (i - start > 1) {
      const word = decodeUtf8(bytes, start, i);
      const ok = t
        ? word === "true" || word === "True" || word === "TRUE"
        : word === "false" || word === "False" || word === "FALSE";
      if (!ok) return this.fail(Reason.invalidBoolean);
    }
    b.fieldValues[slot] = t ? 1 : 0;
    b.fieldType[slot] = FieldType.Boolean;
    return i;
  }

  private string(bytes: Uint8Array, start: number, b: BatchBuilder, slot: number): number {
    const end = bytes.length;
    let escaped = false;
    let high = 0;
    let i = start + 1;
    for (;;) {
      if (i >= end) return this.fail(Reason.unbalancedQuotes);
      const c = bytes[i];
      if (c === QUOTE) break;
      if (c === BACKSLASH && i + 1 < end) {
        escaped = true;
        high |= bytes[i + 1];
        i += 2;
        continue;
      }
      high |= c;
      i++;
    }
    if (high >= 0x80 && !isValidUtf8(bytes, start + 1, i)) return this.fail(Reason.invalidUtf8);
    const raw = decodeUtf8(bytes, start + 1, i);
    b.fieldValues[slot] = b.strings.length;
    b.strings.push(escaped ? unescapeStringValue(raw) : raw);
    b.fieldType[slot] = FieldType.String;
    return i + 1;
  }
}
