import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { decodeBooleans, encodeBooleans } from "../../../storage/tsdb/codec/column.ts";
import { Tag } from "../../../storage/tsdb/codec/tags.ts";
import { expectPrefixesThrow } from "./helpers.ts";

function roundTrip(values: boolean[]): Uint8Array {
  const input = Uint8Array.from(values, Number);
  const buf = encodeBooleans(input, input.length);
  const out = new Uint8Array(input.length + 1).fill(7);
  decodeBooleans(buf, input.length, out);
  expect([...out.subarray(0, input.length)]).toEqual([...input]);
  expect(out[input.length]).toBe(7);
  return buf;
}

describe("boolean column", () => {
  test("any booleans round-trip in one bit each", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 300 }), (v) => {
        expect(roundTrip(v).length).toBeLessThanOrEqual(2 + Math.ceil(v.length / 8));
      }),
    );
  });

  test("constant blocks take two bytes", () => {
    for (const v of [true, false]) {
      const buf = roundTrip(new Array(5000).fill(v));
      expect([...buf]).toEqual([Tag.BooleansConstant, Number(v)]);
    }
  });

  test("non-zero bytes count as true", () => {
    const buf = encodeBooleans(Uint8Array.from([0, 2, 255, 0, 1]), 5);
    const out = new Uint8Array(5);
    decodeBooleans(buf, 5, out);
    expect([...out]).toEqual([0, 1, 1, 0, 1]);
  });

  test("truncated, extended or foreign buffers throw", () => {
    const out = new Uint8Array(100);
    for (const values of [Array.from({ length: 100 }, (_, i) => i % 3 === 0), [true]]) {
      const buf = encodeBooleans(Uint8Array.from(values, Number), values.length);
      expectPrefixesThrow(buf, (b) => decodeBooleans(b, values.length, out));
      expect(() => decodeBooleans(Uint8Array.from([...buf, 0]), values.length, out)).toThrow(/codec: .*trailing/);
    }
    expect(() => decodeBooleans(Uint8Array.from([Tag.BooleansConstant, 2]), 1, out)).toThrow(/codec:/);
    expect(() => decodeBooleans(new Uint8Array([Tag.Strings]), 0, out)).toThrow(/codec: boolean block has unknown encoding tag/);
  });
});
