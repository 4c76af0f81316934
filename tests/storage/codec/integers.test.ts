import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { decodeIntegers, encodeIntegers } from "../../../storage/tsdb/codec/column.ts";
import { Tag } from "../../../storage/tsdb/codec/tags.ts";
import { expectPrefixesThrow } from "./helpers.ts";

const MIN = -(2n ** 63n);
const MAX = 2n ** 63n - 1n;

function roundTrip(values: bigint[]): Uint8Array {
  const input = BigInt64Array.from(values);
  const words = new Int32Array(input.buffer);
  const buf = encodeIntegers(words, input.length);
  const out = new BigInt64Array(input.length + 1).fill(7n);
  decodeIntegers(buf, input.length, new Int32Array(out.buffer));
  expect([...out.subarray(0, input.length)]).toEqual([...input]);
  expect(out[input.length]).toBe(7n);
  expect(buf.length).toBeLessThanOrEqual(1 + 8 * input.length);
  return buf;
}

const value = fc.oneof(
  fc.bigInt({ min: MIN, max: MAX }),
  fc.bigInt({ min: -1000n, max: 1000n }),
  fc.bigInt({ min: -(2n ** 53n), max: 2n ** 53n }),
  fc.constantFrom(MIN, MAX, 0n, -1n, 1n, MIN + 1n, MAX - 1n, 2n ** 52n - 1n, -(2n ** 52n), 2n ** 52n, 2n ** 32n, -(2n ** 32n)),
);

describe("integer column", () => {
  test("any int64 values round-trip exactly", () => {
    fc.assert(fc.property(fc.array(value, { maxLength: 300 }), (v) => void roundTrip(v)));
  });

  test("values well inside ±2^52 take the packed path", () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: -(2n ** 40n), max: 2n ** 40n }), { maxLength: 300 }), (v) => {
        expect(roundTrip(v)[0]).toBe(Tag.IntegersPacked);
      }),
    );
  });

  test("walks near the int64 limits take the exact 64-bit delta path", () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: -1000n, max: 1000n }), { minLength: 64, maxLength: 300 }), fc.boolean(), (steps, top) => {
        let v = top ? MAX - 500n : MIN + 500n;
        // Wrapping past a limit must round-trip too.
        const values = steps.map((s) => (v = BigInt.asIntN(64, v + s)));
        const buf = roundTrip(values);
        expect(buf[0]).toBe(Tag.IntegersDelta64);
        expect(buf.length).toBeLessThan(values.length * 2);
      }),
    );
  });

  test("random 64-bit values fall back to raw", () => {
    const values = Array.from({ length: 100 }, (_, i) => BigInt.asIntN(64, BigInt(i + 1) * 0x9e3779b97f4a7c15n));
    expect(roundTrip(values)[0]).toBe(Tag.IntegersRaw);
  });

  test("counters and constants are nearly free", () => {
    expect(roundTrip(Array.from({ length: 1000 }, (_, i) => 1_000_000_000_000n + BigInt(i) * 3n)).length).toBeLessThan(16);
    expect(roundTrip(new Array(1000).fill(MIN)).length).toBeLessThan(1000 / 4);
    expect(roundTrip([]).length).toBe(1);
  });

  test("truncated, extended or foreign buffers throw", () => {
    const out = new Int32Array(600);
    for (const values of [
      Array.from({ length: 300 }, (_, i) => BigInt(i * i - 5000)),
      Array.from({ length: 70 }, (_, i) => MAX - BigInt(i * 3)),
      [MIN, MAX, 0n],
    ]) {
      const buf = encodeIntegers(new Int32Array(BigInt64Array.from(values).buffer), values.length);
      expectPrefixesThrow(buf, (b) => decodeIntegers(b, values.length, out));
      expect(() => decodeIntegers(Uint8Array.from([...buf, 0]), values.length, out)).toThrow(/codec: .*trailing/);
    }
    expect(() => decodeIntegers(new Uint8Array([Tag.FloatsRaw]), 0, out)).toThrow(/codec: integer block has unknown encoding tag/);
  });
});
