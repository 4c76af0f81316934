import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { decodeFloats, encodeFloats } from "../../../storage/tsdb/codec/column.ts";
import { Tag } from "../../../storage/tsdb/codec/tags.ts";
import { expectPrefixesThrow, expectSameBits } from "./helpers.ts";

function roundTrip(values: number[]): Uint8Array {
  const input = Float64Array.from(values);
  const buf = encodeFloats(input, input.length);
  const out = new Float64Array(input.length + 1).fill(7);
  decodeFloats(buf, input.length, out);
  expectSameBits(out, input);
  expect(out[input.length]).toBe(7);
  expect(buf.length).toBeLessThanOrEqual(1 + 8 * input.length);
  return buf;
}

const EDGES = [0, -0, Number.MIN_VALUE, -Number.MIN_VALUE, 2.2250738585072014e-308, Number.MAX_VALUE, -Number.MAX_VALUE, 2 ** 53, -(2 ** 63), 1e22, 1e23, 0.1, 99.99];

describe("float column", () => {
  test("any finite doubles round-trip bit for bit", () => {
    const value = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -100_000, max: 100_000 }).map((m) => m / 100),
      fc.constantFrom(...EDGES),
    );
    fc.assert(fc.property(fc.array(value, { maxLength: 300 }), (v) => void roundTrip(v)));
  });

  test("short decimals take the decimal path, unless the block holds -0", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -10_000, max: 10_000 }), { minLength: 2, maxLength: 300 }), fc.nat(), (ms, at) => {
        const values = ms.map((m) => m / 100);
        expect(roundTrip(values)[0]).toBe(values.some((v) => Object.is(v, -0)) ? Tag.FloatsGorilla : Tag.FloatsDecimal);
        values[at % values.length] = -0;
        expect(roundTrip(values)[0]).not.toBe(Tag.FloatsDecimal);
      }),
    );
  });

  test("incompressible values fall back to raw", () => {
    const values = Array.from({ length: 64 }, (_, i) => Math.sin(i * 1e6) * 1e300 * (i % 2 ? 1e-300 : 1));
    expect(roundTrip(values)[0]).toBe(Tag.FloatsRaw);
  });

  test("gorilla is kept where it beats a feasible decimal encoding", () => {
    // Runs of two levels switching off miniblock boundaries: each switch widens a whole
    // miniblock of decimal residuals, while Gorilla pays one bit per repeat.
    const values = Array.from({ length: 512 }, (_, i) => (Math.floor(i / 100) % 2 ? 91.2 : 3.7));
    expect(roundTrip(values)[0]).toBe(Tag.FloatsGorilla);
  });

  test("empty and single-value blocks", () => {
    expect(roundTrip([]).length).toBeLessThanOrEqual(2);
    expect(roundTrip([-0])[0]).not.toBe(Tag.FloatsDecimal);
    roundTrip([12.5]);
  });

  test("truncated, extended or foreign buffers throw", () => {
    const out = new Float64Array(200);
    for (const values of [
      Array.from({ length: 200 }, (_, i) => Math.round(Math.sin(i) * 1000) / 100),
      Array.from({ length: 50 }, (_, i) => Math.sin(i)),
      [Math.PI, -Math.PI],
    ]) {
      const buf = encodeFloats(Float64Array.from(values), values.length);
      expectPrefixesThrow(buf, (b) => decodeFloats(b, values.length, out));
      if (buf[0] !== Tag.FloatsGorilla) {
        expect(() => decodeFloats(Uint8Array.from([...buf, 0]), values.length, out)).toThrow(/codec: .*trailing/);
      }
    }
    expect(() => decodeFloats(new Uint8Array([Tag.TimestampsPacked]), 0, out)).toThrow(/codec: float block has unknown encoding tag 0x01/);
  });
});
