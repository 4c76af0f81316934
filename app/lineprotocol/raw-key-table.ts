/**
 * Maps raw key bytes, exactly as they appear in the request, to a small integer, so a key seen
 * before costs a hash and a byte compare instead of unescaping and building a string. Open
 * addressing over an Int32Array; the bytes live in one growing pool.
 */

import { bytesEqual, viewOf } from "./bytes-equal.ts";

/**
 * Callers hash a key while scanning it, a byte or a 4-byte word at a time:
 * `h = Math.imul(h ^ x, HASH_PRIME)`, starting from HASH_SEED. That is weak in the low bits for
 * words, so the table mixes the final value (murmur3's finaliser) before choosing a slot.
 */
export const HASH_SEED = 0x811c9dc5 | 0;
export const HASH_PRIME = 16777619;

function slotHash(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class RawKeyTable {
  /** Raw key bytes of all entries, back to back; read directly by the parser's compare loops. */
  pool = new Uint8Array(1 << 16);
  poolView = viewOf(this.pool);
  entryOffset = new Int32Array(256);
  entryLength = new Int32Array(256);
  entryValue = new Int32Array(256);
  /** Per entry, the entry that came right after it last time: callers' guess for what comes next. */
  entryFollower = new Int32Array(256).fill(-1);
  private entryHash = new Int32Array(256);
  private slots = new Int32Array(512);
  private poolUsed = 0;
  private count = 0;

  get poolBytes(): number {
    return this.poolUsed;
  }

  /** Entry index of bytes[start, end) (`view` over `bytes`) with hash `hash`, or -1. */
  find(bytes: Uint8Array, view: DataView, start: number, end: number, hash: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    const len = end - start;
    for (let s = slotHash(hash) & mask; ; s = (s + 1) & mask) {
      const e = slots[s] - 1;
      if (e < 0) return -1;
      if (this.entryHash[e] !== hash || this.entryLength[e] !== len) continue;
      if (bytesEqual(this.pool, this.poolView, this.entryOffset[e], bytes, view, start, len)) return e;
    }
  }

  /** Adds bytes[start, end) (not already present) and returns its entry index. */
  add(bytes: Uint8Array, start: number, end: number, hash: number, value: number): number {
    const len = end - start;
    if (this.poolUsed + len > this.pool.length) {
      const pool = new Uint8Array(Math.max(this.pool.length * 2, this.poolUsed + len));
      pool.set(this.pool.subarray(0, this.poolUsed));
      this.pool = pool;
      this.poolView = viewOf(pool);
    }
    if (this.count === this.entryOffset.length) this.growEntries();
    if ((this.count + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);

    const e = this.count++;
    this.pool.set(bytes.subarray(start, end), this.poolUsed);
    this.entryOffset[e] = this.poolUsed;
    this.entryLength[e] = len;
    this.entryHash[e] = hash;
    this.entryValue[e] = value;
    this.poolUsed += len;
    this.insertSlot(e, hash);
    return e;
  }

  private insertSlot(e: number, hash: number): void {
    const mask = this.slots.length - 1;
    let s = slotHash(hash) & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = e + 1;
  }

  private growEntries(): void {
    const n = this.entryOffset.length * 2;
    const grow = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.entryOffset = grow(this.entryOffset);
    this.entryLength = grow(this.entryLength);
    this.entryValue = grow(this.entryValue);
    this.entryHash = grow(this.entryHash);
    const follower = new Int32Array(n).fill(-1);
    follower.set(this.entryFollower);
    this.entryFollower = follower;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let e = 0; e < this.count; e++) this.insertSlot(e, this.entryHash[e]);
  }
}
