/**
 * First byte of every encoded column block. Values are unique across column types so a block
 * handed to the wrong decoder fails loudly instead of decoding into plausible garbage; new
 * encodings get new numbers and old numbers are never reused, so old segments stay readable.
 */
export const Tag = {
  TimestampsPacked: 0x01,
  TimestampsRaw: 0x02,
  FloatsRaw: 0x10,
  FloatsGorilla: 0x11,
  FloatsDecimal: 0x12,
  IntegersPacked: 0x20,
  IntegersDelta64: 0x21,
  IntegersRaw: 0x22,
  BooleansConstant: 0x30,
  BooleansBits: 0x31,
  /** Strings combine flags below into the low bits: 0x40 | dictionary? | zstd? | utf16?. */
  Strings: 0x40,
} as const;

export const StringFlag = {
  Dictionary: 1,
  Zstd: 2,
  /** Text stored as UTF-16 code units, for strings with lone surrogates that UTF-8 cannot carry. */
  Utf16: 4,
} as const;

export function tagError(what: string, tag: number): Error {
  return new Error(`codec: ${what} block has unknown encoding tag 0x${tag.toString(16).padStart(2, "0")}`);
}
