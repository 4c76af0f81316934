import { afterAll, beforeAll, expect, test } from "bun:test";
import { InfluxDB, Point } from "@influxdata/influxdb-client";
import * as Influx from "influx";
import { readColumn } from "../storage/tsdb/read-back.ts";
import { createV1User, bucketPermission } from "./credentials.ts";
import { startTestServer, TEST_TOKEN, type TestServer } from "./test-server.ts";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

test("@influxdata/influxdb-client WriteApi (gzip) writes, and the data is there", async () => {
  const writeApi = new InfluxDB({ url: t.url, token: TEST_TOKEN }).getWriteApi("default", "default", "ns", { gzipThreshold: 0, maxRetries: 0 });
  for (let i = 0; i < 100; i++) {
    writeApi.writePoint(new Point("client2").tag("host", "h1").floatField("load", i / 4).intField("n", i).timestamp(`${1767225600000000000n + BigInt(i)}`));
  }
  await writeApi.close();
  const rows = readColumn(t.server.ctx.engine, t.server.ctx.defaults.bucketId, "client2,host=h1", "load");
  expect(rows.length).toBe(100);
  expect(rows[99]).toEqual([1767225600000000099n, 99 / 4]);
  expect(readColumn(t.server.ctx.engine, t.server.ctx.defaults.bucketId, "client2,host=h1", "n")[42]).toEqual([1767225600000000042n, 42n]);
});

test("node-influx writePoints (v1 /write with username/password) writes, and the data is there", async () => {
  const orgId = t.server.ctx.defaults.orgId;
  await createV1User(t, orgId, "telegraf", "pw", [bucketPermission("write", orgId)]);
  const url = new URL(t.url);
  const influx = new Influx.InfluxDB({ host: url.hostname, port: Number(url.port), database: "default", username: "telegraf", password: "pw" });
  await influx.writePoints(
    [
      { measurement: "client1", tags: { host: "a b" }, fields: { v: 1.5, s: "x,y=z", ok: true }, timestamp: new Date(1767225600000) },
      { measurement: "client1", tags: { host: "a b" }, fields: { v: 2.5, s: "q", ok: false }, timestamp: new Date(1767225601000) },
    ],
    { precision: "ms" },
  );
  const bucket = t.server.ctx.defaults.bucketId;
  expect(readColumn(t.server.ctx.engine, bucket, "client1,host=a\\ b", "v")).toEqual([
    [1767225600000000000n, 1.5],
    [1767225601000000000n, 2.5],
  ]);
  expect(readColumn(t.server.ctx.engine, bucket, "client1,host=a\\ b", "s").map(([, v]) => v)).toEqual(["x,y=z", "q"]);
});
