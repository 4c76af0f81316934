import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { decodeStrings, encodeStrings } from "../../../storage/tsdb/codec/column.ts";
import { StringFlag, Tag } from "../../../storage/tsdb/codec/tags.ts";
import { expectPrefixesThrow } from "./helpers.ts";

function roundTrip(values: string[]): Uint8Array {
  const buf = encodeStrings(values, values.length);
  expect(decodeStrings(buf, values.length)).toEqual(values);
  return buf;
}

describe("string column", () => {
  test("unicode, empty and arbitrary UTF-16 strings round-trip", () => {
    const str = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 20 }),
      fc.string({ unit: "binary", maxLength: 20 }),
      fc.constantFrom("", "é", "日本語", "🙂", "\ud800", "\udc00", "a\u0000b"),
    );
    fc.assert(fc.property(fc.array(str, { maxLength: 100 }), (v) => void roundTrip(v)));
  });

  test("repeated values use a dictionary, long text is zstd-compressed", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("ok", "warn", "critical", "ünknown"), { minLength: 4, maxLength: 2000 }), (v) => {
        if (new Set(v).size * 2 <= v.length) expect(roundTrip(v)[0] & StringFlag.Dictionary).toBeTruthy();
      }),
    );
    const levels = Array.from({ length: 1000 }, (_, i) => ["ok", "warn", "critical"][(i * 7) % 3]);
    expect(roundTrip(levels).length).toBeLessThan(1000 / 4);
    const text = Array.from({ length: 1000 }, (_, i) => `request ${i} served in ${(i * 37) % 1000} ms`);
    const buf = roundTrip(text);
    expect(buf[0] & StringFlag.Zstd).toBeTruthy();
    expect(buf.length).toBeLessThan(text.join("").length / 3);
  });

  test("lone surrogates, and pairs split across values, survive", () => {
    roundTrip(["a\ud83d", "\ude42b", "\ud83d\ude42", "\udc00\ud800"]);
    expect(roundTrip(["x\ud800"])[0] & StringFlag.Utf16).toBeTruthy();
    const many = Array.from({ length: 200 }, (_, i) => `v${i}\ud800`);
    expect(roundTrip(many)[0]).toBe(Tag.Strings | StringFlag.Utf16 | StringFlag.Zstd);
  });

  test("empty block and a block of empty strings", () => {
    expect(roundTrip([]).length).toBe(1);
    roundTrip(new Array(100).fill(""));
    roundTrip([""]);
  });

  test("truncated or foreign buffers throw", () => {
    for (const values of [
      ["a", "bb", "", "日本"],
      Array.from({ length: 40 }, (_, i) => ["x", "y", "zz"][i % 3]),
      Array.from({ length: 100 }, (_, i) => `value number ${i}`),
      ["\ud800", "é"],
    ]) {
      const buf = encodeStrings(values, values.length);
      expectPrefixesThrow(buf, (b) => decodeStrings(b, values.length));
    }
    expect(() => decodeStrings(new Uint8Array([Tag.FloatsRaw]), 0)).toThrow(/codec: string block has unknown encoding tag/);
  });
});
