import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { decodeUnsigned, encodeUnsigned } from "../../../storage/tsdb/codec/column.ts";
import { Tag } from "../../../storage/tsdb/codec/tags.ts";

const MAX = 2n ** 64n - 1n;

function roundTrip(values: bigint[]): Uint8Array {
  const input = BigUint64Array.from(values);
  const buf = encodeUnsigned(new Int32Array(input.buffer), input.length);
  const out = new BigUint64Array(input.length);
  decodeUnsigned(buf, input.length, new Int32Array(out.buffer));
  expect([...out]).toEqual([...input]);
  return buf;
}

describe("unsigned column", () => {
  test("any uint64 values round-trip exactly", () => {
    const value = fc.oneof(
      fc.bigInt({ min: 0n, max: MAX }),
      fc.bigInt({ min: 0n, max: 1000n }),
      fc.constantFrom(0n, 1n, MAX, MAX - 1n, 2n ** 63n, 2n ** 63n - 1n, 2n ** 53n, 2n ** 32n - 1n, 2n ** 32n),
    );
    fc.assert(fc.property(fc.array(value, { maxLength: 300 }), (v) => void roundTrip(v)));
  });

  test("small values pack, and so do values just below 2^64", () => {
    const small = Array.from({ length: 500 }, (_, i) => BigInt((i * 37) % 1000));
    expect(roundTrip(small)[0]).toBe(Tag.IntegersPacked);
    expect(roundTrip(small.map((v) => MAX - v))[0]).toBe(Tag.IntegersPacked);
  });

  test("a counter crossing 2^63 uses exact 64-bit deltas", () => {
    const values = Array.from({ length: 500 }, (_, i) => 2n ** 63n - 250n + BigInt(i));
    const buf = roundTrip(values);
    expect(buf[0]).toBe(Tag.IntegersDelta64);
    expect(buf.length).toBeLessThan(500);
  });
});
