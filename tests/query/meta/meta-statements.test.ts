/**
 * Meta statements beyond what the 1.6.7 goldens record: strata's mapping of databases and
 * retention policies onto buckets, permissions, time-bounded SHOWs, deletes, and the statements
 * strata answers in its own way (users, continuous queries, shards, ...).
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { parseQuery } from "../../../app/influxql/parser.ts";
import { chunkStyleOf } from "../../../app/query/chunk-style.ts";
import { bucketPermission, createToken, createV1User } from "../../routes/credentials.ts";
import { startTestServer, type TestServer } from "../../routes/test-server.ts";

let t: TestServer;
let orgId: string;

beforeAll(async () => {
  t = await startTestServer({ bucket: "main" });
  orgId = t.server.ctx.defaults.orgId;
});
afterAll(() => t.stop());

async function query(q: string, opts: { db?: string; method?: "GET" | "POST"; token?: string; params?: Record<string, string> } = {}): Promise<unknown> {
  const params = new URLSearchParams({ q, ...(opts.db !== undefined ? { db: opts.db } : {}), ...opts.params });
  const headers: Record<string, string> = opts.token === undefined ? {} : { Authorization: `Token ${opts.token}` };
  const res =
    opts.method === "GET"
      ? await t.request(`/query?${params}`, { headers })
      : await t.request("/query", { method: "POST", headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" }, body: params.toString() });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: unknown[] }).results;
}

async function write(db: string, lines: string, rp = ""): Promise<void> {
  const res = await t.request(`/write?db=${encodeURIComponent(db)}&rp=${rp}&precision=s`, { method: "POST", body: lines });
  expect(res.status).toBe(204);
}

/** Recent enough for a 7-day policy to accept. */
const recent = () => Math.floor(Date.now() / 1000) - 3600;

const bucketNamed = (name: string) => t.server.ctx.meta.buckets.findByName(orgId, name);

describe("databases and retention policies as buckets", () => {
  test("CREATE DATABASE makes an infinite bucket named after it; policies get `db/rp` buckets", async () => {
    await query("CREATE DATABASE shop");
    await query("CREATE RETENTION POLICY week ON shop DURATION 7d REPLICATION 1 DEFAULT");
    expect((await bucketNamed("shop"))?.retentionRules).toEqual([{ type: "expire", everySeconds: 0, shardGroupDurationSeconds: 604800 }]);
    expect((await bucketNamed("shop/week"))?.retentionRules).toEqual([{ type: "expire", everySeconds: 604800, shardGroupDurationSeconds: 86400 }]);
    expect(await query("SHOW RETENTION POLICIES ON shop")).toEqual([
      {
        statement_id: 0,
        series: [{ columns: ["name", "duration", "shardGroupDuration", "replicaN", "default"], values: [["autogen", "0s", "168h0m0s", 1, false], ["week", "168h0m0s", "24h0m0s", 1, true]] }],
      },
    ]);
  });

  test("writes without rp land in the default policy; DROP RETENTION POLICY takes its data", async () => {
    await write("shop", `sales,store=a amount=1 ${recent()}`);
    expect(await query("SHOW MEASUREMENTS ON shop.week")).toEqual([
      { statement_id: 0, series: [{ name: "measurements", columns: ["name", "database", "retention policy"], values: [["sales", "shop", "week"]] }] },
    ]);
    const bucket = await bucketNamed("shop/week");
    expect(t.server.ctx.engine.bucketStore(bucket!.id)).toBeDefined();
    await query("DROP RETENTION POLICY week ON shop");
    expect(await bucketNamed("shop/week")).toBeUndefined();
    expect(t.server.ctx.engine.bucketStore(bucket!.id)).toBeUndefined();
  });

  test("buckets without a mapping are databases too (InfluxDB 2.x's virtual mappings)", async () => {
    const { buckets } = t.server.ctx.meta;
    await buckets.create({ orgId, name: "plain", retentionRules: [{ type: "expire", everySeconds: 3600 * 48 }] });
    await buckets.create({ orgId, name: "plain/hot", retentionRules: [{ type: "expire", everySeconds: 3600 }] });
    const [dbs] = (await query("SHOW DATABASES")) as [{ series: [{ values: string[][] }] }];
    expect(dbs.series[0].values.flat()).toEqual(["main", "shop", "plain"]);
    expect(await query("SHOW RETENTION POLICIES ON plain")).toEqual([
      {
        statement_id: 0,
        series: [{ columns: ["name", "duration", "shardGroupDuration", "replicaN", "default"], values: [["autogen", "48h0m0s", "24h0m0s", 1, true], ["hot", "1h0m0s", "1h0m0s", 1, false]] }],
      },
    ]);
    await query("ALTER RETENTION POLICY hot ON plain DEFAULT");
    expect((await t.server.ctx.meta.dbrps.resolve(orgId, "plain"))?.retentionPolicy).toBe("hot");
    await query("DROP DATABASE plain");
    expect(await bucketNamed("plain")).toBeUndefined();
    expect(await bucketNamed("plain/hot")).toBeUndefined();
    // The catalog meta statements read is cached; a metadata write must be seen at once.
    const [after] = (await query("SHOW DATABASES")) as [{ series: [{ values: string[][] }] }];
    expect(after.series[0].values.flat()).toEqual(["main", "shop"]);
    await t.server.ctx.meta.buckets.create({ orgId, name: "later", retentionRules: [{ type: "expire", everySeconds: 0 }] });
    const [again] = (await query("SHOW DATABASES")) as [{ series: [{ values: string[][] }] }];
    expect(again.series[0].values.flat()).toEqual(["main", "shop", "later"]);
    await query("DROP DATABASE later");
  });

  test("names InfluxDB refuses", async () => {
    expect(await query('CREATE DATABASE "a/b"')).toEqual([{ statement_id: 0, error: "invalid name" }]);
    expect(await query('CREATE RETENTION POLICY ".." ON shop DURATION 1d REPLICATION 1')).toEqual([{ statement_id: 0, error: "invalid name" }]);
  });
});

describe("GET runs write statements with 1.x's deprecation warning", () => {
  test("DROP MEASUREMENT warns; DELETE does not (as in 1.x)", async () => {
    await write("shop", `tmp,k=v x=1 ${recent()}`);
    expect(await query("DROP MEASUREMENT tmp", { db: "shop", method: "GET" })).toEqual([
      { statement_id: 0, messages: [{ level: "warning", text: "deprecated use of 'DROP MEASUREMENT tmp' in a read only context, please use a POST request instead" }] },
    ]);
    expect(await query("DELETE FROM tmp", { db: "shop", method: "GET" })).toEqual([{ statement_id: 0 }]);
  });
});

describe("time-bounded SHOWs read the shard groups the range touches", () => {
  beforeAll(async () => {
    await query("CREATE DATABASE tb");
    // 2026-01-01 (a Thursday) and 2026-01-20: two different 7-day shard groups of autogen.
    await write("tb", "m,host=early v=1 1767225600\nm,host=late v=1 1768867200");
  });

  test("a series counts when its shard group overlaps the range, not only its points", async () => {
    const keys = async (cond: string) => ((await query(`SHOW SERIES WHERE ${cond}`, { db: "tb" })) as [{ series?: [{ values: string[][] }] }])[0].series?.[0].values.flat() ?? [];
    expect(await keys("time >= '2026-01-04T00:00:00Z' AND time < '2026-01-05T00:00:00Z'")).toEqual(["m,host=early"]);
    expect(await keys("time >= '2026-01-05T00:00:00Z' AND time < '2026-01-06T00:00:00Z'")).toEqual([]);
    expect(await keys("time > '2026-01-10T00:00:00Z'")).toEqual(["m,host=late"]);
  });

  test("SHOW TAG VALUES: any shard in range opens the whole database index", async () => {
    expect(await query("SHOW TAG VALUES WITH KEY = host WHERE time > '2026-01-19T00:00:00Z'", { db: "tb" })).toEqual([
      { statement_id: 0, series: [{ name: "m", columns: ["key", "value"], values: [["host", "early"], ["host", "late"]] }] },
    ]);
    expect(await query("SHOW TAG VALUES WITH KEY = host WHERE time > '2026-02-01T00:00:00Z'", { db: "tb" })).toEqual([{ statement_id: 0 }]);
  });
});

describe("deletes", () => {
  beforeAll(async () => {
    await query("CREATE DATABASE del");
    await write("del", ["cpu,host=a,dc=x v=1 1767225600", "cpu,host=b,dc=x v=1 1767225600", "cpu,host=c,dc=y v=1 1767225600", "cpu,host=c,dc=y v=2 1767312000"].join("\n"));
  });
  const series = async () => ((await query("SHOW SERIES", { db: "del" })) as [{ series?: [{ values: string[][] }] }])[0].series?.[0].values.flat() ?? [];

  test("a field condition is refused and deletes nothing", async () => {
    expect(await query("DELETE FROM cpu WHERE v > 0", { db: "del" })).toEqual([{ statement_id: 0, error: "shard 1: fields not supported in WHERE clause during deletion" }]);
    expect(await series()).toEqual(["cpu,dc=x,host=a", "cpu,dc=x,host=b", "cpu,dc=y,host=c"]);
  });

  test("regex and OR conditions resolve to series; a time range keeps the rest of a series", async () => {
    await query("DELETE FROM /^c/ WHERE host =~ /^c$/ AND time < '2026-01-02T00:00:00Z'", { db: "del" });
    expect(await series()).toEqual(["cpu,dc=x,host=a", "cpu,dc=x,host=b", "cpu,dc=y,host=c"]);
    await query("DROP SERIES WHERE host = 'a' OR dc = 'y'", { db: "del" });
    expect(await series()).toEqual(["cpu,dc=x,host=b"]);
    expect(await query("SHOW SERIES EXACT CARDINALITY", { db: "del" })).toEqual([{ statement_id: 0, series: [{ name: "cpu", columns: ["count"], values: [[1]] }] }]);
  });
});

describe("live series are kept between statements until the data changes", () => {
  const DB = "live";
  const series = async () => ((await query("SHOW SERIES", { db: DB })) as [{ series?: [{ values: string[][] }] }])[0].series?.[0].values.flat() ?? [];
  const hosts = async () => ((await query("SHOW TAG VALUES WITH KEY = host", { db: DB })) as [{ series?: [{ values: string[][] }] }])[0].series?.[0].values.map((v) => v[1]) ?? [];
  const store = async () => t.server.ctx.engine.bucketStore((await bucketNamed(DB))!.id)!;

  beforeAll(async () => {
    await query(`CREATE DATABASE ${DB}`);
    await write(DB, `cpu,host=a v=1 ${recent()}`);
  });

  test("a write of a new series shows at once; more points of a known one keep the answer", async () => {
    expect(await series()).toEqual(["cpu,host=a"]);
    await write(DB, `cpu,host=b v=1 ${recent()}`);
    expect(await series()).toEqual(["cpu,host=a", "cpu,host=b"]);
    expect(await hosts()).toEqual(["a", "b"]);
    await write(DB, `cpu,host=a v=2 ${recent() + 1}`);
    expect(await series()).toEqual(["cpu,host=a", "cpu,host=b"]);
  });

  test("a dropped series goes, and a write brings it back though the index already knew it", async () => {
    await query("DROP SERIES FROM cpu WHERE host = 'a'", { db: DB });
    expect(await series()).toEqual(["cpu,host=b"]);
    expect(await query("SHOW SERIES EXACT CARDINALITY", { db: DB })).toEqual([{ statement_id: 0, series: [{ name: "cpu", columns: ["count"], values: [[1]] }] }]);
    await write(DB, `cpu,host=a v=3 ${recent() + 2}`);
    expect(await series()).toEqual(["cpu,host=a", "cpu,host=b"]);
    expect(await hosts()).toEqual(["a", "b"]);
  });

  test("series stay live when their points move from the buffer to segments", async () => {
    await t.server.ctx.engine.flush();
    expect(await series()).toEqual(["cpu,host=a", "cpu,host=b"]);
  });

  test("a retention drop empties the index; a later write fills it again", async () => {
    const s = await store();
    t.server.ctx.engine.enforceRetention(new Map([[s.id, 3_600_000]]), Date.now() + 30 * 86_400_000);
    expect(await series()).toEqual([]);
    expect(await query("SHOW MEASUREMENTS", { db: DB })).toEqual([{ statement_id: 0 }]);
    t.server.ctx.engine.enforceRetention(new Map([[s.id, 0]]), Date.now());
    await write(DB, `cpu,host=b v=4 ${recent() + 3}`);
    expect(await series()).toEqual(["cpu,host=b"]);
  });
});

describe("permissions", () => {
  test("a token sees and changes only what its bucket permissions allow", async () => {
    const main = await bucketNamed("main");
    const token = await createToken(t, orgId, [bucketPermission("read", orgId, main!.id)]);
    const [dbs] = (await query("SHOW DATABASES", { token })) as [{ series: [{ values: string[][] }] }];
    expect(dbs.series[0].values).toEqual([["main"]]);
    expect(await query("SHOW MEASUREMENTS ON shop", { token })).toEqual([{ statement_id: 0 }]);
    expect(await query("SHOW TAG KEYS ON shop", { token })).toEqual([{ statement_id: 0, error: "database not found: shop" }]);
    expect(await query("DROP DATABASE main", { token })).toEqual([{ statement_id: 0, error: `write:orgs/${orgId}/buckets/${main!.id} is unauthorized` }]);
    expect(await query("CREATE DATABASE nope", { token })).toEqual([{ statement_id: 0, error: `write:orgs/${orgId}/buckets is unauthorized` }]);
  });
});

describe("what strata answers its own way", () => {
  test("v1 users are the org's legacy authorizations", async () => {
    const main = await bucketNamed("main");
    await createV1User(t, orgId, "reader", "pw", [bucketPermission("read", orgId, main!.id)]);
    expect(await query("SHOW USERS")).toEqual([{ statement_id: 0, series: [{ columns: ["user", "admin"], values: [["reader", false]] }] }]);
    expect(await query('SHOW GRANTS FOR "reader"')).toEqual([{ statement_id: 0, series: [{ columns: ["database", "privilege"], values: [["main", "READ"]] }] }]);
    expect(await query("SHOW GRANTS FOR nobody")).toEqual([{ statement_id: 0, error: "user not found" }]);
    expect(await query("CREATE USER bob WITH PASSWORD 'x'")).toEqual([
      { statement_id: 0, error: "CREATE USER is not supported by strata; manage v1 users with /api/v2/legacy/authorizations" },
    ]);
  });

  test("no continuous queries, subscriptions, shards or running queries to list; changes are refused", async () => {
    expect(await query("SHOW SUBSCRIPTIONS")).toEqual([{ statement_id: 0 }]);
    expect(await query("DROP CONTINUOUS QUERY cq ON main")).toEqual([{ statement_id: 0, error: "continuous query not found" }]);
    expect(await query("DROP CONTINUOUS QUERY cq ON nope")).toEqual([{ statement_id: 0, error: "database not found: nope" }]);
    expect(await query("CREATE CONTINUOUS QUERY cq ON main BEGIN SELECT mean(v) INTO m2 FROM m GROUP BY time(1h) END")).toEqual([
      { statement_id: 0, error: "CREATE CONTINUOUS QUERY is not supported by strata" },
    ]);
    expect(await query("SHOW QUERIES")).toEqual([{ statement_id: 0, series: [{ columns: ["qid", "query", "database", "duration", "status"] }] }]);
    expect(await query("KILL QUERY 3")).toEqual([{ statement_id: 0, error: "no such query id: 3" }]);
    expect(await query("EXPLAIN SELECT * FROM m")).toEqual([{ statement_id: 0, error: "EXPLAIN is not supported by strata" }]);
  });
});

test("chunked style: only the bare cardinality estimate is sent whole", () => {
  const style = (q: string) => chunkStyleOf(parseQuery(q)[0]);
  expect(style("SHOW SERIES CARDINALITY")).toBe("whole");
  expect(style("SHOW SERIES CARDINALITY FROM cpu")).toBe("rows");
  expect(style("SHOW MEASUREMENT EXACT CARDINALITY")).toBe("rows");
  expect(style("SHOW TAG KEY CARDINALITY")).toBe("rows");
  expect(style("SHOW TAG VALUES WITH KEY = host")).toBe("series");
});
