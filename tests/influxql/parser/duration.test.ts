import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { formatDuration, goDurationString, parseDuration } from "../../../app/influxql/duration.ts";

const US = 1_000n;
const MS = 1_000_000n;
const S = 1_000_000_000n;
const MIN = 60n * S;
const H = 60n * MIN;
const D = 24n * H;
const W = 7n * D;
const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

describe("parseDuration", () => {
  // InfluxDB's own TestParseDuration cases, plus range edges.
  test.each([
    ["10ns", 10n],
    ["10u", 10n * US],
    ["10µ", 10n * US],
    ["15ms", 15n * MS],
    ["100s", 100n * S],
    ["2m", 2n * MIN],
    ["2h", 2n * H],
    ["2d", 2n * D],
    ["2w", 2n * W],
    ["1h30m", H + 30n * MIN],
    ["30ms3000u", 30n * MS + 3000n * US],
    ["-5s", -5n * S],
    ["-5m30s", -5n * MIN - 30n * S],
    ["007s", 7n * S],
    ["9223372036854775807ns", INT64_MAX],
    ["15250w", 15250n * W],
    // Go's int64 arithmetic wraps silently when the result comes out positive.
    ["30501w", 260726290448384n],
  ])("%s", (text, ns) => {
    expect(parseDuration(text)).toBe(ns);
  });

  test.each(["", "3", "1000", "w", "ms", "1.2w", "10x", "10n", "1y", "1µs", "-", "5", "h1", "1h1", "9223372036854775808ns"])(
    "%p is invalid",
    (text) => {
      expect(() => parseDuration(text)).toThrow("invalid duration");
    },
  );

  test.each([
    ["15251w", "overflowed duration 15251w: choose a smaller duration or INF"],
    ["106752d", "overflowed duration 106752d: choose a smaller duration or INF"],
    ["1s9223372036854775807ns", "overflowed duration 9223372036854775807ns: choose a smaller duration or INF"],
  ])("%s overflows", (text, message) => {
    expect(() => parseDuration(text)).toThrow(message);
  });

  test("a negated minimum stays the minimum, as in Go", () => {
    expect(parseDuration("-9223372036854775807ns")).toBe(-INT64_MAX);
  });
});

describe("formatDuration", () => {
  test.each([
    [0n, "0s"],
    [3n * US, "3u"],
    [1001n * US, "1001u"],
    [15n * MS, "15ms"],
    [100n * S, "100s"],
    [2n * MIN, "2m"],
    [90n * MIN, "90m"],
    [2n * H, "2h"],
    [2n * D, "2d"],
    [2n * W, "2w"],
    [7n, "7ns"],
    [-36n * H, "-36h"],
    [INT64_MIN, "-9223372036854775808ns"],
  ])("%p → %s", (ns, text) => {
    expect(formatDuration(ns)).toBe(text);
  });
});

describe("Go's time.Duration.String", () => {
  test.each([
    [0n, "0s"],
    [1n, "1ns"],
    [1100n, "1.1µs"],
    [2200n * US, "2.2ms"],
    [3300n * MS, "3.3s"],
    [4n * MIN + 5n * S, "4m5s"],
    [4n * MIN + 5001n * MS, "4m5.001s"],
    [5n * H + 6n * MIN + 7001n * MS, "5h6m7.001s"],
    [8n * MIN + 1n, "8m0.000000001s"],
    [36n * H, "36h0m0s"],
    [INT64_MAX, "2562047h47m16.854775807s"],
    [INT64_MIN, "-2562047h47m16.854775808s"],
  ])("%p → %s", (ns, text) => {
    expect(goDurationString(ns)).toBe(text);
  });
});

test("a single digits-and-unit duration reads as it does after another segment (the full parse)", () => {
  const unit = fc.constantFrom("ns", "u", "µ", "ms", "s", "m", "h", "d", "w", "", "x", "mss", "µs", "n");
  const digits = fc.stringMatching(/^[0-9]{0,20}$/);
  const outcome = (s: string): bigint | string => {
    try {
      return parseDuration(s);
    } catch (e) {
      return (e as Error).message;
    }
  };
  fc.assert(
    fc.property(digits, unit, (d, u) => {
      const s = d + u;
      fc.pre(s !== "");
      expect(outcome(s)).toEqual(outcome(`0ns${s}`));
    }),
    { numRuns: 5000 },
  );
});
