import { describe, expect, test } from "bun:test";
import { formatFloatF, formatFloatV } from "../../../app/influxql/go-float.ts";
import { formatExpr, formatQuery, formatStatement, parseQuery } from "../../../app/influxql/parser.ts";
import { quoteIdent, quoteString } from "../../../app/influxql/quote.ts";
import { one } from "./helpers.ts";

const printed = (q: string) => formatQuery(parseQuery(q));

describe("printed forms match InfluxDB's String()", () => {
  test.each([
    ["select max(a),min(b) from cpu", "SELECT max(a), min(b) FROM cpu"],
    [
      'SELECT "select", "my-field" AS "my alias", "a.b", x AS y FROM "my-db"."rp"."cpu load"',
      'SELECT "select", "my-field" AS "my alias", "a.b", x AS y FROM "my-db".rp."cpu load"',
    ],
    ["SELECT * FROM db..cpu, rp./c.*/, /a\\/b/", "SELECT * FROM db..cpu, rp./c.*/, /a\\/b/"],
    [
      "SELECT 1.0, 1.5, 100, -2, .5, 1000000000000000000000.0 FROM m",
      "SELECT 1.0, 1.5, 100, -2, 0.5, 1000000000000000000000.0 FROM m",
    ],
    ["SELECT 0.0000001, -0.0 FROM m", "SELECT 0.0000001, -0.0 FROM m"],
  ])("%s", (q, expected) => {
    expect(printed(q)).toBe(expected);
  });

  test.each([
    ["SELECT -a, +b, -(c) FROM m", "SELECT -1 * a, 1 * b, -1 * (c) FROM m"],
    ["SELECT a FROM m WHERE s = 'it\\'s\\n\\\\'", "SELECT a FROM m WHERE s = 'it\\'s\\n\\\\'"],
    ['SELECT "a\\"b" FROM m', 'SELECT "a\\"b" FROM m'],
    ["SELECT a::integer, *::tag, b::FIELD FROM m", "SELECT a::integer, *::tag, b::field FROM m"],
    ["SELECT COUNT(DISTINCT host), DISTINCT(x) FROM m", "SELECT count(DISTINCT host), distinct(x) FROM m"],
    ["SELECT a FROM m WHERE time > now() - 1h30m AND x <> 1", "SELECT a FROM m WHERE time > now() - 90m AND x != 1"],
    ["SELECT a FROM m WHERE d > 7d OR d < 1000ms OR d = 1500u OR d = 1µ OR d = 3ns", "SELECT a FROM m WHERE d > 1w OR d < 1s OR d = 1500u OR d = 1u OR d = 3ns"],
    ["SELECT a FROM m WHERE host =~ /a\\/b/", "SELECT a FROM m WHERE host =~ /a\\/b/"],
    [
      "SELECT mean(v) INTO db..:MEASUREMENT FROM /.*/ GROUP BY time(1h, 15m), * fill(none) ORDER BY time desc LIMIT 5 OFFSET 2 SLIMIT 3 SOFFSET 1 tz('Europe/Paris')",
      "SELECT mean(v) INTO db..:MEASUREMENT FROM /.*/ GROUP BY time(1h, 15m), * fill(none) ORDER BY time DESC LIMIT 5 OFFSET 2 SLIMIT 3 SOFFSET 1 TZ('Europe/Paris')",
    ],
    ["SELECT mean(v) FROM m GROUP BY time(1m) fill(null)", "SELECT mean(v) FROM m GROUP BY time(1m)"],
    ["SELECT mean(v) FROM m GROUP BY time(1m) fill(-3)", "SELECT mean(v) FROM m GROUP BY time(1m) fill(-3)"],
    // fill's number prints with Go's %v: shortest digits, exponent from 1e6 up and below 1e-4.
    ["SELECT mean(v) FROM m GROUP BY time(1m) fill(100.0)", "SELECT mean(v) FROM m GROUP BY time(1m) fill(100)"],
    ["SELECT mean(v) FROM m GROUP BY time(1m) fill(1000000.5)", "SELECT mean(v) FROM m GROUP BY time(1m) fill(1.0000005e+06)"],
    ["SELECT mean(v) FROM m GROUP BY time(1m) fill(0.00001)", "SELECT mean(v) FROM m GROUP BY time(1m) fill(1e-05)"],
    ["SELECT v FROM (SELECT v FROM m WHERE a = 1) ORDER BY DESC", "SELECT v FROM (SELECT v FROM m WHERE a = 1) ORDER BY DESC"],
    ["SHOW MEASUREMENTS ON db.rp WITH MEASUREMENT = cpu", "SHOW MEASUREMENTS ON db.rp WITH MEASUREMENT = cpu"],
    ["SHOW MEASUREMENTS ON *.* WITH MEASUREMENT =~ /c/ LIMIT 1", "SHOW MEASUREMENTS ON *.* WITH MEASUREMENT =~ /c/ LIMIT 1"],
    ["SHOW TAG VALUES WITH KEY IN (a, \"b c\")", 'SHOW TAG VALUES WITH KEY IN (a, "b c")'],
    ["SHOW TAG VALUES WITH KEY = \"select\"", 'SHOW TAG VALUES WITH KEY = "select"'],
    ["SHOW TAG VALUES EXACT CARDINALITY WITH KEY =~ /x/", "SHOW TAG VALUES EXACT CARDINALITY WITH KEY =~ /x/"],
    ["SHOW TAG KEYS FROM m WITH KEY !~ /x/ SLIMIT 2", "SHOW TAG KEYS FROM m WITH KEY !~ /x/ SLIMIT 2"],
    ["SHOW SERIES EXACT CARDINALITY ON db GROUP BY host", "SHOW SERIES EXACT CARDINALITY ON db GROUP BY host"],
    ["show field key cardinality", "SHOW FIELD KEY CARDINALITY"],
    ["SHOW DIAGNOSTICS FOR 'build'", "SHOW DIAGNOSTICS FOR 'build'"],
    [
      "CREATE DATABASE d WITH DURATION 36h REPLICATION 1 SHARD DURATION 1500ms FUTURE LIMIT 90m NAME rp",
      "CREATE DATABASE d WITH DURATION 36h0m0s REPLICATION 1 SHARD DURATION 1.5s FUTURE LIMIT 90m NAME rp",
    ],
    [
      "CREATE RETENTION POLICY rp ON db DURATION INF REPLICATION 1 SHARD DURATION 1d DEFAULT PAST LIMIT 2h",
      "CREATE RETENTION POLICY rp ON db DURATION 0s REPLICATION 1 SHARD DURATION 1d DEFAULT PAST LIMIT 2h",
    ],
    ["ALTER RETENTION POLICY default ON db REPLICATION 2 DEFAULT", 'ALTER RETENTION POLICY "default" ON db REPLICATION 2 DEFAULT'],
    ["CREATE USER u WITH PASSWORD 'secret' WITH ALL PRIVILEGES", "CREATE USER u WITH PASSWORD [REDACTED] WITH ALL PRIVILEGES"],
    ["SET PASSWORD FOR u = 'secret'", "SET PASSWORD FOR u = [REDACTED]"],
    ["GRANT ALL ON db TO u", "GRANT ALL PRIVILEGES ON db TO u"],
    ["REVOKE ALL PRIVILEGES FROM u", "REVOKE ALL PRIVILEGES FROM u"],
    ["KILL QUERY 1 ON h", "KILL QUERY 1 ON h"],
    [
      "CREATE CONTINUOUS QUERY cq ON db RESAMPLE FOR 2h BEGIN SELECT mean(v) INTO m2 FROM m GROUP BY time(1h) END",
      "CREATE CONTINUOUS QUERY cq ON db RESAMPLE FOR 2h BEGIN SELECT mean(v) INTO m2 FROM m GROUP BY time(1h) END",
    ],
    [
      "CREATE SUBSCRIPTION s ON db.rp DESTINATIONS ALL 'http://a', 'http://b'",
      "CREATE SUBSCRIPTION s ON db.rp DESTINATIONS ALL 'http://a', 'http://b'",
    ],
    ["EXPLAIN ANALYZE SELECT a FROM m", "EXPLAIN ANALYZE SELECT a FROM m"],
    ["DELETE WHERE time < 0", "DELETE WHERE time < 0"],
    ["DROP SERIES FROM m WHERE a = 'b'", "DROP SERIES FROM m WHERE a = 'b'"],
    ["SHOW DATABASES; SHOW USERS;", "SHOW DATABASES;\nSHOW USERS"],
  ])("%s", (q, expected) => {
    expect(printed(q)).toBe(expected);
  });
});

/** Statements of every form; each must print to text that parses back to the same tree. */
const ROUND_TRIP = [
  "SELECT max(usage_user),max(usage_system) FROM cpu WHERE (hostname = 'host_1') AND time >= 1767225600000000000 AND time < 1767254400000000000 GROUP BY time(1h)",
  'SELECT * FROM cpu GROUP BY "hostname" ORDER BY time DESC LIMIT 1',
  'SELECT last(*) FROM cpu GROUP BY "hostname"',
  "SELECT mean(usage_idle) FROM cpu WHERE time >= now() - 12h AND hostname =~ /^host_(1|2)$/ GROUP BY time(1m), hostname fill(0)",
  "SELECT a + b * c - (d / e) % f & g | h ^ i FROM m",
  "SELECT -a, -(b + 1), -1.5, -9223372036854775808, 18446744073709551615 FROM m",
  "SELECT count(distinct(host)), DISTINCT host, top(v, host, 3) AS t FROM m",
  'SELECT "weird name"::integer, "select"::tag, *::field, /re\\/x/ FROM "db"."rp"."m x"',
  "SELECT v INTO db..:MEASUREMENT FROM /.*/ WHERE a !~ /x/ OR b <> 'y' GROUP BY *",
  "SELECT v FROM (SELECT max(v) AS v FROM m GROUP BY time(10m, now())) WHERE v > 1.5 LIMIT 3 OFFSET 1 SLIMIT 2 SOFFSET 1",
  "SELECT mean(v) FROM m GROUP BY time(1h, -15m) fill(linear) ORDER BY DESC tz('Asia/Tokyo')",
  "SELECT mean(v) FROM m GROUP BY time(1h) fill(previous)",
  "SELECT mean(v) FROM m GROUP BY time(1h) fill(-1.25)",
  "SELECT v FROM m WHERE t > '2026-01-01T00:00:00Z' AND d = 1w AND e = 3ns AND f = 1500u AND g = true",
  "SELECT v FROM m WHERE s = 'new\\nline \\'quote\\' back\\\\slash'",
  "SHOW DATABASES",
  "SHOW MEASUREMENTS ON db WITH MEASUREMENT =~ /cpu/ WHERE host = 'a' LIMIT 2 OFFSET 1",
  "SHOW MEASUREMENTS ON *.*",
  "SHOW TAG KEYS ON db FROM cpu WITH KEY IN (a, b) WHERE x = 1 LIMIT 1 OFFSET 1 SLIMIT 1 SOFFSET 1",
  "SHOW TAG VALUES ON db FROM cpu WITH KEY = host WHERE region = 'us' LIMIT 10",
  "SHOW TAG VALUES WITH KEY !~ /x/",
  "SHOW FIELD KEYS ON db FROM cpu",
  "SHOW SERIES ON db FROM cpu WHERE a = 'b' LIMIT 1 OFFSET 2",
  "SHOW SERIES CARDINALITY",
  "SHOW MEASUREMENT EXACT CARDINALITY ON db FROM cpu WHERE a = 1 GROUP BY b LIMIT 1 OFFSET 1",
  "SHOW TAG KEY CARDINALITY",
  "SHOW FIELD KEY EXACT CARDINALITY",
  "SHOW TAG VALUES CARDINALITY ON db WITH KEY = host",
  "SHOW RETENTION POLICIES ON db",
  "SHOW CONTINUOUS QUERIES",
  "SHOW QUERIES",
  "SHOW SHARDS",
  "SHOW SHARD GROUPS",
  "SHOW SUBSCRIPTIONS",
  "SHOW USERS",
  "SHOW GRANTS FOR jdoe",
  "SHOW STATS FOR 'shard'",
  "SHOW DIAGNOSTICS",
  "CREATE DATABASE db",
  "CREATE DATABASE db WITH DURATION 36h REPLICATION 2 SHARD DURATION 1h FUTURE LIMIT 1h PAST LIMIT 1d NAME rp",
  "DROP DATABASE db",
  "CREATE RETENTION POLICY rp ON db DURATION 30d REPLICATION 1 SHARD DURATION 1d DEFAULT FUTURE LIMIT 1h PAST LIMIT 2h",
  "ALTER RETENTION POLICY rp ON db DURATION 1w REPLICATION 2 SHARD DURATION 1h DEFAULT",
  "DROP RETENTION POLICY rp ON db",
  "DROP MEASUREMENT cpu",
  "DROP SERIES FROM cpu WHERE host = 'a'",
  "DELETE FROM rp.cpu WHERE time < 1000",
  "DROP SHARD 1",
  "DROP USER u",
  "GRANT READ ON db TO u",
  "GRANT ALL PRIVILEGES TO u",
  "REVOKE WRITE ON db FROM u",
  "REVOKE ALL PRIVILEGES FROM u",
  'KILL QUERY 12 ON "host:8088"',
  "EXPLAIN VERBOSE SELECT * FROM m",
  "CREATE CONTINUOUS QUERY cq ON db RESAMPLE EVERY 1m FOR 1h BEGIN SELECT mean(v) INTO db.rp.m2 FROM m GROUP BY time(10m) END",
  "DROP CONTINUOUS QUERY cq ON db",
  "CREATE SUBSCRIPTION s ON db.rp DESTINATIONS ANY 'udp://h:1'",
  "DROP SUBSCRIPTION s ON db.rp",
];

describe("round trip: parse(format(parse(q))) equals parse(q)", () => {
  test.each(ROUND_TRIP)("%s", (q) => {
    const tree = one(q);
    expect(parseQuery(formatStatement(tree))).toEqual([tree]);
  });
});

describe("quoting and number formatting", () => {
  test("quoteIdent, as Go's QuoteIdent", () => {
    expect(quoteIdent("")).toBe('""');
    expect(quoteIdent("select")).toBe('"select"');
    expect(quoteIdent("in-bytes")).toBe('"in-bytes"');
    expect(quoteIdent("foo", "bar")).toBe('"foo".bar');
    expect(quoteIdent("foo", "", "bar")).toBe('"foo"..bar');
    expect(quoteIdent("foo bar", "baz")).toBe('"foo bar".baz');
    expect(quoteIdent("foo.bar", "rp", "1baz")).toBe('"foo.bar"."rp"."1baz"');
    expect(quoteIdent('a"b\\c\nd')).toBe('"a\\"b\\\\c\\nd"');
  });

  test("quoteString, as Go's QuoteString", () => {
    expect(quoteString("")).toBe("''");
    expect(quoteString("foo\nbar")).toBe("'foo\\nbar'");
    expect(quoteString("foo bar\\\\")).toBe("'foo bar\\\\\\\\'");
    expect(quoteString("'foo'")).toBe("'\\'foo\\''");
  });

  test.each([
    [0, "0", "0"],
    [-0, "-0", "-0"],
    [1.5, "1.5", "1.5"],
    [100, "100", "100"],
    [123456, "123456", "123456"],
    [1234567, "1234567", "1.234567e+06"],
    [0.0001, "0.0001", "0.0001"],
    [0.00001234, "0.00001234", "1.234e-05"],
    [1e21, "1000000000000000000000", "1e+21"],
    [1.7976931348623157e308, "17976931348623157" + "0".repeat(292), "1.7976931348623157e+308"],
    [5e-324, `0.${"0".repeat(323)}5`, "5e-324"],
  ])("%p prints as strconv 'f' %s and %%v %s", (value, f, v) => {
    expect(formatFloatF(value)).toBe(f);
    expect(formatFloatV(value)).toBe(v);
  });

  test("expressions print on their own", () => {
    const s = one("SELECT a FROM m WHERE b = 1 AND c =~ /x/");
    expect(s.kind === "select" && s.condition !== null && formatExpr(s.condition)).toBe("b = 1 AND c =~ /x/");
  });
});
