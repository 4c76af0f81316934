import { loadWords, peek } from "./bit-reader.ts";
import { BitWriter } from "./bit-writer.ts";
import { ByteBuffer } from "./byte-buffer.ts";
import { ByteCursor } from "./byte-cursor.ts";
import { bitWidth } from "./delta-pack.ts";
import { StringFlag, Tag, tagError } from "./tags.ts";

/**
 * String columns. The body is either plain (every value's length, then all text) or, when values
 * repeat (status names, hostnames), a dictionary (distinct values' lengths, bit-packed indices,
 * then the distinct text). Lengths count UTF-16 code units and the text is one run, so decoding
 * is one TextDecoder call and n substring slices instead of n decoder calls. Bodies of some size
 * are zstd-compressed when that is smaller.
 *
 * Layout: tag (Tag.Strings | flags); with Zstd, the body's length as a varint and the zstd frame,
 * else the body. Text is UTF-8 unless Utf16 is set: a JS string with lone surrogates cannot go
 * through UTF-8, so such blocks keep raw code units (checked on the concatenation, since slicing
 * at code-unit offsets restores surrogates that only pair up across a value boundary).
 */
const ZSTD_MIN_BODY = 64;
const ZSTD_LEVEL = 3;
const CHUNK = 8192;

const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder("utf-8", { fatal: true });
const body = new ByteBuffer();
const out = new ByteBuffer();
const bits = new BitWriter();
let ids = new Int32Array(1024);

function appendText(b: ByteBuffer, texts: string[]): number {
  const joined = texts.join("");
  if (joined.isWellFormed()) {
    b.append(textEncoder.encode(joined));
    return 0;
  }
  const units = new Uint16Array(joined.length);
  for (let i = 0; i < joined.length; i++) units[i] = joined.charCodeAt(i);
  b.append(new Uint8Array(units.buffer));
  return StringFlag.Utf16;
}

export function encodeStrings(values: string[], n: number): Uint8Array {
  if (ids.length < n) ids = new Int32Array(n);
  const index = new Map<string, number>();
  const dict: string[] = [];
  let useDict = n > 1;
  for (let i = 0; i < n && useDict; i++) {
    const s = values[i];
    let id = index.get(s);
    if (id === undefined) {
      id = dict.length;
      index.set(s, id);
      dict.push(s);
      useDict = dict.length * 2 <= n;
    }
    ids[i] = id;
  }
  body.reset();
  let flags = 0;
  let texts: string[];
  if (useDict) {
    flags |= StringFlag.Dictionary;
    body.varint(dict.length);
    for (const s of dict) body.varint(s.length);
    const width = bitWidth(dict.length - 1);
    const w = bits.reset();
    w.reserve(width * n);
    for (let i = 0; i < n; i++) w.writeUnchecked(ids[i], width);
    w.appendTo(body);
    texts = dict;
  } else {
    texts = n === values.length ? values : values.slice(0, n);
    for (const s of texts) body.varint(s.length);
  }
  flags |= appendText(body, texts);
  out.reset();
  if (body.length >= ZSTD_MIN_BODY) {
    const z = Bun.zstdCompressSync(body.bytes.subarray(0, body.length), { level: ZSTD_LEVEL });
    // The frame must also pay for the body-length varint in front of it.
    if (z.length + 4 < body.length) {
      out.u8(Tag.Strings | flags | StringFlag.Zstd);
      out.varint(body.length);
      out.append(z);
      return out.finish();
    }
  }
  out.u8(Tag.Strings | flags);
  out.append(body.bytes.subarray(0, body.length));
  return out.finish();
}

export function decodeStrings(buf: Uint8Array, n: number): string[] {
  const c = new ByteCursor(buf);
  const tag = c.u8();
  if ((tag & ~7) !== Tag.Strings) throw tagError("string", tag);
  let b = c;
  if (tag & StringFlag.Zstd) {
    const length = c.varint();
    let raw: Uint8Array;
    try {
      raw = Bun.zstdDecompressSync(buf.subarray(c.pos));
    } catch (e) {
      throw new Error(`codec: corrupt zstd string block: ${(e as Error).message}`);
    }
    if (raw.length !== length) throw new Error(`codec: zstd string block is ${raw.length} bytes, expected ${length}`);
    b = new ByteCursor(raw);
  }
  if (tag & StringFlag.Dictionary) {
    const size = b.varint();
    if (n === 0 || size < 1 || size > n) throw new Error(`codec: bad string dictionary size ${size} for ${n} values`);
    const lengths = readLengths(b, size);
    const width = bitWidth(size - 1);
    const byteLength = (width * n + 7) >>> 3;
    b.need(byteLength, "string dictionary indices");
    const words = loadWords(b.buf, b.pos, byteLength);
    b.pos += byteLength;
    const dict = sliceText(readText(b, tag), lengths, size);
    const mask = width === 32 ? -1 : (1 << width) - 1;
    const result = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const id = (peek(words, i * width) & mask) >>> 0;
      if (id >= size) throw new Error(`codec: string dictionary index ${id} out of range ${size}`);
      result[i] = dict[id];
    }
    return result;
  }
  const lengths = readLengths(b, n);
  return sliceText(readText(b, tag), lengths, n);
}

let lengthScratch = new Float64Array(1024);

function readLengths(b: ByteCursor, count: number): Float64Array {
  if (lengthScratch.length < count) lengthScratch = new Float64Array(count);
  for (let i = 0; i < count; i++) lengthScratch[i] = b.varint();
  return lengthScratch;
}

/** The rest of the body as one string. */
function readText(b: ByteCursor, tag: number): string {
  const bytes = b.bytes(b.remaining, "string text");
  if (!(tag & StringFlag.Utf16)) {
    try {
      return textDecoder.decode(bytes);
    } catch {
      throw new Error("codec: string block text is not valid UTF-8");
    }
  }
  if (bytes.length % 2 !== 0) throw new Error("codec: odd-length UTF-16 string text");
  const units = new Uint16Array(bytes.length / 2);
  new Uint8Array(units.buffer).set(bytes);
  let text = "";
  for (let i = 0; i < units.length; i += CHUNK) {
    text += String.fromCharCode.apply(null, units.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return text;
}

function sliceText(text: string, lengths: Float64Array, count: number): string[] {
  let total = 0;
  for (let i = 0; i < count; i++) total += lengths[i];
  if (total !== text.length) throw new Error(`codec: string lengths sum to ${total}, text has ${text.length}`);
  const result = new Array<string>(count);
  let at = 0;
  for (let i = 0; i < count; i++) {
    const end = at + lengths[i];
    result[i] = text.slice(at, end);
    at = end;
  }
  return result;
}
