import { describe, expect, test } from "bun:test";
import { formatExpr, parseQuery, type Expr } from "../../../app/influxql/parser.ts";
import { hasTimeExpr, parseTimeString, splitTimeCondition } from "../../../app/query/meta/time-condition.ts";

const where = (cond: string): Expr => {
  const [s] = parseQuery(`SHOW SERIES WHERE ${cond}`);
  if (s.kind !== "show-series" || s.condition === null) throw new Error("no condition");
  return s.condition;
};
const NOW = parseTimeString("2026-11-22T00:00:00Z");
const split = (cond: string) => {
  const r = splitTimeCondition(where(cond), NOW);
  return { condition: r.condition === null ? null : formatExpr(r.condition), min: r.min, max: r.max };
};
const t = parseTimeString;

describe("splitting a condition into tags and time (influxql.ConditionExpr)", () => {
  test("bounds are inclusive nanoseconds; > and < step by 1 ns", () => {
    expect(split("time >= '2026-01-01T00:00:00Z' AND time < '2026-01-02T00:00:00Z'")).toEqual({
      condition: null,
      min: t("2026-01-01T00:00:00Z"),
      max: t("2026-01-02T00:00:00Z") - 1n,
    });
    expect(split("time > 5")).toEqual({ condition: null, min: 6n, max: null });
    expect(split("'2026-01-01' <= time")).toEqual({ condition: null, min: t("2026-01-01T00:00:00Z"), max: null });
  });

  test("now() and duration arithmetic", () => {
    expect(split("time > now() - 1h").min).toBe(NOW - 3_600_000_000_000n + 1n);
    expect(split("time < '2026-01-01T00:00:00Z' + 1d").max).toBe(t("2026-01-02T00:00:00Z") - 1n);
  });

  test("the tag part survives, collapsing around removed time comparisons", () => {
    expect(split("host = 'a' AND time > 0 AND region = 'b'").condition).toBe("host = 'a' AND region = 'b'");
    expect(split("(time > 0) AND (host = 'a')").condition).toBe("host = 'a'");
    expect(split("(time > 0 AND host = 'a') OR region = 'b'").condition).toBe("(host = 'a') OR region = 'b'");
    expect(split("(host = 'a')").condition).toBe("host = 'a'");
  });

  test("time under OR still narrows the range (1.x intersects regardless)", () => {
    expect(split("time > 10 OR time < 5")).toEqual({ condition: null, min: 11n, max: 4n });
  });

  test("errors in InfluxDB's words", () => {
    expect(() => split("time > 'garbage'")).toThrow("invalid operation: time and *influxql.StringLiteral are not compatible");
    expect(() => split("time > '2026-13-01T00:00:00Z'")).toThrow("invalid timestamp string");
    expect(() => split("time != 5")).toThrow("invalid time comparison operator: !=");
    expect(() => split("time > host")).toThrow("invalid operation: time and *influxql.VarRef are not compatible");
    expect(() => split("host")).toThrow("invalid condition expression: host");
  });
});

test("HasTimeExpr looks for time on the left of a comparison", () => {
  expect(hasTimeExpr(where("host = 'a' AND (time > 0)"))).toBe(true);
  expect(hasTimeExpr(where("host = 'a'"))).toBe(false);
  expect(hasTimeExpr(where("0 < time"))).toBe(false);
});

test("time strings: RFC3339 with zone and nanoseconds, space-separated UTC, bare dates", () => {
  expect(t("1970-01-01T00:00:00Z")).toBe(0n);
  expect(t("2026-01-01T05:07:01.000000001Z")).toBe(1767244021000000001n);
  expect(t("2026-01-01T01:00:00+01:00")).toBe(t("2026-01-01T00:00:00Z"));
  expect(t("2026-01-01 00:00:00.5")).toBe(t("2026-01-01T00:00:00.5Z"));
  expect(t("2024-02-29")).toBe(t("2024-02-29T00:00:00Z"));
  expect(t("1969-12-31T23:59:59Z")).toBe(-1_000_000_000n);
  for (const bad of ["2025-02-29", "2026-01-01T00:00:00", "2026-01-01 00:00:00Z", "2026-01-01T24:00:00Z"]) {
    expect(() => t(bad)).toThrow("invalid timestamp string");
  }
});
