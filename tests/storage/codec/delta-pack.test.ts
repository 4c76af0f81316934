import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { ByteBuffer } from "../../../storage/tsdb/codec/byte-buffer.ts";
import { ByteCursor } from "../../../storage/tsdb/codec/byte-cursor.ts";
import { bitWidth, MINIBLOCK, readDeltaPacked, readDeltaPackedDivided, writeDeltaPacked } from "../../../storage/tsdb/codec/delta-pack.ts";
import { expectSameBits } from "./helpers.ts";

const LIMIT = 2 ** 52;

function roundTrip(values: number[]): Uint8Array | null {
  const input = Float64Array.from(values);
  const b = new ByteBuffer();
  if (!writeDeltaPacked(b, input, input.length)) {
    expect(b.length).toBe(0);
    return null;
  }
  const bytes = b.finish();
  const c = new ByteCursor(bytes);
  const out = new Float64Array(input.length);
  readDeltaPacked(c, input.length, out);
  expect(c.remaining).toBe(0);
  expect([...out]).toEqual([...input]);
  return bytes;
}

describe("delta-pack", () => {
  test("bitWidth", () => {
    expect([0, 1, 2, 3, 255, 256, 2 ** 32 - 1, 2 ** 32, 2 ** 53 - 1].map(bitWidth)).toEqual([0, 1, 2, 2, 8, 9, 32, 33, 53]);
  });

  test("integers below 2^52 round-trip in any order", () => {
    const value = fc.oneof(
      fc.integer({ min: -(LIMIT / 2) + 1, max: LIMIT / 2 - 1 }),
      fc.integer({ min: -1000, max: 1000 }),
      fc.constantFrom(0, -(LIMIT / 2) + 1, LIMIT / 2 - 1),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 3 * MINIBLOCK + 5 }), (values) => {
        expect(roundTrip(values)).not.toBeNull();
      }),
    );
  });

  test("widths above 32 bits and sequences crossing miniblocks", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: -(2 ** 50), max: 2 ** 50 }),
        (steps, start) => {
          let v = start;
          roundTrip(steps.map((s) => (v += s)));
        },
      ),
    );
  });

  test("out-of-range values or residuals are refused without writing", () => {
    expect(roundTrip([LIMIT])).toBeNull();
    expect(roundTrip([0, -LIMIT])).toBeNull();
    expect(roundTrip([0.5, 1.5, 2.5])).toBeNull();
    expect(roundTrip([NaN])).toBeNull();
    // A first delta past 2^52 must not slip through as a delta-of-delta initial value.
    expect(roundTrip([2212887273238996, -2290712354131501, -6512837004791343])).toBeNull();
    // Deltas overflow, but order 0 (frame of reference on the values) still fits.
    expect(roundTrip([LIMIT - 1, -(LIMIT - 1), LIMIT - 1])![0]).toBe(0);
  });

  test("regular, linear and constant sequences cost a few bytes at any length", () => {
    for (const n of [3, 100, 10_000]) {
      const regular = Array.from({ length: n }, (_, i) => 1_700_000_000 + i * 10_000_000_000 / 1000);
      expect(roundTrip(regular)!.length).toBeLessThanOrEqual(12);
      expect(roundTrip(new Array(n).fill(-42))!.length).toBeLessThanOrEqual(3);
    }
  });

  test("the fused divided reader gives the bits of reading then dividing, on every stream shape", () => {
    // Narrow and wide miniblocks, constant residuals, each order, and lengths crossing miniblocks.
    const stream = fc.oneof(
      fc.array(fc.integer({ min: -5000, max: 5000 }), { minLength: 1, maxLength: 3 * MINIBLOCK + 5 }),
      fc.array(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), { minLength: 1, maxLength: 2 * MINIBLOCK + 3 }),
      fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 300 })).map(([a, step, n]) =>
        Array.from({ length: n }, (_, i) => a + i * step),
      ),
      fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 3, maxLength: 200 }).map((dd) => {
        let v = 0;
        let d = 7;
        return dd.map((x) => (v += d += x));
      }),
    );
    fc.assert(
      fc.property(stream, fc.integer({ min: 1, max: 22 }), (values, k) => {
        const bytes = roundTrip(values)!;
        const divisor = 10 ** k;
        const want = new Float64Array(values.length);
        readDeltaPacked(new ByteCursor(bytes), values.length, want);
        for (let i = 0; i < want.length; i++) want[i] /= divisor;
        const got = new Float64Array(values.length);
        const c = new ByteCursor(bytes);
        readDeltaPackedDivided(c, values.length, got, divisor);
        expect(c.remaining).toBe(0);
        expectSameBits(got, want);
      }),
    );
  });

  test("a bad mode, order or width is rejected", () => {
    const out = new Float64Array(4);
    expect(() => readDeltaPacked(new ByteCursor(new Uint8Array([3])), 4, out)).toThrow(/codec: bad packed-integer mode/);
    expect(() => readDeltaPacked(new ByteCursor(new Uint8Array([2, 0, 0])), 2, out)).toThrow(/codec:/);
    expect(() => readDeltaPacked(new ByteCursor(new Uint8Array([0, 54, 0])), 4, out)).toThrow(/codec: bad miniblock bit width/);
  });
});
