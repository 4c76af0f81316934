import { describe, expect, test } from "bun:test";
import { formatExpr, parseQuery, type Expr } from "../../../app/influxql/parser.ts";
import { hasTimeExpr, splitTimeCondition } from "../../../app/query/meta/time-condition.ts";
import { parseTimeString } from "../../../app/query/select/time-literal.ts";

const where = (cond: string): Expr => {
  const [s] = parseQuery(`SHOW SERIES WHERE ${cond}`);
  if (s.kind !== "show-series" || s.condition === null) throw new Error("no condition");
  return s.condition;
};
const t = (s: string) => parseTimeString(s, null);
const NOW = t("2026-11-22T00:00:00Z");
const split = (cond: string) => {
  const r = splitTimeCondition(where(cond), NOW);
  return { condition: r.condition === null ? null : formatExpr(r.condition), min: r.min, max: r.max };
};

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
