/** Go's Frexp and Ldexp, read from and built into the bits of a double, and its Pow over integer powers. */
import { expect, test } from "bun:test";
import fc from "fast-check";
import { frexp, ldexp } from "../../../app/query/select/go-math.ts";
import { goPow, goPowers } from "../../../app/query/select/math-functions.ts";

/** x · 2^e through two exact steps (a single power of two below 2^-1022 is not a normal double). */
const scaled = (x: number, e: number) => x * 2 ** Math.trunc(e / 2) * 2 ** (e - Math.trunc(e / 2));

test("frexp splits any finite non-zero double into a mantissa in [0.5, 1) and an exponent, subnormals included", () => {
  const doubles = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ min: -(2 ** -1022), max: 2 ** -1022, noNaN: true }));
  fc.assert(
    fc.property(doubles, (x) => {
      fc.pre(x !== 0);
      const [m, e] = frexp(x);
      expect(Math.abs(m) >= 0.5 && Math.abs(m) < 1).toBe(true);
      expect(Math.sign(m)).toBe(Math.sign(x));
      expect(scaled(m, e)).toBe(x);
    }),
    { numRuns: 20_000 },
  );
  expect(frexp(0)).toEqual([0, 0]);
  expect(frexp(Infinity)).toEqual([Infinity, 0]);
});

test("ldexp is m · 2^e rounded once, on its fast path and off it", () => {
  fc.assert(
    fc.property(fc.double({ min: -1, max: 1, noNaN: true }), fc.integer({ min: -1100, max: 1100 }), (m, e) => {
      expect(ldexp(m, e)).toBe(scaled(m, e));
    }),
    { numRuns: 20_000 },
  );
});

test("goPowers gives goPow's bits for every integer power", () => {
  const bases = fc.oneof(fc.double({ noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, -1, 0.5, 2, Infinity, NaN, 1e-300, 1e300));
  fc.assert(
    fc.property(bases, fc.integer({ min: 0, max: 300 }), (x, count) => {
      const powers = goPowers(x, count);
      expect(powers.length).toBe(count);
      for (let t = 0; t < count; t++) expect(Object.is(powers[t], goPow(x, t))).toBe(true);
    }),
    { numRuns: 2_000 },
  );
});
