/** The JSON writer's bytes are the UTF-8 of the text the string encoders produced. */
import { expect, test } from "bun:test";
import fc from "fast-check";
import { JsonWriter } from "../../../app/query/encode/json-writer.ts";

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;
const decoder = new TextDecoder();

function written(write: (w: JsonWriter) => void): string {
  const w = new JsonWriter();
  write(w);
  return decoder.decode(w.finish());
}

test("int64 writes v.toString() for any int64, on the split path and off it", () => {
  const anywhere = fc.bigInt({ min: I64_MIN, max: I64_MAX });
  const nearEdges = fc.tuple(fc.constantFrom(0n, 10n ** 9n, 2n ** 53n, 2n ** 61n, 2n ** 62n, I64_MAX), fc.bigInt({ min: -100_000n, max: 100_000n }), fc.boolean()).map(([edge, d, neg]) => (neg ? -(edge + d) : edge + d));
  const onSteps = fc.tuple(fc.bigInt({ min: -(2n ** 62n / 60_000_000_000n), max: 2n ** 62n / 60_000_000_000n }), fc.constantFrom(1n, 1_000n, 32_000n, 1_000_000_000n, 60_000_000_000n)).map(([k, step]) => k * step);
  fc.assert(
    fc.property(fc.array(fc.oneof(anywhere, nearEdges, onSteps), { minLength: 1, maxLength: 8 }), (vs) => {
      const inRange = vs.filter((v) => v >= I64_MIN && v <= I64_MAX);
      const text = written((w) =>
        inRange.forEach((v, i) => {
          if (i > 0) w.byte(0x2c);
          w.int64(v);
        }),
      );
      expect(text).toBe(inRange.join(","));
    }),
    { numRuns: 20_000 },
  );
});

test("shortDecimal writes String(v) for short decimals, and nothing for any other double", () => {
  const shortDecimals = fc.tuple(fc.integer({ min: -(10 ** 15), max: 10 ** 15 }), fc.constantFrom(1, 10, 100, 1000, 10_000)).map(([k, scale]) => k / scale);
  const nearLimit = fc.tuple(fc.constantFrom(1e12, 999_999_999_999.999, 0.001, 1), fc.integer({ min: -3, max: 3 })).map(([v, d]) => v + d * 0.001);
  const anyDouble = fc.double({ noNaN: false });
  fc.assert(
    fc.property(fc.oneof(shortDecimals, nearLimit, anyDouble), (v) => {
      const w = new JsonWriter();
      const wrote = w.shortDecimal(v);
      const text = decoder.decode(w.finish());
      if (wrote) expect(text).toBe(String(v));
      else expect(text).toBe("");
      const decimals = String(v).split(".")[1] ?? "";
      if (Number.isFinite(v) && Math.abs(v) < 1e12 && !Object.is(v, -0) && !String(v).includes("e") && decimals.length <= 3) expect(wrote).toBe(true);
    }),
    { numRuns: 50_000 },
  );
});

test("text is written as UTF-8, past the buffer's first size too", () => {
  fc.assert(
    fc.property(fc.array(fc.string({ unit: "grapheme", maxLength: 40 }), { maxLength: 30 }), fc.integer({ min: 0, max: 40_000 }), (parts, pad) => {
      const text = "x".repeat(pad) + parts.join("");
      expect(written((w) => w.text(text))).toBe(text);
    }),
    { numRuns: 300 },
  );
});

test("reset and finish each start a new document", () => {
  const w = new JsonWriter();
  w.text("abandoned");
  w.reset();
  w.int64(1_767_225_600_000_000_000n);
  expect(decoder.decode(w.finish())).toBe("1767225600000000000");
  w.text("x".repeat(2_000_000));
  expect(w.finish().length).toBe(2_000_000);
  w.text("next");
  expect(decoder.decode(w.finish())).toBe("next");
});
