import { describe, expect, test } from "bun:test";
import { asEqualities, matchesSeries, parsePredicate } from "../../app/delete/predicate.ts";
import { parseRfc3339Nano, splitNanos } from "../../app/delete/rfc3339-nano.ts";
import { ApiError } from "../../app/errors.ts";

const parseError = (src: string) => {
  try {
    parsePredicate(src);
  } catch (e) {
    if (e instanceof ApiError) return e.message.replace("invalid request; error parsing predicate: ", "");
    throw e;
  }
  throw new Error(`${src} parsed`);
};

describe("delete predicate", () => {
  test("InfluxDB's forms: bare and quoted values, AND (any case), parentheses; empty = everything", () => {
    expect(parsePredicate("")).toBeUndefined();
    expect(parsePredicate("   ")).toBeUndefined();
    expect(parsePredicate("abc=opq")).toEqual({ kind: "compare", key: "abc", op: "=", value: "opq" });
    expect(parsePredicate(`abc= -1221`)).toEqual({ kind: "compare", key: "abc", op: "=", value: "-1221" });
    expect(parsePredicate(`"Name"='it\\'s'`)).toEqual({ kind: "compare", key: "Name", op: "=", value: "it's" });
    expect(asEqualities(parsePredicate(`_measurement="cpu" and host="a" AND (t2=v2)`)!)).toEqual({ measurement: "cpu", tagEquals: ["host", "a", "t2", "v2"], matchesNothing: false });
    expect(asEqualities(parsePredicate(`a=1 AND a=2`)!)!.matchesNothing).toBe(true);
    expect(asEqualities(parsePredicate(`a=1 OR b=2`)!)).toBeUndefined();
    expect(asEqualities(parsePredicate(`a!=1`)!)).toBeUndefined();
  });

  test("AND binds tighter than OR; != and missing tags compare as empty", () => {
    const p = parsePredicate(`_measurement="cpu" AND host="a" OR host!="b"`)!;
    expect(matchesSeries(p, "cpu", ["host", "a"])).toBe(true);
    expect(matchesSeries(p, "mem", ["host", "a"])).toBe(true); // host != "b"
    expect(matchesSeries(p, "mem", ["host", "b"])).toBe(false);
    expect(matchesSeries(parsePredicate(`region=""`)!, "m", ["host", "a"])).toBe(true);
    expect(matchesSeries(parsePredicate(`(a=1 OR a=2) AND b=3`)!, "m", ["a", "2", "b", "3"])).toBe(true);
    expect(matchesSeries(parsePredicate(`(a=1 OR a=2) AND b=3`)!, "m", ["a", "3", "b", "3"])).toBe(false);
  });

  test("errors name the position", () => {
    expect(parseError(`abc>1000`)).toBe(`invalid operator ">" at position: 3`);
    expect(parseError(`abc=~/^x/`)).toBe(`operator: "=~" at position: 3 is not supported`);
    expect(parseError(` (t1="v1" and t2="v2") and (`)).toBe("bad tag key, at position 28");
    expect(parseError(` (t1="v1" and t2="v2"`)).toBe("extra ( seen");
    expect(parseError(` (t1="v1" and t2="v2"))`)).toBe("extra ) seen");
    expect(parseError(`a=1 b=2`)).toBe("bad logical expression, at position 4");
    expect(parseError(`a=`)).toBe(`bad tag value: "", at position 2`);
    expect(parseError(`a="x`)).toBe("unterminated quoted string at position 2");
    expect(parseError(`_field="usage"`)).toBe("deleting by _field is not supported, at position 0");
  });
});

describe("RFC3339Nano", () => {
  test("fractions to the nanosecond, offsets, and the limits of int64", () => {
    expect(parseRfc3339Nano("1970-01-01T00:00:00Z")).toBe(0n);
    expect(parseRfc3339Nano("2009-01-02T23:00:00.123456789Z")).toBe(1230937200123456789n);
    expect(parseRfc3339Nano("2009-01-02T23:00:00.5+01:00")).toBe(1230933600500000000n);
    expect(parseRfc3339Nano("1969-12-31T23:59:59.999999999Z")).toBe(-1n);
    expect(parseRfc3339Nano("0001-01-01T00:00:00Z")).toBe(-62135596800000000000n);
    for (const bad of ["2009-01-02", "2009-02-30T00:00:00Z", "2009-01-02T24:00:00Z", "2009-01-02T23:00:00", "2009-01-02T23:00:00.1234567891Z", "x"]) {
      expect(parseRfc3339Nano(bad)).toBeUndefined();
    }
  });

  test("split into the engine's floored milliseconds and nanoseconds within", () => {
    expect(splitNanos(1230937200123456789n)).toEqual({ ms: 1230937200123, ns: 456789 });
    expect(splitNanos(-1n)).toEqual({ ms: -1, ns: 999999 });
  });
});
