import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { ByteBuffer } from "../../../storage/tsdb/codec/byte-buffer.ts";
import { ByteCursor } from "../../../storage/tsdb/codec/byte-cursor.ts";
import { readGorilla, writeGorilla } from "../../../storage/tsdb/codec/gorilla.ts";
import { expectSameBits } from "./helpers.ts";

function roundTrip(input: Float64Array): Uint8Array {
  const b = new ByteBuffer();
  expect(writeGorilla(b, input, input.length, Infinity)).toBe(true);
  const bytes = b.finish();
  const c = new ByteCursor(bytes);
  const out = new Float64Array(input.length);
  readGorilla(c, input.length, out);
  expectSameBits(out, input);
  return bytes;
}

const EDGES = [0, -0, 1, -1, Number.MIN_VALUE, -Number.MIN_VALUE, 2.2250738585072014e-308, Number.MAX_VALUE, -Number.MAX_VALUE, 0.1, 2 ** 53, Math.PI];

describe("gorilla floats", () => {
  test("any doubles round-trip bit for bit, including -0 and denormals", () => {
    const value = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(...EDGES));
    fc.assert(fc.property(fc.array(value, { maxLength: 200 }), (v) => void roundTrip(Float64Array.from(v))));
  });

  test("any 64-bit patterns round-trip, NaN payloads included", () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 100 }), (words) => {
        const w = Int32Array.from(words.length % 2 ? [...words, 0] : words);
        roundTrip(new Float64Array(w.buffer));
      }),
    );
  });

  test("repeats cost one bit, slowly changing values few", () => {
    expect(roundTrip(new Float64Array(1000).fill(-0)).length).toBe(8 + Math.ceil(999 / 8));
    const ramp = Float64Array.from({ length: 1000 }, (_, i) => 1000 + i);
    expect(roundTrip(ramp).length).toBeLessThan(1000 * 3);
  });

  test("a stream over budget is abandoned without writing", () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => Math.sin(i));
    const size = roundTrip(values).length;
    const b = new ByteBuffer();
    expect(writeGorilla(b, values, 100, size - 1)).toBe(false);
    expect(b.length).toBe(0);
    expect(writeGorilla(b, values, 100, size)).toBe(true);
  });

  test("a truncated stream throws", () => {
    const bytes = roundTrip(Float64Array.from({ length: 100 }, (_, i) => Math.sin(i)));
    const out = new Float64Array(100);
    for (const len of [0, 7, 8, bytes.length - 1]) {
      expect(() => readGorilla(new ByteCursor(bytes.subarray(0, len)), 100, out)).toThrow(/codec:/);
    }
  });
});
