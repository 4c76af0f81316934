/** integerText writes every int64 exactly as bigint's toString does, on its fast path and off it. */
import { expect, test } from "bun:test";
import fc from "fast-check";
import { integerText } from "../../../app/query/encode/integer-text.ts";

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

test("integerText(v) is v.toString() for any int64", () => {
  const anywhere = fc.bigInt({ min: I64_MIN, max: I64_MAX });
  const nearEdges = fc.tuple(fc.constantFrom(2n ** 53n, 2n ** 61n, 2n ** 62n, I64_MAX), fc.bigInt({ min: -100_000n, max: 100_000n }), fc.boolean()).map(([edge, d, neg]) => {
    const v = edge + d;
    return neg ? -v : v;
  });
  const onSteps = fc.tuple(fc.bigInt({ min: -(2n ** 60n / 32n), max: 2n ** 60n / 32n }), fc.constantFrom(1_000n, 32_000n, 1_000_000n, 1_000_000_000n, 60_000_000_000n)).map(([k, step]) => k * step);
  fc.assert(
    fc.property(fc.oneof(anywhere, nearEdges, onSteps), (v) => {
      if (v < I64_MIN || v > I64_MAX) return;
      expect(integerText(v)).toBe(v.toString());
    }),
    { numRuns: 20_000 },
  );
});

test("times in ns on whole seconds from 1970 to 2043 take the fast path and print exactly", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2_305_843_009 }), (seconds) => {
      const ns = BigInt(seconds) * 1_000_000_000n;
      expect(integerText(ns)).toBe(ns.toString());
    }),
    { numRuns: 20_000 },
  );
});
