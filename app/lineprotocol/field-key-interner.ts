/**
 * Interns field keys: raw key bytes → canonical field key, kept across requests like series.
 * Raw spellings that unescape to the same key (`a\"b` and `a"b`) share one id.
 */
import { unescapeName } from "./escape.ts";
import { RawKeyTable } from "./raw-key-table.ts";
import { decodeUtf8, isValidUtf8 } from "./utf8.ts";

export class FieldKeyInterner {
  readonly raw = new RawKeyTable();
  readonly keys: string[] = [];
  /** 1 for the key `time`, which InfluxDB drops from a point (and refuses when it is the only field). */
  isTime = new Uint8Array(64);
  /** Per-id scratch the parser uses to spot a key repeated within one line. */
  seenInLine = new Int32Array(64);
  private readonly byKey = new Map<string, number>();
  private stamp = new Int32Array(64);
  private local = new Int32Array(64);

  get size(): number {
    return this.keys.length;
  }

  /**
   * Remembers the raw key bytes[start, end) under `hash` and returns its raw entry (whose
   * `raw.entryValue` is the canonical id); -1 when the key is not valid UTF-8.
   */
  intern(bytes: Uint8Array, start: number, end: number, hash: number): number {
    for (let i = start; i < end; i++) {
      if (bytes[i] >= 0x80) {
        if (!isValidUtf8(bytes, start, end)) return -1;
        break;
      }
    }
    const key = unescapeName(decodeUtf8(bytes, start, end));
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.keys.push(key);
      this.byKey.set(key, id);
      if (id === this.stamp.length) this.grow();
      this.isTime[id] = key === "time" ? 1 : 0;
    }
    return this.raw.add(bytes, start, end, hash, id);
  }

  /** Index of field key `id` in the batch `batchId`, appending it to `fieldKeys` on first use. */
  localIndex(id: number, batchId: number, fieldKeys: string[]): number {
    if (this.stamp[id] !== batchId) {
      this.stamp[id] = batchId;
      this.local[id] = fieldKeys.length;
      fieldKeys.push(this.keys[id]);
    }
    return this.local[id];
  }

  private grow(): void {
    const n = this.stamp.length * 2;
    const copy = <T extends Int32Array | Uint8Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.stamp = copy(this.stamp, new Int32Array(n));
    this.local = copy(this.local, new Int32Array(n));
    this.seenInLine = copy(this.seenInLine, new Int32Array(n));
    this.isTime = copy(this.isTime, new Uint8Array(n));
  }
}
