/**
 * The shortcut for a point's window start agrees with the full window computation (offsets,
 * zones, times near the int64 ends) wherever it is taken.
 */
import { expect, test } from "bun:test";
import fc from "fast-check";
import { MAX_TIME, MIN_TIME } from "../../../app/query/select/condition.ts";
import { type IterOptions, windowFor, windowStartFor } from "../../../app/query/select/iter-options.ts";

const options = (duration: bigint, offset: bigint, tz: string | null): IterOptions => ({
  expr: null,
  aux: [],
  interval: { duration, offset },
  dimensions: [],
  groupBy: [],
  tz,
  fill: "null",
  fillValue: null,
  condition: null,
  startTime: MIN_TIME,
  endTime: MAX_TIME,
  ascending: true,
  limit: 0,
  offset: 0,
  slimit: 0,
  soffset: 0,
  ordered: true,
});

test("windowStartFor(opt, t) is windowFor(opt, t)[0]", () => {
  const duration = fc.oneof(fc.constantFrom(1n, 1_000_000_000n, 60_000_000_000n, 3_600_000_000_000n, 86_400_000_000_000n), fc.bigInt({ min: 1n, max: 10n ** 15n }));
  const time = fc.oneof(fc.bigInt({ min: MIN_TIME, max: MAX_TIME }), fc.bigInt({ min: 0n, max: 2n ** 62n }), fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }));
  const offset = fc.oneof(fc.constant(0n), fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }));
  const zone = fc.constantFrom(null, null, "America/New_York", "Australia/Lord_Howe");
  fc.assert(
    fc.property(duration, offset, zone, time, (dur, off, tz, t) => {
      const opt = options(dur, off, tz);
      expect(windowStartFor(opt, t)).toBe(windowFor(opt, t)[0]);
    }),
    { numRuns: 3000 },
  );
});
