/**
 * The full scan of a line's measurement and tag set, with InfluxDB 1.6.7's error for each way it
 * can be malformed (models.scanKey). The parser runs it only for raw keys it has not seen yet.
 *
 * A byte preceded by a backslash is escaped, whatever that backslash itself is (InfluxDB's rule
 * for keys), so the key ends at the first space not preceded by a backslash.
 */
import { MAX_KEY_LENGTH, maxKeyLengthExceeded, Reason } from "./reasons.ts";

const COMMA = 44;
const SPACE = 32;
const EQUALS = 61;
const BACKSLASH = 92;

export class SeriesKeyScan {
  /** End of the measurement (the comma or space after it). */
  measurementEnd = 0;
  /** End of the key: the space before the fields. */
  keyEnd = 0;
  tagCount = 0;
  /** Per tag: key start, key end, value start, value end. */
  tags = new Int32Array(64);
  /** Tag indexes sorted by raw key bytes (InfluxDB's order; raw tag keys are canonical). */
  order = new Int32Array(16);

  /** Scans bytes[start, lineEnd); returns undefined when the key is valid, else the reason. */
  scan(bytes: Uint8Array, start: number, lineEnd: number): string | undefined {
    this.tagCount = 0;
    if (bytes[start] === COMMA) return Reason.missingMeasurement;
    let i = start;
    for (;;) {
      i++;
      if (i >= lineEnd) return Reason.missingFields;
      if (bytes[i - 1] === BACKSLASH) continue;
      const c = bytes[i];
      if (c === COMMA || c === SPACE) break;
    }
    this.measurementEnd = i;
    while (bytes[i] === COMMA) {
      i++;
      const keyStart = i;
      let c = i < lineEnd ? bytes[i] : -1;
      if (c === -1 || c === SPACE || c === COMMA || c === EQUALS) return Reason.missingTagKey;
      for (;;) {
        i++;
        if (i >= lineEnd) return Reason.missingTagValue;
        c = bytes[i];
        const escaped = bytes[i - 1] === BACKSLASH;
        if ((c === SPACE || c === COMMA) && !escaped) return Reason.missingTagValue;
        if (c === EQUALS && !escaped) break;
      }
      const keyEnd = i;
      i++;
      const valueStart = i;
      c = i < lineEnd ? bytes[i] : -1;
      if (c === -1 || c === COMMA || c === SPACE) return Reason.missingTagValue;
      for (;;) {
        i++;
        if (i >= lineEnd) return Reason.missingFields;
        if (bytes[i - 1] === BACKSLASH) continue;
        c = bytes[i];
        if (c === EQUALS) return Reason.invalidTagFormat;
        if (c === COMMA || c === SPACE) break;
      }
      this.pushTag(keyStart, keyEnd, valueStart, i);
    }
    this.keyEnd = i;
    if (this.sortTagsFindsDuplicate(bytes)) return Reason.duplicateTags;
    if (i - start > MAX_KEY_LENGTH) return maxKeyLengthExceeded(i - start);
    return undefined;
  }

  private pushTag(keyStart: number, keyEnd: number, valueStart: number, valueEnd: number): void {
    const n = this.tagCount++;
    if (n * 4 + 4 > this.tags.length) {
      const tags = new Int32Array(this.tags.length * 2);
      tags.set(this.tags);
      this.tags = tags;
      this.order = new Int32Array(this.tags.length / 4);
    }
    const t = this.tags;
    t[n * 4] = keyStart;
    t[n * 4 + 1] = keyEnd;
    t[n * 4 + 2] = valueStart;
    t[n * 4 + 3] = valueEnd;
  }

  private sortTagsFindsDuplicate(bytes: Uint8Array): boolean {
    const order = this.order;
    const n = this.tagCount;
    for (let a = 0; a < n; a++) {
      order[a] = a;
      for (let b = a; b > 0; b--) {
        const cmp = this.compareKeys(bytes, order[b], order[b - 1]);
        if (cmp === 0) return true;
        if (cmp > 0) break;
        const t = order[b];
        order[b] = order[b - 1];
        order[b - 1] = t;
      }
    }
    return false;
  }

  private compareKeys(bytes: Uint8Array, a: number, b: number): number {
    const t = this.tags;
    let i = t[a * 4];
    const iEnd = t[a * 4 + 1];
    let j = t[b * 4];
    const jEnd = t[b * 4 + 1];
    for (; i < iEnd && j < jEnd; i++, j++) {
      if (bytes[i] !== bytes[j]) return bytes[i] - bytes[j];
    }
    return iEnd - i - (jEnd - j);
  }
}
