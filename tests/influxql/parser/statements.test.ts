import { describe, expect, test } from "bun:test";
import type { Statement } from "../../../app/influxql/parser.ts";
import { bin, call, dur, int, m, one, re, selectOf, star, str, v } from "./helpers.ts";

const H = 3_600_000_000_000n;
const D = 24n * H;

describe("SHOW", () => {
  test.each<[string, Statement]>([
    ["SHOW DATABASES", { kind: "show-databases" }],
    ["show users", { kind: "show-users" }],
    ["SHOW CONTINUOUS QUERIES", { kind: "show-continuous-queries" }],
    ["SHOW QUERIES", { kind: "show-queries" }],
    ["SHOW SHARDS", { kind: "show-shards" }],
    ["SHOW SHARD GROUPS", { kind: "show-shard-groups" }],
    ["SHOW SUBSCRIPTIONS", { kind: "show-subscriptions" }],
    ["SHOW STATS", { kind: "show-stats", module: "" }],
    ["SHOW STATS FOR 'httpd'", { kind: "show-stats", module: "httpd" }],
    ["SHOW DIAGNOSTICS FOR 'build'", { kind: "show-diagnostics", module: "build" }],
    ["SHOW GRANTS FOR jdoe", { kind: "show-grants", user: "jdoe" }],
    ["SHOW RETENTION POLICIES", { kind: "show-retention-policies", database: "" }],
    ['SHOW RETENTION POLICIES ON "my db"', { kind: "show-retention-policies", database: "my db" }],
    [
      "SHOW MEASUREMENTS",
      {
        kind: "show-measurements",
        database: "",
        retentionPolicy: "",
        wildcardDatabase: false,
        wildcardRetentionPolicy: false,
        source: null,
        condition: null,
        sortFields: [],
        limit: 0,
        offset: 0,
      },
    ],
    [
      "SHOW MEASUREMENTS ON db WITH MEASUREMENT =~ /cpu.*/ WHERE host = 'a' LIMIT 10 OFFSET 5",
      {
        kind: "show-measurements",
        database: "db",
        retentionPolicy: "",
        wildcardDatabase: false,
        wildcardRetentionPolicy: false,
        source: m("", { regex: re("cpu.*") }),
        condition: bin("=", v("host"), str("a")),
        sortFields: [],
        limit: 10,
        offset: 5,
      },
    ],
    [
      "SHOW MEASUREMENTS ON *.* WITH MEASUREMENT = cpu",
      {
        kind: "show-measurements",
        database: "",
        retentionPolicy: "",
        wildcardDatabase: true,
        wildcardRetentionPolicy: true,
        source: m("cpu"),
        condition: null,
        sortFields: [],
        limit: 0,
        offset: 0,
      },
    ],
    [
      "SHOW TAG KEYS ON db FROM cpu, mem WHERE host = 'a' LIMIT 2 OFFSET 1 SLIMIT 3 SOFFSET 4",
      {
        kind: "show-tag-keys",
        database: "db",
        sources: [m("cpu"), m("mem")],
        withKey: null,
        condition: bin("=", v("host"), str("a")),
        sortFields: [],
        limit: 2,
        offset: 1,
        slimit: 3,
        soffset: 4,
      },
    ],
    [
      "SHOW TAG KEYS WITH KEY IN (host, region)",
      {
        kind: "show-tag-keys",
        database: "",
        sources: [],
        withKey: { op: "IN", keys: ["host", "region"] },
        condition: null,
        sortFields: [],
        limit: 0,
        offset: 0,
        slimit: 0,
        soffset: 0,
      },
    ],
    [
      'SHOW TAG VALUES FROM cpu WITH KEY = "host" WHERE region = \'us\'',
      {
        kind: "show-tag-values",
        database: "",
        sources: [m("cpu")],
        withKey: { op: "=", key: "host" },
        condition: bin("=", v("region"), str("us")),
        sortFields: [],
        limit: 0,
        offset: 0,
      },
    ],
    [
      "SHOW TAG VALUES ON db WITH KEY != host",
      {
        kind: "show-tag-values",
        database: "db",
        sources: [],
        withKey: { op: "!=", key: "host" },
        condition: null,
        sortFields: [],
        limit: 0,
        offset: 0,
      },
    ],
    [
      "SHOW TAG VALUES WITH KEY =~ /ho/ LIMIT 1",
      {
        kind: "show-tag-values",
        database: "",
        sources: [],
        withKey: { op: "=~", regex: re("ho") },
        condition: null,
        sortFields: [],
        limit: 1,
        offset: 0,
      },
    ],
    [
      "SHOW TAG VALUES WITH KEY !~ /ho/",
      {
        kind: "show-tag-values",
        database: "",
        sources: [],
        withKey: { op: "!~", regex: re("ho") },
        condition: null,
        sortFields: [],
        limit: 0,
        offset: 0,
      },
    ],
    [
      "SHOW FIELD KEYS ON db FROM /c.*/ LIMIT 3",
      { kind: "show-field-keys", database: "db", sources: [m("", { regex: re("c.*") })], sortFields: [], limit: 3, offset: 0 },
    ],
    [
      "SHOW SERIES ON db FROM cpu WHERE host = 'a' LIMIT 5 OFFSET 6",
      {
        kind: "show-series",
        database: "db",
        sources: [m("cpu")],
        condition: bin("=", v("host"), str("a")),
        sortFields: [],
        limit: 5,
        offset: 6,
      },
    ],
  ])("%s", (q, expected) => {
    expect(one(q)).toEqual(expected);
  });
});

describe("SHOW ... CARDINALITY", () => {
  const base = { database: "", sources: [], condition: null, dimensions: [], limit: 0, offset: 0 };
  test.each<[string, Statement]>([
    ["SHOW SERIES CARDINALITY", { kind: "show-series-cardinality", exact: false, ...base }],
    [
      "SHOW SERIES EXACT CARDINALITY ON db FROM cpu WHERE host = 'a' GROUP BY region LIMIT 1 OFFSET 2",
      {
        kind: "show-series-cardinality",
        exact: true,
        database: "db",
        sources: [m("cpu")],
        condition: bin("=", v("host"), str("a")),
        dimensions: [v("region")],
        limit: 1,
        offset: 2,
      },
    ],
    ["SHOW MEASUREMENT CARDINALITY", { kind: "show-measurement-cardinality", exact: false, ...base }],
    ["SHOW MEASUREMENT EXACT CARDINALITY ON db", { kind: "show-measurement-cardinality", exact: true, ...base, database: "db" }],
    ["SHOW TAG KEY CARDINALITY FROM cpu", { kind: "show-tag-key-cardinality", exact: false, ...base, sources: [m("cpu")] }],
    ["SHOW TAG KEY EXACT CARDINALITY", { kind: "show-tag-key-cardinality", exact: true, ...base }],
    ["SHOW FIELD KEY CARDINALITY", { kind: "show-field-key-cardinality", exact: false, ...base }],
    ["SHOW FIELD KEY EXACT CARDINALITY ON db", { kind: "show-field-key-cardinality", exact: true, ...base, database: "db" }],
    [
      "SHOW TAG VALUES CARDINALITY WITH KEY = host",
      { kind: "show-tag-values-cardinality", exact: false, ...base, withKey: { op: "=", key: "host" } },
    ],
    [
      "SHOW TAG VALUES EXACT CARDINALITY FROM cpu WITH KEY IN (a, b) WHERE x = 1",
      {
        kind: "show-tag-values-cardinality",
        exact: true,
        ...base,
        sources: [m("cpu")],
        withKey: { op: "IN", keys: ["a", "b"] },
        condition: bin("=", v("x"), int(1)),
      },
    ],
  ])("%s", (q, expected) => {
    expect(one(q)).toEqual(expected);
  });

  test("SHOW SERIES EXACT without CARDINALITY lists series (Go ignores the EXACT)", () => {
    expect(one("SHOW SERIES EXACT").kind).toBe("show-series");
  });
});

describe("databases and retention policies", () => {
  const noRp = {
    retentionPolicyCreate: false,
    retentionPolicyDuration: null,
    retentionPolicyReplication: null,
    retentionPolicyName: "",
    retentionPolicyShardGroupDuration: 0n,
    futureWriteLimit: null,
    pastWriteLimit: null,
  };
  test.each<[string, Statement]>([
    ["CREATE DATABASE mydb", { kind: "create-database", name: "mydb", ...noRp }],
    [
      "CREATE DATABASE mydb WITH DURATION 1d REPLICATION 1 SHARD DURATION 1h NAME myrp",
      {
        kind: "create-database",
        name: "mydb",
        ...noRp,
        retentionPolicyCreate: true,
        retentionPolicyDuration: D,
        retentionPolicyReplication: 1,
        retentionPolicyShardGroupDuration: H,
        retentionPolicyName: "myrp",
      },
    ],
    [
      "CREATE DATABASE mydb WITH DURATION INF FUTURE LIMIT 1h PAST LIMIT 2h",
      {
        kind: "create-database",
        name: "mydb",
        ...noRp,
        retentionPolicyCreate: true,
        retentionPolicyDuration: 0n,
        futureWriteLimit: H,
        pastWriteLimit: 2n * H,
      },
    ],
    ["DROP DATABASE mydb", { kind: "drop-database", name: "mydb" }],
    [
      "CREATE RETENTION POLICY rp ON db DURATION 30d REPLICATION 2 SHARD DURATION 1d DEFAULT",
      {
        kind: "create-retention-policy",
        name: "rp",
        database: "db",
        duration: 30n * D,
        replication: 2,
        shardGroupDuration: D,
        isDefault: true,
        futureWriteLimit: 0n,
        pastWriteLimit: 0n,
      },
    ],
    [
      "CREATE RETENTION POLICY rp ON db DURATION INF REPLICATION 1",
      {
        kind: "create-retention-policy",
        name: "rp",
        database: "db",
        duration: 0n,
        replication: 1,
        shardGroupDuration: 0n,
        isDefault: false,
        futureWriteLimit: 0n,
        pastWriteLimit: 0n,
      },
    ],
    [
      "ALTER RETENTION POLICY rp ON db DEFAULT SHARD DURATION 2h REPLICATION 3 DURATION 1w PAST LIMIT 1d",
      {
        kind: "alter-retention-policy",
        name: "rp",
        database: "db",
        duration: 7n * D,
        replication: 3,
        shardGroupDuration: 2n * H,
        isDefault: true,
        futureWriteLimit: null,
        pastWriteLimit: D,
      },
    ],
    [
      "ALTER RETENTION POLICY default ON db DURATION 1h",
      {
        kind: "alter-retention-policy",
        name: "default",
        database: "db",
        duration: H,
        replication: null,
        shardGroupDuration: null,
        isDefault: false,
        futureWriteLimit: null,
        pastWriteLimit: null,
      },
    ],
    ["DROP RETENTION POLICY rp ON db", { kind: "drop-retention-policy", name: "rp", database: "db" }],
  ])("%s", (q, expected) => {
    expect(one(q)).toEqual(expected);
  });
});

describe("data removal", () => {
  test.each<[string, Statement]>([
    ["DROP MEASUREMENT cpu", { kind: "drop-measurement", name: "cpu" }],
    ["DROP SERIES FROM cpu", { kind: "drop-series", sources: [m("cpu")], condition: null }],
    [
      "DROP SERIES WHERE host = 'a'",
      { kind: "drop-series", sources: [], condition: bin("=", v("host"), str("a")) },
    ],
    [
      "DELETE FROM rp.cpu WHERE time < '2020-01-01'",
      { kind: "delete", sources: [m("cpu", { retentionPolicy: "rp" })], condition: bin("<", v("time"), str("2020-01-01")) },
    ],
    ["DELETE FROM /c.*/", { kind: "delete", sources: [m("", { regex: re("c.*") })], condition: null }],
    ["DROP SHARD 18446744073709551615", { kind: "drop-shard", id: 18446744073709551615n }],
  ])("%s", (q, expected) => {
    expect(one(q)).toEqual(expected);
  });
});

describe("users, privileges, queries", () => {
  test.each<[string, Statement]>([
    ["CREATE USER jdoe WITH PASSWORD 'pw'", { kind: "create-user", name: "jdoe", password: "pw", admin: false }],
    [
      "CREATE USER admin WITH PASSWORD 'p\\'w' WITH ALL PRIVILEGES",
      { kind: "create-user", name: "admin", password: "p'w", admin: true },
    ],
    ["DROP USER jdoe", { kind: "drop-user", name: "jdoe" }],
    ["SET PASSWORD FOR jdoe = 'new'", { kind: "set-password", name: "jdoe", password: "new" }],
    ["GRANT READ ON db TO jdoe", { kind: "grant", privilege: "READ", database: "db", user: "jdoe" }],
    ["GRANT WRITE ON db TO jdoe", { kind: "grant", privilege: "WRITE", database: "db", user: "jdoe" }],
    ["GRANT ALL ON db TO jdoe", { kind: "grant", privilege: "ALL PRIVILEGES", database: "db", user: "jdoe" }],
    ["GRANT ALL PRIVILEGES TO jdoe", { kind: "grant-admin", user: "jdoe" }],
    ["REVOKE READ ON db FROM jdoe", { kind: "revoke", privilege: "READ", database: "db", user: "jdoe" }],
    ["REVOKE ALL FROM jdoe", { kind: "revoke-admin", user: "jdoe" }],
    ["KILL QUERY 42", { kind: "kill-query", queryId: 42n, host: "" }],
    ['KILL QUERY 42 ON "h:8088"', { kind: "kill-query", queryId: 42n, host: "h:8088" }],
  ])("%s", (q, expected) => {
    expect(one(q)).toEqual(expected);
  });
});

describe("EXPLAIN, continuous queries, subscriptions", () => {
  test("EXPLAIN ANALYZE VERBOSE", () => {
    expect(one("EXPLAIN ANALYZE VERBOSE SELECT * FROM cpu")).toEqual({
      kind: "explain",
      analyze: true,
      verbose: true,
      statement: selectOf({ fields: [{ expr: star, alias: "" }], sources: [m("cpu")] }),
    });
  });

  test("CREATE CONTINUOUS QUERY with RESAMPLE", () => {
    expect(
      one(
        "CREATE CONTINUOUS QUERY cq ON db RESAMPLE EVERY 1m FOR 1h BEGIN " +
          "SELECT mean(v) INTO db.rp.:MEASUREMENT FROM /.*/ GROUP BY time(10m), * END",
      ),
    ).toEqual({
      kind: "create-continuous-query",
      name: "cq",
      database: "db",
      resampleEvery: 60_000_000_000n,
      resampleFor: H,
      source: selectOf({
        fields: [{ expr: call("mean", v("v")), alias: "" }],
        target: m("", { database: "db", retentionPolicy: "rp" }),
        sources: [m("", { regex: re(".*") })],
        dimensions: [call("time", dur(10, "m")), star],
        isRawQuery: false,
      }),
    });
  });

  test("a raw CQ needs no GROUP BY time", () => {
    expect(one("CREATE CONTINUOUS QUERY cq ON db BEGIN SELECT v INTO m2 FROM m END").kind).toBe(
      "create-continuous-query",
    );
  });

  test.each<[string, Statement]>([
    ["DROP CONTINUOUS QUERY cq ON db", { kind: "drop-continuous-query", name: "cq", database: "db" }],
    [
      "CREATE SUBSCRIPTION s ON db.rp DESTINATIONS ANY 'udp://a:1', 'udp://b:2'",
      {
        kind: "create-subscription",
        name: "s",
        database: "db",
        retentionPolicy: "rp",
        mode: "ANY",
        destinations: ["udp://a:1", "udp://b:2"],
      },
    ],
    ["DROP SUBSCRIPTION s ON db.rp", { kind: "drop-subscription", name: "s", database: "db", retentionPolicy: "rp" }],
  ])("%s", (q, expected) => {
    expect(one(q)).toEqual(expected);
  });
});
