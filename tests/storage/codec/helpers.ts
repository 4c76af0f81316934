import { expect } from "bun:test";

/** Compares float64 bit patterns, so -0 vs 0 (and any NaN payload) count as different. */
export function expectSameBits(actual: Float64Array, expected: Float64Array, n = expected.length): void {
  const a = new Int32Array(actual.buffer, actual.byteOffset, 2 * n);
  const e = new Int32Array(expected.buffer, expected.byteOffset, 2 * n);
  for (let i = 0; i < 2 * n; i++) {
    if (a[i] !== e[i]) {
      const k = i >> 1;
      throw new Error(`value ${k} of ${n}: got ${Object.is(actual[k], -0) ? "-0" : actual[k]}, want ${Object.is(expected[k], -0) ? "-0" : expected[k]}`);
    }
  }
  expect(true).toBe(true);
}

/** Every strict prefix of a valid buffer must be rejected with an Error. */
export function expectPrefixesThrow(buf: Uint8Array, decode: (b: Uint8Array) => void): void {
  for (let len = 0; len < buf.length; len++) {
    expect(() => decode(buf.subarray(0, len))).toThrow(/codec:/);
  }
}
