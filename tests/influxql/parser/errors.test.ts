import { describe, expect, test } from "bun:test";
import { decodeParams, InfluxQLParseError, parseQuery } from "../../../app/influxql/parser.ts";

/** The message InfluxDB 1.x puts after "error parsing query: ". */
function errorOf(q: string, params?: string): string {
  try {
    parseQuery(q, params === undefined ? undefined : decodeParams(params));
  } catch (e) {
    expect(e).toBeInstanceOf(InfluxQLParseError);
    return (e as Error).message;
  }
  throw new Error(`parsed without error: ${q}`);
}

/**
 * InfluxDB's own parser test vectors (influxdata/influxql parser_test.go, TestParser_ParseStatement):
 * statement text and the exact error Go's parser returns.
 */
const GO_VECTORS: [string, string][] = [
  ["SELECT", "found EOF, expected identifier, string, number, bool at line 1, char 8"],
  ["blah blah", "found blah, expected SELECT, DELETE, SHOW, CREATE, DROP, EXPLAIN, GRANT, REVOKE, ALTER, SET, KILL at line 1, char 1"],
  ["SELECT field1 X", "found X, expected FROM at line 1, char 15"],
  ["SELECT field1 FROM \"series\" WHERE X +;", "found ;, expected identifier, string, number, bool at line 1, char 38"],
  ["SELECT field1 FROM myseries GROUP", "found EOF, expected BY at line 1, char 35"],
  ["SELECT field1 FROM myseries LIMIT", "found EOF, expected integer at line 1, char 35"],
  ["SELECT field1 FROM myseries LIMIT 10.5", "found 10.5, expected integer at line 1, char 35"],
  ["SELECT field1 FROM myseries OFFSET", "found EOF, expected integer at line 1, char 36"],
  ["SELECT field1 FROM myseries OFFSET 10.5", "found 10.5, expected integer at line 1, char 36"],
  ["SELECT field1 FROM myseries ORDER", "found EOF, expected BY at line 1, char 35"],
  ["SELECT field1 FROM myseries ORDER BY", "found EOF, expected identifier, ASC, DESC at line 1, char 38"],
  ["SELECT field1 FROM myseries ORDER BY /", "found /, expected identifier, ASC, DESC at line 1, char 38"],
  ["SELECT field1 FROM myseries ORDER BY 1", "found 1, expected identifier, ASC, DESC at line 1, char 38"],
  ["SELECT field1 FROM myseries ORDER BY time ASC,", "found EOF, expected identifier at line 1, char 47"],
  ["SELECT field1 FROM myseries ORDER BY time, field1", "only ORDER BY time supported at this time"],
  ["SELECT field1 AS", "found EOF, expected identifier at line 1, char 18"],
  ["SELECT field1 FROM 12", "found 12, expected identifier at line 1, char 20"],
  [`SELECT 1${"0".repeat(510)} FROM myseries`, "unable to parse integer at line 1, char 8"],
  ["SELECT 10.5h FROM myseries", "found h, expected FROM at line 1, char 12"],
  ["SELECT distinct FROM myseries", "found FROM, expected identifier at line 1, char 17"],
  ["SELECT count(distinct) FROM myseries", "found ), expected (, identifier at line 1, char 22"],
  ["SELECT field1 from myseries WHERE host =~ 'asd' LIMIT 1", "found asd, expected regex at line 1, char 42"],
  ["SELECT value > 2 FROM cpu", "invalid operator > in SELECT clause at line 1, char 8; operator is intended for WHERE clause"],
  ["SELECT value = 2 FROM cpu", "invalid operator = in SELECT clause at line 1, char 8; operator is intended for WHERE clause"],
  ["SELECT s =~ /foo/ FROM cpu", "invalid operator =~ in SELECT clause at line 1, char 8; operator is intended for WHERE clause"],
  ["SELECT mean(value) FROM cpu FILL + value", "fill must be a function call"],
  ["DELETE", "found EOF, expected FROM, WHERE at line 1, char 8"],
  ["DELETE FROM", "found EOF, expected identifier at line 1, char 13"],
  ["DELETE FROM &foo.myseries", "found &, expected identifier at line 1, char 13"],
  ["DELETE FROM ^foo.myseries", "found ^, expected identifier at line 1, char 13"],
  ["DELETE FROM *foo.myseries", "found *, expected identifier at line 1, char 13"],
  ["DELETE FROM myseries WHERE", "found EOF, expected identifier, string, number, bool at line 1, char 28"],
  ["DELETE FROM foo..myseries", "database not supported at line 1, char 1"],
  ["DROP MEASUREMENT", "found EOF, expected identifier at line 1, char 18"],
  ["DROP SERIES", "found EOF, expected FROM, WHERE at line 1, char 13"],
  ["DROP SERIES FROM", "found EOF, expected identifier at line 1, char 18"],
  ["DROP SERIES FROM src WHERE", "found EOF, expected identifier, string, number, bool at line 1, char 28"],
  ["DROP SERIES FROM \"foo\".myseries", "retention policy not supported at line 1, char 1"],
  ["DROP SERIES FROM foo..myseries", "database not supported at line 1, char 1"],
  ["SHOW CONTINUOUS", "found EOF, expected QUERIES at line 1, char 17"],
  ["SHOW RETENTION", "found EOF, expected POLICIES at line 1, char 16"],
  ["SHOW RETENTION ON", "found ON, expected POLICIES at line 1, char 16"],
  ["SHOW RETENTION POLICIES ON", "found EOF, expected identifier at line 1, char 28"],
  ["SHOW SHARD", "found EOF, expected GROUPS at line 1, char 12"],
  ["SHOW FOO", "found FOO, expected CONTINUOUS, DATABASES, DIAGNOSTICS, FIELD, GRANTS, MEASUREMENT, MEASUREMENTS, QUERIES, RETENTION, SERIES, SHARD, SHARDS, STATS, SUBSCRIPTIONS, TAG, USERS at line 1, char 6"],
  ["SHOW STATS FOR", "found EOF, expected string at line 1, char 16"],
  ["SHOW DIAGNOSTICS FOR", "found EOF, expected string at line 1, char 22"],
  ["SHOW GRANTS", "found EOF, expected FOR at line 1, char 13"],
  ["SHOW GRANTS FOR", "found EOF, expected identifier at line 1, char 17"],
  ["DROP CONTINUOUS", "found EOF, expected QUERY at line 1, char 17"],
  ["DROP CONTINUOUS QUERY", "found EOF, expected identifier at line 1, char 23"],
  ["DROP CONTINUOUS QUERY myquery", "found EOF, expected ON at line 1, char 31"],
  ["DROP CONTINUOUS QUERY myquery ON", "found EOF, expected identifier at line 1, char 34"],
  ["CREATE CONTINUOUS", "found EOF, expected QUERY at line 1, char 19"],
  ["CREATE CONTINUOUS QUERY", "found EOF, expected identifier at line 1, char 25"],
  ["CREATE CONTINUOUS QUERY cq ON db RESAMPLE FOR 5s BEGIN SELECT mean(value) INTO cpu_mean FROM cpu GROUP BY time(10s) END", "FOR duration must be >= GROUP BY time duration: must be a minimum of 10s, got 5s"],
  ["CREATE CONTINUOUS QUERY cq ON db RESAMPLE EVERY 10s FOR 5s BEGIN SELECT mean(value) INTO cpu_mean FROM cpu GROUP BY time(5s) END", "FOR duration must be >= GROUP BY time duration: must be a minimum of 10s, got 5s"],
  ["DROP FOO", "found FOO, expected CONTINUOUS, DATABASE, MEASUREMENT, RETENTION, SERIES, SHARD, SUBSCRIPTION, USER at line 1, char 6"],
  ["CREATE FOO", "found FOO, expected CONTINUOUS, DATABASE, USER, RETENTION, SUBSCRIPTION at line 1, char 8"],
  ["CREATE DATABASE", "found EOF, expected identifier at line 1, char 17"],
  ["CREATE DATABASE \"testdb\" WITH", "found EOF, expected DURATION, NAME, REPLICATION, SHARD, FUTURE, PAST at line 1, char 31"],
  ["CREATE DATABASE \"testdb\" WITH DURATION", "found EOF, expected duration at line 1, char 40"],
  ["CREATE DATABASE \"testdb\" WITH REPLICATION", "found EOF, expected integer at line 1, char 43"],
  ["CREATE DATABASE \"testdb\" WITH NAME", "found EOF, expected identifier at line 1, char 36"],
  ["CREATE DATABASE \"testdb\" WITH SHARD", "found EOF, expected DURATION at line 1, char 37"],
  ["DROP DATABASE", "found EOF, expected identifier at line 1, char 15"],
  ["DROP RETENTION", "found EOF, expected POLICY at line 1, char 16"],
  ["DROP RETENTION POLICY", "found EOF, expected identifier at line 1, char 23"],
  ["DROP RETENTION POLICY \"1h.cpu\"", "found EOF, expected ON at line 1, char 31"],
  ["DROP RETENTION POLICY \"1h.cpu\" ON", "found EOF, expected identifier at line 1, char 35"],
  ["DROP USER", "found EOF, expected identifier at line 1, char 11"],
  ["DROP SUBSCRIPTION", "found EOF, expected identifier at line 1, char 19"],
  ["DROP SUBSCRIPTION \"name\"", "found EOF, expected ON at line 1, char 25"],
  ["DROP SUBSCRIPTION \"name\" ON ", "found EOF, expected identifier at line 1, char 30"],
  ["DROP SUBSCRIPTION \"name\" ON \"db\"", "found EOF, expected . at line 1, char 33"],
  ["DROP SUBSCRIPTION \"name\" ON \"db\".", "found EOF, expected identifier at line 1, char 34"],
  ["CREATE USER testuser", "found EOF, expected WITH at line 1, char 22"],
  ["CREATE USER testuser WITH", "found EOF, expected PASSWORD at line 1, char 27"],
  ["CREATE USER testuser WITH PASSWORD", "found EOF, expected string at line 1, char 36"],
  ["CREATE USER testuser WITH PASSWORD 'pwd' WITH", "found EOF, expected ALL at line 1, char 47"],
  ["CREATE USER testuser WITH PASSWORD 'pwd' WITH ALL", "found EOF, expected PRIVILEGES at line 1, char 51"],
  ["CREATE SUBSCRIPTION", "found EOF, expected identifier at line 1, char 21"],
  ["CREATE SUBSCRIPTION \"name\"", "found EOF, expected ON at line 1, char 27"],
  ["CREATE SUBSCRIPTION \"name\" ON ", "found EOF, expected identifier at line 1, char 32"],
  ["CREATE SUBSCRIPTION \"name\" ON \"db\"", "found EOF, expected . at line 1, char 35"],
  ["CREATE SUBSCRIPTION \"name\" ON \"db\".", "found EOF, expected identifier at line 1, char 36"],
  ["CREATE SUBSCRIPTION \"name\" ON \"db\".\"rp\"", "found EOF, expected DESTINATIONS at line 1, char 40"],
  ["CREATE SUBSCRIPTION \"name\" ON \"db\".\"rp\" DESTINATIONS", "found EOF, expected ALL, ANY at line 1, char 54"],
  ["CREATE SUBSCRIPTION \"name\" ON \"db\".\"rp\" DESTINATIONS ALL ", "found EOF, expected string at line 1, char 59"],
  ["GRANT", "found EOF, expected READ, WRITE, ALL [PRIVILEGES] at line 1, char 7"],
  ["GRANT BOGUS", "found BOGUS, expected READ, WRITE, ALL [PRIVILEGES] at line 1, char 7"],
  ["GRANT READ", "found EOF, expected ON at line 1, char 12"],
  ["GRANT READ FROM", "found FROM, expected ON at line 1, char 12"],
  ["GRANT READ ON", "found EOF, expected identifier at line 1, char 15"],
  ["GRANT READ ON TO", "found TO, expected identifier at line 1, char 15"],
  ["GRANT READ ON testdb", "found EOF, expected TO at line 1, char 22"],
  ["GRANT READ ON testdb TO", "found EOF, expected identifier at line 1, char 25"],
  ["GRANT READ TO", "found TO, expected ON at line 1, char 12"],
  ["GRANT WRITE", "found EOF, expected ON at line 1, char 13"],
  ["GRANT WRITE FROM", "found FROM, expected ON at line 1, char 13"],
  ["GRANT WRITE ON", "found EOF, expected identifier at line 1, char 16"],
  ["GRANT WRITE ON TO", "found TO, expected identifier at line 1, char 16"],
  ["GRANT WRITE ON testdb", "found EOF, expected TO at line 1, char 23"],
  ["GRANT WRITE ON testdb TO", "found EOF, expected identifier at line 1, char 26"],
  ["GRANT WRITE TO", "found TO, expected ON at line 1, char 13"],
  ["GRANT ALL", "found EOF, expected ON, TO at line 1, char 11"],
  ["GRANT ALL PRIVILEGES", "found EOF, expected ON, TO at line 1, char 22"],
  ["GRANT ALL FROM", "found FROM, expected ON, TO at line 1, char 11"],
  ["GRANT ALL PRIVILEGES FROM", "found FROM, expected ON, TO at line 1, char 22"],
  ["GRANT ALL ON", "found EOF, expected identifier at line 1, char 14"],
  ["GRANT ALL PRIVILEGES ON", "found EOF, expected identifier at line 1, char 25"],
  ["GRANT ALL ON TO", "found TO, expected identifier at line 1, char 14"],
  ["GRANT ALL PRIVILEGES ON TO", "found TO, expected identifier at line 1, char 25"],
  ["GRANT ALL ON testdb", "found EOF, expected TO at line 1, char 21"],
  ["GRANT ALL PRIVILEGES ON testdb", "found EOF, expected TO at line 1, char 32"],
  ["GRANT ALL ON testdb FROM", "found FROM, expected TO at line 1, char 21"],
  ["GRANT ALL PRIVILEGES ON testdb FROM", "found FROM, expected TO at line 1, char 32"],
  ["GRANT ALL ON testdb TO", "found EOF, expected identifier at line 1, char 24"],
  ["GRANT ALL PRIVILEGES ON testdb TO", "found EOF, expected identifier at line 1, char 35"],
  ["GRANT ALL TO", "found EOF, expected identifier at line 1, char 14"],
  ["GRANT ALL PRIVILEGES TO", "found EOF, expected identifier at line 1, char 25"],
  ["KILL", "found EOF, expected QUERY at line 1, char 6"],
  ["KILL QUERY 10s", "found 10s, expected integer at line 1, char 12"],
  ["KILL QUERY 4 ON 'host'", "found host, expected identifier at line 1, char 16"],
  ["REVOKE", "found EOF, expected READ, WRITE, ALL [PRIVILEGES] at line 1, char 8"],
  ["REVOKE BOGUS", "found BOGUS, expected READ, WRITE, ALL [PRIVILEGES] at line 1, char 8"],
  ["REVOKE READ", "found EOF, expected ON at line 1, char 13"],
  ["REVOKE READ TO", "found TO, expected ON at line 1, char 13"],
  ["REVOKE READ ON", "found EOF, expected identifier at line 1, char 16"],
  ["REVOKE READ ON FROM", "found FROM, expected identifier at line 1, char 16"],
  ["REVOKE READ ON testdb", "found EOF, expected FROM at line 1, char 23"],
  ["REVOKE READ ON testdb FROM", "found EOF, expected identifier at line 1, char 28"],
  ["REVOKE READ FROM", "found FROM, expected ON at line 1, char 13"],
  ["REVOKE WRITE", "found EOF, expected ON at line 1, char 14"],
  ["REVOKE WRITE TO", "found TO, expected ON at line 1, char 14"],
  ["REVOKE WRITE ON", "found EOF, expected identifier at line 1, char 17"],
  ["REVOKE WRITE ON FROM", "found FROM, expected identifier at line 1, char 17"],
  ["REVOKE WRITE ON testdb", "found EOF, expected FROM at line 1, char 24"],
  ["REVOKE WRITE ON testdb FROM", "found EOF, expected identifier at line 1, char 29"],
  ["REVOKE WRITE FROM", "found FROM, expected ON at line 1, char 14"],
  ["REVOKE ALL", "found EOF, expected ON, FROM at line 1, char 12"],
  ["REVOKE ALL PRIVILEGES", "found EOF, expected ON, FROM at line 1, char 23"],
  ["REVOKE ALL TO", "found TO, expected ON, FROM at line 1, char 12"],
  ["REVOKE ALL PRIVILEGES TO", "found TO, expected ON, FROM at line 1, char 23"],
  ["REVOKE ALL ON", "found EOF, expected identifier at line 1, char 15"],
  ["REVOKE ALL PRIVILEGES ON", "found EOF, expected identifier at line 1, char 26"],
  ["REVOKE ALL ON FROM", "found FROM, expected identifier at line 1, char 15"],
  ["REVOKE ALL PRIVILEGES ON FROM", "found FROM, expected identifier at line 1, char 26"],
  ["REVOKE ALL ON testdb", "found EOF, expected FROM at line 1, char 22"],
  ["REVOKE ALL PRIVILEGES ON testdb", "found EOF, expected FROM at line 1, char 33"],
  ["REVOKE ALL ON testdb TO", "found TO, expected FROM at line 1, char 22"],
  ["REVOKE ALL PRIVILEGES ON testdb TO", "found TO, expected FROM at line 1, char 33"],
  ["REVOKE ALL ON testdb FROM", "found EOF, expected identifier at line 1, char 27"],
  ["REVOKE ALL PRIVILEGES ON testdb FROM", "found EOF, expected identifier at line 1, char 38"],
  ["REVOKE ALL FROM", "found EOF, expected identifier at line 1, char 17"],
  ["REVOKE ALL PRIVILEGES FROM", "found EOF, expected identifier at line 1, char 28"],
  ["CREATE RETENTION", "found EOF, expected POLICY at line 1, char 18"],
  ["CREATE RETENTION POLICY", "found EOF, expected identifier at line 1, char 25"],
  ["CREATE RETENTION POLICY policy1", "found EOF, expected ON at line 1, char 33"],
  ["CREATE RETENTION POLICY policy1 ON", "found EOF, expected identifier at line 1, char 36"],
  ["CREATE RETENTION POLICY policy1 ON testdb", "found EOF, expected DURATION at line 1, char 43"],
  ["CREATE RETENTION POLICY policy1 ON testdb DURATION", "found EOF, expected duration at line 1, char 52"],
  ["CREATE RETENTION POLICY policy1 ON testdb DURATION bad", "found bad, expected duration at line 1, char 52"],
  ["CREATE RETENTION POLICY policy1 ON testdb DURATION 1h", "found EOF, expected REPLICATION at line 1, char 54"],
  ["CREATE RETENTION POLICY policy1 ON testdb DURATION 1h REPLICATION", "found EOF, expected integer at line 1, char 67"],
  ["CREATE RETENTION POLICY policy1 ON testdb DURATION 1h REPLICATION 3.14", "found 3.14, expected integer at line 1, char 67"],
  ["CREATE RETENTION POLICY policy1 ON testdb DURATION 1h REPLICATION 0", "invalid value 0: must be 1 <= n <= 2147483647 at line 1, char 67"],
  ["CREATE RETENTION POLICY policy1 ON testdb DURATION 1h REPLICATION bad", "found bad, expected integer at line 1, char 67"],
  ["CREATE RETENTION POLICY policy1 ON testdb DURATION 1h REPLICATION 2 SHARD DURATION INF", "invalid duration INF for shard duration at line 1, char 84"],
  ["ALTER", "found EOF, expected RETENTION at line 1, char 7"],
  ["ALTER RETENTION", "found EOF, expected POLICY at line 1, char 17"],
  ["ALTER RETENTION POLICY", "found EOF, expected identifier at line 1, char 24"],
  ["ALTER RETENTION POLICY policy1", "found EOF, expected ON at line 1, char 32"],
  ["ALTER RETENTION POLICY policy1 ON", "found EOF, expected identifier at line 1, char 35"],
  ["ALTER RETENTION POLICY policy1 ON testdb", "found EOF, expected DURATION, REPLICATION, SHARD, DEFAULT, FUTURE, PAST at line 1, char 42"],
  ["ALTER RETENTION POLICY policy1 ON testdb REPLICATION 1 REPLICATION 2", "found duplicate REPLICATION option at line 1, char 56"],
  ["ALTER RETENTION POLICY policy1 ON testdb DURATION 15251w", "overflowed duration 15251w: choose a smaller duration or INF at line 1, char 51"],
  ["ALTER RETENTION POLICY policy1 ON testdb DURATION INF SHARD DURATION INF", "invalid duration INF for shard duration at line 1, char 70"],
  ["SET", "found EOF, expected PASSWORD at line 1, char 5"],
  ["SET PASSWORD", "found EOF, expected FOR at line 1, char 14"],
  ["SET PASSWORD something", "found something, expected FOR at line 1, char 14"],
  ["SET PASSWORD FOR", "found EOF, expected identifier at line 1, char 18"],
  ["SET PASSWORD FOR dejan", "found EOF, expected = at line 1, char 24"],
  ["SET PASSWORD FOR dejan =", "found EOF, expected string at line 1, char 25"],
  ["SET PASSWORD FOR dejan = bla", "found bla, expected string at line 1, char 26"],
  ["$SHOW$DATABASES", "found $SHOW, expected SELECT, DELETE, SHOW, CREATE, DROP, EXPLAIN, GRANT, REVOKE, ALTER, SET, KILL at line 1, char 1"],
  ["SELECT * FROM cpu WHERE \"tagkey\" = $$", "empty bound parameter"],
];

describe("errors match InfluxDB's parser test vectors", () => {
  test.each(GO_VECTORS)("%s", (q, message) => {
    expect(errorOf(q)).toBe(message);
  });
});

/** Further cases, each worked out from the Go parser's code path (noted where not obvious). */
const MORE: [string, string][] = [
  // influxdb#8448: a comment where a field may start is scanned as a /regex/.
  ['SELECT /* hi */ "myfield" FROM "mymeas"', "error parsing regexp: missing argument to repetition operator: `*` at line 1, char 7"],
  // Unterminated string: the token's position is the character before the quote.
  ["SELECT * FROM cpu WHERE a = 'abc", "found abc, expected identifier, string, number, bool at line 1, char 28"],
  ['SELECT "abc FROM m', "found abc FROM m, expected identifier, string, number, bool at line 1, char 7"],
  // Unterminated regex: Go reports an empty literal, hence the double space.
  ["SELECT * FROM /cpu", "bad regex:  at line 1, char 14"],
  ["SELECT a FROM m WHERE a = 'x\\q'", "found \\q, expected identifier, string, number, bool at line 1, char 30"],
  ["SHOW DATABASES /* x", "found ILLEGAL, expected ; at line 1, char 16"],
  ["SELECT a FROM m WHERE a = !b", "found !, expected identifier, string, number, bool at line 1, char 27"],
  ["SELECT * FROM cpu WHERE time > now() - 1y", "invalid duration"],
  ["SELECT * FROM cpu WHERE time > now() - 1µs", "invalid duration"],
  ["SELECT -9223372036854775809 FROM m", "constant -9223372036854775809 underflows int64"],
  ["SELECT -+1 FROM m", "found +, expected identifier, number, duration, ( at line 1, char 9"],
  ["SELECT a FROM a.b.c.d", 'too many segments in "a"."b"."c".d at line 1, char 1'],
  ["SELECT a FROM m WHERE a =~ /x(/", "error parsing regexp: missing closing ): `x(` at line 1, char 27"],
  ["SELECT a FROM m WHERE a = /x/", "found /, expected identifier, string, number, bool at line 1, char 27"],
  ["SELECT a FROM m WHERE a =~ 'x'", "found x, expected regex at line 1, char 27"],
  ["SELECT a FROM m tz('Nope/X')", "unable to find time zone Nope/X"],
  ["SELECT a FROM m tz('america/new_york')", "unable to find time zone america/new_york"],
  ["SELECT a FROM m tz(1)", "expected string argument in tz()"],
  ["SELECT a FROM m tz()", "tz requires exactly one argument"],
  ["SELECT a FROM m tz + 1", "tz must be a function call"],
  ["SELECT mean(a) FROM m GROUP BY time(1m) fill()", "fill requires an argument, e.g.: 0, null, none, previous, linear"],
  ["SELECT mean(a) FROM m GROUP BY time(1m) fill('x')", "expected number argument in fill()"],
  ["SELECT mean(a) FROM m GROUP BY time(1m) fill(NULL)", "expected number argument in fill()"],
  ["SELECT a, b > 1 AND c FROM m", "invalid operator AND in SELECT clause at line 1, char 11; operator is intended for WHERE clause"],
  ["SELECT (a > 1) + (b = 2) FROM m", "invalid operator = in SELECT clause at line 1, char 8; operator is intended for WHERE clause"],
  ["SELECT a FROM m ORDER BY host", "only ORDER BY time supported at this time"],
  ["SELECT a FROM m ORDER BY TIME", "only ORDER BY time supported at this time"],
  ["SELECT a FROM m SLIMIT -1", "found -, expected integer at line 1, char 24"],
  ["SELECT count(x FROM m", "found FROM, expected ) at line 1, char 16"],
  ["SELECT a::number FROM m", "found number, expected float, integer, unsigned, string, boolean, field, tag at line 1, char 11"],
  ["SELECT a::in FROM m", "found IN, expected float, integer, string, boolean, field, tag at line 1, char 11"],
  ["SELECT *::integer FROM m", "found integer, expected field, tag at line 1, char 11"],
  ["SELECT a INTO :MEASUREMENT FROM m", "found :, expected identifier at line 1, char 15"],
  ["SELECT a FROM m; garbage", "found garbage, expected SELECT, DELETE, SHOW, CREATE, DROP, EXPLAIN, GRANT, REVOKE, ALTER, SET, KILL at line 1, char 18"],
  ["SHOW TAG VALUES FROM m", "found EOF, expected WITH at line 1, char 24"],
  ["SHOW TAG VALUES WITH KEY", "found EOF, expected IN, =, =~ at line 1, char 26"],
  ["SHOW TAG VALUES WITH KEY =~ x", "found x, expected regex at line 1, char 29"],
  ["SHOW TAG KEY", "found EOF, expected EXACT, CARDINALITY at line 1, char 14"],
  ["SHOW TAG KEY EXACT", "found EOF, expected CARDINALITY at line 1, char 20"],
  ["SHOW MEASUREMENT", "found EOF, expected EXACT, CARDINALITY at line 1, char 18"],
  ["SHOW MEASUREMENTS ON 1", "found 1, expected identifier or * at line 1, char 22"],
  ["SHOW MEASUREMENTS WITH MEASUREMENT < x", "found <, expected =, =~ at line 1, char 36"],
  ["DELETE FROM a.b.c", "database not supported at line 1, char 1"],
  ["DROP SERIES FROM a.b.c, d..e", "database not supported at line 1, char 1"],
  ["DROP SERIES FROM d..e, a.b.c", "retention policy not supported at line 1, char 1"],
  ["CREATE DATABASE db WITH REPLICATION 99999999999999999999", 'strconv.Atoi: parsing "99999999999999999999": value out of range at line 1, char 37'],
  ["KILL QUERY 99999999999999999999999", 'strconv.ParseUint: parsing "99999999999999999999999": value out of range at line 1, char 12'],
  ["ALTER RETENTION POLICY rp ON db DEFAULT DEFAULT", "found duplicate DEFAULT option at line 1, char 41"],
  ["ALTER RETENTION POLICY rp ON db FUTURE 1h", "found 1h, expected LIMIT at line 1, char 40"],
  ["CREATE RETENTION POLICY rp ON db DURATION 1h REPLICATION 1 PAST LIMIT x", "found x, expected duration at line 1, char 71"],
  ["CREATE CONTINUOUS QUERY cq ON db RESAMPLE BEGIN SELECT mean(v) INTO m2 FROM m GROUP BY time(1m) END", "found BEGIN, expected EVERY, FOR at line 1, char 43"],
  // An aggregate CQ without GROUP BY time: Go steps back two tokens before reporting.
  ["CREATE CONTINUOUS QUERY cq ON db BEGIN SELECT mean(value) INTO cpu_mean FROM cpu END", "found cpu, expected GROUP BY time(...) at line 1, char 78"],
  ["CREATE CONTINUOUS QUERY cq ON db BEGIN SELECT mean(value) INTO cpu_mean FROM cpu GROUP BY time(x) END", "found ), expected GROUP BY time(...), time dimension must have duration argument at line 1, char 97"],
  ["CREATE CONTINUOUS QUERY cq ON db BEGIN SELECT value INTO cpu_mean FROM cpu GROUP BY time(1m, 2m, 3m) END", "time dimension expected 1 or 2 arguments"],
  ["CREATE CONTINUOUS QUERY cq ON db BEGIN SELECT mean(value) FROM cpu GROUP BY time(1m) END", "found FROM, expected INTO at line 1, char 59"],
  ["EXPLAIN ANALYZE SHOW DATABASES", "found SHOW, expected SELECT at line 1, char 17"],
];

describe("errors worked out from the Go parser", () => {
  test.each(MORE)("%s", (q, message) => {
    expect(errorOf(q)).toBe(message);
  });
});

describe("bound parameter errors", () => {
  test("an unbound parameter", () => {
    expect(errorOf("SELECT a FROM m WHERE a = $x")).toBe("missing parameter: x");
  });
  test("a negative LIMIT can only come from a parameter", () => {
    expect(errorOf("SELECT a FROM m LIMIT $n", '{"n": -5}')).toBe("LIMIT must be >= 0 at line 1, char 23");
  });
  test("a plain string parameter is a string, not an identifier", () => {
    expect(errorOf("SELECT a FROM $m", '{"m": "cpu"}')).toBe("found cpu, expected identifier at line 1, char 15");
  });
  test("an unusable value fails only where it is used, as a missing parameter named by its error", () => {
    expect(errorOf("SELECT a FROM m WHERE a = $x", '{"x": [1]}')).toBe(
      "missing parameter: unable to bind parameter with type []interface {}",
    );
    expect(parseQuery("SELECT a FROM m", decodeParams('{"x": [1]}'))).toHaveLength(1);
  });
});

describe("nesting limit", () => {
  test("500 levels parse; deeper input is refused with a parse error, not a crash", () => {
    expect(parseQuery(`SELECT ${"(".repeat(500)}a${")".repeat(500)} FROM m`)).toHaveLength(1);
    expect(errorOf(`SELECT ${"(".repeat(501)}a${")".repeat(501)} FROM m`)).toBe(
      "expression nests too deeply at line 1, char 508",
    );
    expect(errorOf(`SELECT a FROM ${"(SELECT a FROM ".repeat(600)}m${")".repeat(600)}`)).toStartWith(
      "expression nests too deeply at line 1, char ",
    );
  });
});
