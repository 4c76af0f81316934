import { describe, expect, test } from "bun:test";
import { formatExpr, parseQuery, type Expr } from "../../../app/influxql/parser.ts";
import { nameCondition, sourcesCondition, tagCondition } from "../../../app/query/meta/condition-rewrite.ts";
import { measurementsMatching, type MeasurementTags } from "../../../app/query/meta/measurement-filter.ts";
import { matchSeries, type SeriesFacts } from "../../../app/query/meta/series-match.ts";
import { tagKeysSelected } from "../../../app/query/meta/tag-key-filter.ts";

const where = (cond: string): Expr => {
  const [s] = parseQuery(`SHOW SERIES WHERE ${cond}`);
  if (s.kind !== "show-series" || s.condition === null) throw new Error("no condition");
  return s.condition;
};

const series = (measurement: string, tags: Record<string, string>, fields: string[] = ["value"]): SeriesFacts => ({
  measurement,
  tags: Object.entries(tags).flat(),
  isField: (name) => fields.includes(name),
});

describe("series selection (the series index's reading of a condition)", () => {
  const a = series("cpu", { host: "a", region: "east" });
  const bare = series("cpu", {});

  test("a missing tag compares as the empty string", () => {
    expect(matchSeries(where("region = ''"), bare)).toBe(true);
    expect(matchSeries(where("region = ''"), a)).toBe(false);
    expect(matchSeries(where("region != 'east'"), bare)).toBe(true);
    expect(matchSeries(where("region =~ /^$/"), bare)).toBe(true);
    expect(matchSeries(where("region !~ /e/"), bare)).toBe(true);
  });

  test("_name is the measurement", () => {
    expect(matchSeries(where("_name = 'cpu'"), a)).toBe(true);
    expect(matchSeries(where("_name =~ /^m/"), a)).toBe(false);
  });

  test("fields and arithmetic are left to the query engine (residual)", () => {
    expect(matchSeries(where("value > 5"), a)).toBe("residual");
    expect(matchSeries(where("host = 'a' AND value > 5"), a)).toBe("residual");
    expect(matchSeries(where("host = 'b' AND value > 5"), a)).toBe(false);
    expect(matchSeries(where("host = 'a' OR value > 5"), a)).toBe(true);
    expect(matchSeries(where("host::field = 'a'"), a)).toBe("residual");
    expect(matchSeries(where("host::tag = 'a'"), a)).toBe(true);
  });

  test("two tag keys compare by presence", () => {
    expect(matchSeries(where("host = region"), a)).toBe(true);
    expect(matchSeries(where("host = region"), series("cpu", { host: "a" }))).toBe(false);
  });
});

describe("SHOW MEASUREMENTS' reading: per measurement, not per series", () => {
  const all: MeasurementTags[] = [
    { name: "cpu", tags: new Map([["host", new Set(["a", "b"])]]) },
    { name: "mem", tags: new Map([["host", new Set(["b"])]]) },
    { name: "weather", tags: new Map([["location", new Set(["oslo"])]]) },
  ];
  const names = (cond: string) => [...measurementsMatching(where(cond), all)].sort();

  test("!= keeps measurements with the key that never have the value", () => {
    expect(names("host != 'a'")).toEqual(["mem"]);
    expect(names("host !~ /a/")).toEqual(["mem"]);
  });

  test("AND and OR intersect and unite measurement sets", () => {
    expect(names("host = 'a' AND host = 'b'")).toEqual(["cpu"]);
    expect(names("host = 'a' OR location = 'oslo'")).toEqual(["cpu", "weather"]);
    expect(names("_name =~ /^m/ OR location =~ /s/")).toEqual(["mem", "weather"]);
  });

  test("errors in InfluxDB's words", () => {
    expect(() => names("host > 'a'")).toThrow("invalid tag comparison operator");
    expect(() => names("host = 1")).toThrow("right side of '=' must be a tag value string");
    expect(() => names("'a' = host")).toThrow("left side of '=' must be a tag key");
  });
});

test("_tagKey comparisons select tag keys; others leave keys alone", () => {
  const keys = ["host", "location", "region"];
  const sel = (cond: string) => {
    const s = tagKeysSelected(where(cond), keys);
    return s === null ? null : [...s].sort();
  };
  expect(sel("_tagKey = 'host'")).toEqual(["host"]);
  expect(sel("_tagKey !~ /^(h|l)/")).toEqual(["region"]);
  expect(sel("host = 'a' AND (_tagKey = 'host' OR _tagKey = 'region')")).toEqual(["host", "region"]);
  expect(sel("host = 'a'")).toBeNull();
});

test("splitting a condition into its name and tag parts (RewriteExpr collapsing)", () => {
  const [s] = parseQuery("SHOW TAG KEYS FROM cpu, /^m/ WHERE host = 'a' OR _tagKey = 'x'");
  if (s.kind !== "show-tag-keys") throw new Error();
  const cond = sourcesCondition(s.sources, s.condition);
  expect(formatExpr(cond!)).toBe("(_name = 'cpu' OR _name =~ /^m/) AND (host = 'a' OR _tagKey = 'x')");
  expect(formatExpr(nameCondition(cond)!)).toBe("(_name = 'cpu' OR _name =~ /^m/)");
  expect(formatExpr(tagCondition(cond)!)).toBe("(host = 'a')");
});
