import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { isTimeString, parseTimeString } from "../../../app/query/select/time-literal.ts";
import { StatementError } from "../../../app/query/statement-error.ts";

const pad = (v: number, width: number) => String(v).padStart(width, "0");
const outcome = (s: string): bigint | string => {
  try {
    return parseTimeString(s, null);
  } catch (e) {
    return (e as Error).message;
  }
};

describe("time strings in a WHERE clause", () => {
  test("YYYY-MM-DDTHH:MM:SSZ reads as the same instant as with an explicit +00:00 offset", () => {
    const part = (max: number) => fc.oneof(fc.integer({ min: 0, max }), fc.integer({ min: 0, max: 99 }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), part(13), part(32), part(24), part(60), part(60), (y, mo, d, h, mi, s) => {
        const text = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}`;
        expect(outcome(`${text}Z`)).toEqual(outcome(`${text}+00:00`));
      }),
      { numRuns: 5000 },
    );
  });

  test("known instants, leap days and invalid dates", () => {
    expect(parseTimeString("1970-01-01T00:00:00Z", null)).toBe(0n);
    expect(parseTimeString("2026-01-01T00:00:00Z", null)).toBe(BigInt(Date.UTC(2026, 0, 1)) * 1_000_000n);
    expect(parseTimeString("1969-12-31T23:59:59Z", null)).toBe(-1_000_000_000n);
    expect(parseTimeString("2024-02-29T12:00:00Z", null)).toBe(BigInt(Date.UTC(2024, 1, 29, 12)) * 1_000_000n);
    expect(() => parseTimeString("2023-02-29T12:00:00Z", null)).toThrow("invalid timestamp string");
    expect(() => parseTimeString("2023-13-01T00:00:00Z", null)).toThrow("invalid timestamp string");
    expect(() => parseTimeString("2023-01-01T24:00:00Z", null)).toThrow("invalid timestamp string");
  });

  test("RFC3339 with a zone and nanoseconds, space-separated wall time, bare dates (UTC without tz())", () => {
    const t = (s: string) => parseTimeString(s, null);
    expect(t("2026-01-01T05:07:01.000000001Z")).toBe(1767244021000000001n);
    expect(t("2026-01-01T01:00:00+01:00")).toBe(t("2026-01-01T00:00:00Z"));
    expect(t("2026-01-01 00:00:00.5")).toBe(t("2026-01-01T00:00:00.5Z"));
    expect(t("2024-02-29")).toBe(t("2024-02-29T00:00:00Z"));
    for (const bad of ["2025-02-29", "2026-01-01T00:00:00", "2026-01-01 00:00:00Z"]) expect(() => t(bad)).toThrow("invalid timestamp string");
  });
});

test("an invalid time is a statement error wherever it is read (InfluxDB answers it in the result)", () => {
  expect(() => parseTimeString("2026-13-01T00:00:00Z", null)).toThrow(StatementError);
});

describe("which strings compared with time are times", () => {
  test("isTimeString is Go's IsTimeLiteral: a date, alone or followed by anything on its line", () => {
    const reference = (s: string) => /^\d{4}-\d{2}-\d{2}.+/.test(s) || /^\d{4}-\d{2}-\d{2}$/.test(s);
    const unit = fc.constantFrom(..."0123456789-- T:Zx\n\r\u2028\u2029\u0660");
    const dateLike = fc.tuple(fc.constantFrom("2026-01-01", "1999-12-31", "0000-00-00"), fc.string({ unit, maxLength: 4 })).map(([d, rest]) => d + rest);
    const mutated = fc.tuple(dateLike, fc.nat(), unit).map(([s, at, c]) => s.slice(0, at % (s.length + 1)) + c + s.slice((at % (s.length + 1)) + 1));
    fc.assert(
      fc.property(fc.oneof(dateLike, mutated, fc.string({ unit, maxLength: 14 })), (s) => {
        expect(isTimeString(s)).toBe(reference(s));
      }),
      { numRuns: 5000 },
    );
  });
});
