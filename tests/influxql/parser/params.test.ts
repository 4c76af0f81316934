import { describe, expect, test } from "bun:test";
import type { Expr, Statement } from "../../../app/influxql/parser.ts";
import { decodeParams, parseQuery, QueryParamsError } from "../../../app/influxql/parser.ts";
import { bin, bool, call, dur, int, m, num, re, selectOf, star, str, v } from "./helpers.ts";

const parseWith = (q: string, params: string): Statement[] => parseQuery(q, decodeParams(params));

function conditionWith(params: string, rhs = "$x"): Expr | null {
  const [s] = parseWith(`SELECT a FROM m WHERE a = ${rhs}`, params);
  return s.kind === "select" ? s.condition : null;
}

describe("values bound to $name, as InfluxDB binds them", () => {
  test.each<[string, Expr]>([
    ['{"x": 2}', int(2)],
    ['{"x": -7}', int(-7)],
    ['{"x": 9223372036854775807}', int(9223372036854775807n)],
    ['{"x": 2.5}', num(2.5)],
    // A `.` makes a float even when the value is whole.
    ['{"x": 2.0}', num(2)],
    ['{"x": "host \'a\'"}', str("host 'a'")],
    ['{"x": true}', bool(true)],
    ['{"x": false}', bool(false)],
    ['{"x": {"string": "s"}}', str("s")],
    ['{"x": {"float": 2}}', num(2)],
    ['{"x": {"number": 2.25}}', num(2.25)],
    ['{"x": {"integer": 10}}', int(10)],
    ['{"x": {"int": -3}}', int(-3)],
    ['{"x": {"identifier": "b"}}', v("b")],
    ['{"x": {"ident": "my field"}}', v("my field")],
    ['{"x": {"duration": "1h30m"}}', dur(90, "m")],
    ['{"x": {"duration": 10000000000}}', dur(10, "s")],
    ['{"x": {"duration": 10}}', dur(10, "ns")],
  ])("%s", (params, expected) => {
    expect(conditionWith(params)).toEqual(bin("=", v("a"), expected));
  });

  test("a regex parameter after =~", () => {
    const [s] = parseWith("SELECT a FROM m WHERE host =~ $h", '{"h": {"regex": "^server.*"}}');
    expect(s.kind === "select" && s.condition).toEqual(bin("=~", v("host"), re("^server.*")));
  });

  test("identifiers for measurements, fields, functions, casts and databases", () => {
    const [s] = parseWith(
      "SELECT $fn($field::$type) FROM $m LIMIT $limit",
      '{"fn": {"identifier": "mean"}, "field": {"identifier": "value"}, "type": {"identifier": "integer"}, ' +
        '"m": {"identifier": "shapes"}, "limit": {"integer": 10}}',
    );
    expect(s).toEqual(
      selectOf({
        fields: [{ expr: call("mean", v("value", "integer")), alias: "" }],
        sources: [m("shapes")],
        limit: 10,
        isRawQuery: false,
      }),
    );
    expect(parseWith("CREATE DATABASE $db", '{"db": {"identifier": "mydb"}}')[0]).toMatchObject({ name: "mydb" });
  });

  test("GROUP BY time with a duration parameter", () => {
    const [s] = parseWith("SELECT mean(v) FROM m GROUP BY time($i)", '{"i": {"duration": "10s"}}');
    expect(s.kind === "select" && s.dimensions).toEqual([call("time", dur(10, "s"))]);
  });

  test('quoted names: $"multi word"', () => {
    expect(conditionWith('{"multi word": 2}', '$"multi word"')).toEqual(bin("=", v("a"), int(2)));
  });

  test("parameters are not substituted inside strings, and names are case-sensitive", () => {
    expect(conditionWith('{"x": 1}', "'$x'")).toEqual(bin("=", v("a"), str("$x")));
    expect(() => parseWith("SELECT a FROM m WHERE a = $X", '{"x": 1}')).toThrow("missing parameter: X");
  });

  test("a parameter may stand for a whole clause value", () => {
    const [s] = parseWith("SELECT * FROM m WHERE time > now() - $d", '{"d": {"duration": "1d"}}');
    expect(s.kind === "select" && s.fields[0].expr).toEqual(star);
  });
});

describe("values that cannot be bound fail where used, with InfluxDB's message", () => {
  test.each([
    ['{"x": [1]}', "unable to bind parameter with type []interface {}"],
    ['{"x": null}', "unable to bind parameter with type <nil>"],
    ['{"x": {"a": 1, "b": 2}}', "bound object parameter value must have exactly one entry"],
    ['{"x": {}}', "bound object parameter value must have exactly one entry"],
    ['{"x": {"identifier": 5}}', "identifier must be a string value"],
    ['{"x": {"regex": 5}}', "regex literal must be a string value"],
    ['{"x": {"string": 5}}', "string literal must be a string value"],
    ['{"x": {"float": "1"}}', "number literal must be a float value"],
    ['{"x": {"integer": 1.5}}', "integer literal must be an integer value"],
    ['{"x": {"duration": true}}', "duration literal must be a string or integer value"],
    ['{"x": {"foo": 1}}', "unknown bind object type: foo"],
    ['{"x": {"integer": 1e3}}', 'strconv.ParseInt: parsing "1e3": invalid syntax'],
  ])("%s", (params, message) => {
    // InfluxDB looks the failed value's message up as a parameter name, hence "missing parameter".
    expect(() => conditionWith(params)).toThrow(`missing parameter: ${message}`);
  });
});

describe("decodeParams rejects unusable JSON as InfluxDB does", () => {
  test("null means no parameters", () => {
    expect(decodeParams("null").size).toBe(0);
  });

  test.each([
    ["[1]", "error parsing query parameters: json: cannot unmarshal array into Go value of type map[string]interface {}"],
    ['"s"', "error parsing query parameters: json: cannot unmarshal string into Go value of type map[string]interface {}"],
    ["1", "error parsing query parameters: json: cannot unmarshal number into Go value of type map[string]interface {}"],
    ['{"a": 1e3}', 'error parsing json value: strconv.ParseInt: parsing "1e3": invalid syntax'],
    ['{"a": 99999999999999999999}', 'error parsing json value: strconv.ParseInt: parsing "99999999999999999999": value out of range'],
    ['{"a": 1.5e400}', 'error parsing json value: strconv.ParseFloat: parsing "1.5e400": value out of range'],
  ])("%s", (raw, message) => {
    expect(() => decodeParams(raw)).toThrow(message);
  });

  test("malformed JSON", () => {
    expect(() => decodeParams("{nope")).toThrow(QueryParamsError);
    expect(() => decodeParams("{nope")).toThrow(/^error parsing query parameters: /);
  });
});
