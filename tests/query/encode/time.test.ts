/** Time text and epoch units: RFC3339 over the whole int64 range, offsets, zone transitions. */
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { epochValue, parseEpoch } from "../../../app/query/encode/epoch.ts";
import { formatRfc3339Nano, formatRfc3339WithOffset } from "../../../app/query/encode/rfc3339.ts";
import { zoneOffsetSeconds } from "../../../app/query/encode/zone-offset.ts";
import { parseRfc3339 } from "./golden-json-model.ts";

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

describe("formatRfc3339Nano", () => {
  test("int64 limits", () => {
    expect(formatRfc3339Nano(INT64_MIN)).toBe("1677-09-21T00:12:43.145224192Z");
    expect(formatRfc3339Nano(INT64_MAX)).toBe("2262-04-11T23:47:16.854775807Z");
  });

  test("leap day and trimmed fractions", () => {
    expect(formatRfc3339Nano(1709164800_120000000n)).toBe("2024-02-29T00:00:00.12Z");
    expect(formatRfc3339Nano(951782400_000001000n)).toBe("2000-02-29T00:00:00.000001Z");
  });

  test("agrees with Date on millisecond instants and parses back everywhere", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: INT64_MIN, max: INT64_MAX }), (ns) => {
        const text = formatRfc3339Nano(ns);
        expect(parseRfc3339(text)).toBe(ns);
        const ms = ns / 1_000_000n - (ns < 0n && ns % 1_000_000n !== 0n ? 1n : 0n);
        expect(text.slice(0, 19)).toBe(new Date(Number(ms)).toISOString().slice(0, 19));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("formatRfc3339WithOffset", () => {
  test.each([
    [3600, "1970-01-01T01:00:00+01:00"],
    [-16200, "1969-12-31T19:30:00-04:30"],
    [20700, "1970-01-01T05:45:00+05:45"],
    [0, "1970-01-01T00:00:00Z"],
    // Amsterdam's LMT +00:19:32: Go prints the local time in full but the offset without seconds.
    [1172, "1970-01-01T00:19:32+00:19"],
    [-30, "1969-12-31T23:59:30+00:00"],
  ])("offset %p", (offset, text) => {
    expect(formatRfc3339WithOffset(0n, offset)).toBe(text);
  });
});

describe("zoneOffsetSeconds", () => {
  test("standard and summer time", () => {
    expect(zoneOffsetSeconds("Europe/Oslo", 1767225600)).toBe(3600);
    expect(zoneOffsetSeconds("Europe/Oslo", 1782864000)).toBe(7200);
    expect(zoneOffsetSeconds("Asia/Kolkata", 1767225600)).toBe(19800);
    expect(zoneOffsetSeconds("America/St_Johns", 1767225600)).toBe(-12600);
    expect(zoneOffsetSeconds("UTC", 1767225600)).toBe(0);
  });

  test("changes at the transition second, whatever was asked before", () => {
    // Europe/Oslo goes to summer time at 2026-03-29T01:00:00Z; Lord Howe moves by 30 min at 15:00Z.
    const oslo = 1774746000;
    expect(zoneOffsetSeconds("Europe/Oslo", oslo - 1800)).toBe(3600);
    expect(zoneOffsetSeconds("Europe/Oslo", oslo - 1)).toBe(3600);
    expect(zoneOffsetSeconds("Europe/Oslo", oslo)).toBe(7200);
    expect(zoneOffsetSeconds("Europe/Oslo", oslo + 1799)).toBe(7200);
    const lordHowe = 1775314800; // 2026-04-04T15:00:00Z, the end of DST (+11 → +10:30)
    expect(zoneOffsetSeconds("Australia/Lord_Howe", lordHowe - 1)).toBe(39600);
    expect(zoneOffsetSeconds("Australia/Lord_Howe", lordHowe)).toBe(37800);
  });
});

describe("epoch", () => {
  test("parseEpoch: absent/empty is RFC3339, unknown (µ included) is ns as in 1.6.7", () => {
    expect(parseEpoch(undefined)).toBeUndefined();
    expect(parseEpoch(null)).toBeUndefined();
    expect(parseEpoch("")).toBeUndefined();
    expect(parseEpoch("ms")).toBe("ms");
    expect(parseEpoch("xyz")).toBe("ns");
    expect(parseEpoch("µ")).toBe("ns");
    expect(parseEpoch("toString")).toBe("ns");
  });

  test("epochValue truncates toward zero", () => {
    expect(epochValue(1767243658500000000n, "s")).toBe(1767243658n);
    expect(epochValue(-1767243658500000000n, "s")).toBe(-1767243658n);
    expect(epochValue(5_999_999n, "ms")).toBe(5n);
    expect(epochValue(7_199_999_999_999n, "h")).toBe(1n);
    expect(epochValue(119_999_999_999n, "m")).toBe(1n);
    expect(epochValue(1_999n, "u")).toBe(1n);
    expect(epochValue(INT64_MIN, "ns")).toBe(INT64_MIN);
  });
});
