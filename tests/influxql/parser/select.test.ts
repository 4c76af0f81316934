import { describe, expect, test } from "bun:test";
import { type Expr, type FillOption, parseQuery } from "../../../app/influxql/parser.ts";
import { bin, bool, call, dur, int, m, num, paren, re, select, selectOf, star, str, v } from "./helpers.ts";

describe("TSBS queries", () => {
  test("max per hour for one host over an epoch-nanosecond range", () => {
    const q =
      "SELECT max(usage_user),max(usage_system) FROM cpu WHERE (hostname = 'host_1') AND " +
      "time >= 1767225600000000000 AND time < 1767254400000000000 GROUP BY time(1h)";
    expect(select(q)).toEqual(
      selectOf({
        fields: [
          { expr: call("max", v("usage_user")), alias: "" },
          { expr: call("max", v("usage_system")), alias: "" },
        ],
        sources: [m("cpu")],
        condition: bin(
          "AND",
          bin("AND", paren(bin("=", v("hostname"), str("host_1"))), bin(">=", v("time"), int(1767225600000000000n))),
          bin("<", v("time"), int(1767254400000000000n)),
        ),
        dimensions: [call("time", dur(1, "h"))],
        isRawQuery: false,
      }),
    );
  });

  test("last point per host", () => {
    expect(select('SELECT * FROM cpu GROUP BY "hostname" ORDER BY time DESC LIMIT 1')).toEqual(
      selectOf({
        fields: [{ expr: star, alias: "" }],
        sources: [m("cpu")],
        dimensions: [v("hostname")],
        sortFields: [{ name: "time", ascending: false }],
        limit: 1,
      }),
    );
  });

  test("last(*) per host", () => {
    expect(select('SELECT last(*) FROM cpu GROUP BY "hostname"')).toEqual(
      selectOf({
        fields: [{ expr: call("last", star), alias: "" }],
        sources: [m("cpu")],
        dimensions: [v("hostname")],
        isRawQuery: false,
      }),
    );
  });
});

const fieldOf = (q: string) => select(q).fields[0].expr;
const whereOf = (q: string) => select(`SELECT a FROM m WHERE ${q}`).condition;

describe("fields", () => {
  test.each<[string, Expr]>([
    ["a + b * c", bin("+", v("a"), bin("*", v("b"), v("c")))],
    ["a * b + c", bin("+", bin("*", v("a"), v("b")), v("c"))],
    ["a - b - c", bin("-", bin("-", v("a"), v("b")), v("c"))],
    ["(a + b) * c", bin("*", paren(bin("+", v("a"), v("b"))), v("c"))],
    ["a % b / c", bin("/", bin("%", v("a"), v("b")), v("c"))],
    ["a & b | c ^ d", bin("^", bin("|", bin("&", v("a"), v("b")), v("c")), v("d"))],
    ["a | b & c", bin("|", v("a"), bin("&", v("b"), v("c")))],
    ["-a", bin("*", int(-1), v("a"))],
    ["+a", bin("*", int(1), v("a"))],
    ["-mean(a)", bin("*", int(-1), call("mean", v("a")))],
    ["-(-4)", bin("*", int(-1), paren(int(-4)))],
    ["-2 * 3", bin("*", int(-2), int(3))],
    ["- 1.5", num(-1.5)],
    ["-.5", num(-0.5)],
    ["100.", num(100)],
    ["count(distinct(host))", call("count", call("distinct", v("host")))],
    ["DISTINCT host", { kind: "distinct", name: "host" }],
    ["COUNT(DISTINCT host)", call("count", { kind: "distinct", name: "host" })],
    ["mean(*)", call("mean", star)],
    ["max(/usage/)", call("max", re("usage"))],
    ["top(value, host, 3)", call("top", v("value"), v("host"), int(3))],
    ["percentile(value, 95.5)", call("percentile", v("value"), num(95.5))],
    ["derivative(mean(value), 1s)", call("derivative", call("mean", v("value")), dur(1, "s"))],
    ["now()", call("now")],
    ["value::integer", v("value", "integer")],
    ["value::FLOAT", v("value", "float")],
    ["value::unsigned", v("value", "unsigned")],
    ["value::string", v("value", "string")],
    ["value::boolean", v("value", "boolean")],
    ["host::tag", v("host", "tag")],
    ["value::field", v("value", "field")],
    ["*::field", { kind: "wildcard", dataType: "field" }],
    ["*::tag", { kind: "wildcard", dataType: "tag" }],
    ['"my field"', v("my field")],
    ['"select"', v("select")],
    ['"a\\"b\\\\c\\nd"', v('a"b\\c\nd')],
    ["a.b", v("a.b")],
    ['"a"."b"', v("a.b")],
    ["/cpu.*/", re("cpu.*")],
    ["'str'", str("str")],
    ["true", bool(true)],
    ["FALSE", bool(false)],
    ["9223372036854775807", int(9223372036854775807n)],
    ["9223372036854775808", { kind: "unsigned", value: 9223372036854775808n }],
    ["18446744073709551615", { kind: "unsigned", value: 18446744073709551615n }],
    ["-9223372036854775808", int(-9223372036854775808n)],
    ["-0.0", num(-0)],
  ])("%s", (text, expr) => {
    expect(fieldOf(`SELECT ${text} FROM m`)).toEqual(expr);
  });

  test("aliases", () => {
    expect(select('SELECT mean(v) AS "avg value", max(v) AS mx FROM m').fields).toEqual([
      { expr: call("mean", v("v")), alias: "avg value" },
      { expr: call("max", v("v")), alias: "mx" },
    ]);
  });

  test("a name is a call only when ( follows at once", () => {
    expect(() => parseQuery("SELECT count (x) FROM m")).toThrow("found (, expected FROM at line 1, char 14");
  });

  test("raw versus aggregate queries", () => {
    expect(select("SELECT a, b + 1 FROM m").isRawQuery).toBe(true);
    expect(select("SELECT a, (b + max(c)) FROM m").isRawQuery).toBe(false);
    expect(select("SELECT DISTINCT a FROM m").isRawQuery).toBe(true);
  });
});

describe("INTO", () => {
  test.each([
    ["INTO m2", m("m2")],
    ["INTO rp.m2", m("m2", { retentionPolicy: "rp" })],
    ['INTO "db"."rp"."m2"', m("m2", { database: "db", retentionPolicy: "rp" })],
    ["INTO db..m2", m("m2", { database: "db" })],
    ["INTO db..:MEASUREMENT", m("", { database: "db" })],
    ["INTO db.rp.:MEASUREMENT", m("", { database: "db", retentionPolicy: "rp" })],
    ["INTO rp.:measurement", m("", { retentionPolicy: "rp" })],
  ])("%s", (into, target) => {
    expect(select(`SELECT mean(v) ${into} FROM m GROUP BY time(1m)`).target).toEqual(target);
  });
});

describe("FROM", () => {
  test.each([
    ["cpu", [m("cpu")]],
    ['"cpu load"', [m("cpu load")]],
    ["rp.cpu", [m("cpu", { retentionPolicy: "rp" })]],
    ['"db"."rp"."cpu"', [m("cpu", { database: "db", retentionPolicy: "rp" })]],
    ["db..cpu", [m("cpu", { database: "db" })]],
    ["/cpu.*/", [m("", { regex: re("cpu.*") })]],
    ["rp./cpu/", [m("", { retentionPolicy: "rp", regex: re("cpu") })]],
    ["db.rp./cpu/", [m("", { database: "db", retentionPolicy: "rp", regex: re("cpu") })]],
    ["db../cpu/", [m("", { database: "db", regex: re("cpu") })]],
    ["cpu, mem", [m("cpu"), m("mem")]],
    ["/a\\/b/", [m("", { regex: re("a/b") })]],
  ])("%s", (from, sources) => {
    expect(select(`SELECT * FROM ${from}`).sources).toEqual(sources);
  });

  test("subqueries, nested", () => {
    const outer = select("SELECT max(mean) FROM (SELECT mean(v) FROM (SELECT v FROM cpu) GROUP BY time(1m)) WHERE time > 0");
    const sub = outer.sources[0];
    expect(sub.kind).toBe("subquery");
    if (sub.kind !== "subquery") return;
    expect(sub.statement.dimensions).toEqual([call("time", dur(1, "m"))]);
    const inner = sub.statement.sources[0];
    expect(inner.kind === "subquery" && inner.statement.sources).toEqual([m("cpu")]);
    expect(outer.condition).toEqual(bin(">", v("time"), int(0)));
  });
});

describe("WHERE", () => {
  test.each([
    ["a = 1", bin("=", v("a"), int(1))],
    ["a != 1", bin("!=", v("a"), int(1))],
    ["a <> 1", bin("!=", v("a"), int(1))],
    ["a < 1.5", bin("<", v("a"), num(1.5))],
    ["a <= -1", bin("<=", v("a"), int(-1))],
    ["a > 'x'", bin(">", v("a"), str("x"))],
    ["a >= true", bin(">=", v("a"), bool(true))],
    ["host =~ /^server\\d+$/", bin("=~", v("host"), re("^server\\d+$"))],
    ["host !~ /a\\/b/", bin("!~", v("host"), re("a/b"))],
    ["url=~/http\\:\\/\\/x/", bin("=~", v("url"), re("http\\://x"))],
    [
      "a = 1 OR b = 2 AND c = 3",
      bin("OR", bin("=", v("a"), int(1)), bin("AND", bin("=", v("b"), int(2)), bin("=", v("c"), int(3)))),
    ],
    [
      "(a = 1 OR b = 2) AND c = 3",
      bin("AND", paren(bin("OR", bin("=", v("a"), int(1)), bin("=", v("b"), int(2)))), bin("=", v("c"), int(3))),
    ],
    ["value + 3 < 30", bin("<", bin("+", v("value"), int(3)), int(30))],
    ["time > now() - 1h", bin(">", v("time"), bin("-", call("now"), dur(1, "h")))],
    ["time>now()-5m", bin(">", v("time"), bin("-", call("now"), dur(5, "m")))],
    ["time > '2026-01-01T00:00:00Z'", bin(">", v("time"), str("2026-01-01T00:00:00Z"))],
    ["time < '2026-01-01 00:00:00.123'", bin("<", v("time"), str("2026-01-01 00:00:00.123"))],
    ["time > 1767225600000000000", bin(">", v("time"), int(1767225600000000000n))],
    ["t = 'it\\'s \\\\ \\n'", bin("=", v("t"), str("it's \\ \n"))],
    ["a AND b", bin("AND", v("a"), v("b"))],
  ])("%s", (cond, expected) => {
    expect(whereOf(cond)).toEqual(expected);
  });

  test.each<[string, Expr]>([
    ["10m", dur(10, "m")],
    ["1h30m", { kind: "duration", value: 5_400_000_000_000n }],
    ["1d", { kind: "duration", value: 86_400_000_000_000n }],
    ["1w", { kind: "duration", value: 604_800_000_000_000n }],
    ["1u", dur(1, "u")],
    ["1µ", dur(1, "u")],
    ["1ns", dur(1, "ns")],
    ["15ms", dur(15, "ms")],
    ["-1s", dur(-1, "s")],
  ])("duration %s", (text, expected) => {
    expect(whereOf(`time > now() - ${text}`)).toEqual(bin(">", v("time"), bin("-", call("now"), expected)));
  });
});

describe("GROUP BY, fill, ORDER BY, LIMIT, tz", () => {
  test("time with offset, tags, wildcard, regex", () => {
    expect(select("SELECT mean(v) FROM m GROUP BY time(10m, 5m), host, region").dimensions).toEqual([
      call("time", dur(10, "m"), dur(5, "m")),
      v("host"),
      v("region"),
    ]);
    expect(select("SELECT mean(v) FROM m GROUP BY time(1h, now())").dimensions).toEqual([
      call("time", dur(1, "h"), call("now")),
    ]);
    expect(select("SELECT mean(v) FROM m GROUP BY time(1h, -15m)").dimensions).toEqual([
      call("time", dur(1, "h"), dur(-15, "m")),
    ]);
    expect(select("SELECT v FROM m GROUP BY *").dimensions).toEqual([star]);
    expect(select("SELECT v FROM m GROUP BY /ho.*/, dc").dimensions).toEqual([re("ho.*"), v("dc")]);
  });

  test.each<[string, FillOption, bigint | number | null]>([
    ["", "null", null],
    ["fill(null)", "null", null],
    ["fill(none)", "none", null],
    ["FILL(previous)", "previous", null],
    ["fill(linear)", "linear", null],
    ["fill(0)", "number", 0n],
    ["fill(-1)", "number", -1n],
    ["fill(1.5)", "number", 1.5],
  ])("%s", (clause, fill, fillValue) => {
    const s = select(`SELECT mean(v) FROM m GROUP BY time(1m) ${clause}`);
    expect([s.fill, s.fillValue]).toEqual([fill, fillValue]);
  });

  test("ORDER BY forms", () => {
    expect(select("SELECT v FROM m ORDER BY time").sortFields).toEqual([{ name: "time", ascending: true }]);
    expect(select("SELECT v FROM m ORDER BY time asc").sortFields).toEqual([{ name: "time", ascending: true }]);
    expect(select("SELECT v FROM m ORDER BY DESC").sortFields).toEqual([{ name: "", ascending: false }]);
  });

  test("LIMIT, OFFSET, SLIMIT, SOFFSET, tz", () => {
    const s = select("SELECT v FROM m GROUP BY host LIMIT 10 OFFSET 20 SLIMIT 3 SOFFSET 4 tz('America/Los_Angeles')");
    expect([s.limit, s.offset, s.slimit, s.soffset, s.timeZone]).toEqual([10, 20, 3, 4, "America/Los_Angeles"]);
    expect(select("SELECT v FROM m tz('')").timeZone).toBe("UTC");
    expect(select("SELECT v FROM m tz('UTC')").timeZone).toBe("UTC");
  });

  test("a LIMIT beyond int64 saturates, as Go's ignored range error does", () => {
    expect(select("SELECT v FROM m LIMIT 99999999999999999999").limit).toBe(9223372036854775807);
  });
});

describe("lexical details", () => {
  test("keywords are case-insensitive", () => {
    expect(parseQuery("select * from cpu where a = 1 group by time(1m) order by time desc limit 1")).toEqual(
      parseQuery("SELECT * FROM cpu WHERE a = 1 GROUP BY time(1m) ORDER BY time DESC LIMIT 1"),
    );
  });

  test("comments and line breaks", () => {
    const q = "-- leading\nSELECT * /**/ FROM cpu -- trailing\r\n WHERE /* inner\n comment */ a = 1";
    expect(select(q).condition).toEqual(bin("=", v("a"), int(1)));
  });

  test("statement separators", () => {
    expect(parseQuery("SELECT a FROM b; SELECT c FROM d").map((s) => s.kind)).toEqual(["select", "select"]);
    expect(parseQuery("SELECT a FROM b;")).toHaveLength(1);
    expect(parseQuery(";; SHOW DATABASES ;; SHOW USERS ;")).toHaveLength(2);
    expect(parseQuery("")).toEqual([]);
    expect(parseQuery("  -- only a comment")).toEqual([]);
  });

  test("a NUL character reads as end of input, as in Go", () => {
    expect(parseQuery("SHOW DATABASES;\u0000 garbage")).toEqual([{ kind: "show-databases" }]);
  });
});
