/**
 * Real InfluxQL clients against strata: node-influx's query(), and the InfluxDB 1.x `influx` CLI
 * (Debian's influxdb-client) when it is installed.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import * as Influx from "influx";
import { startTestServer, TEST_TOKEN, type TestServer } from "./test-server.ts";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  const body = ["weather,city=Oslo temp=-3.5,hum=81i 1767225600000000000", "weather,city=Oslo temp=-2.5,hum=80i 1767229200000000000", "weather,city=Rome temp=11.25,hum=60i 1767225600000000000"].join("\n");
  expect((await t.request("/api/v2/write?bucket=default", { method: "POST", body })).status).toBe(204);
});
afterAll(() => t.stop());

test("node-influx query() reads rows, tags and aggregates", async () => {
  const url = new URL(t.url);
  const influx = new Influx.InfluxDB({ host: url.hostname, port: Number(url.port), database: "default", username: "any", password: TEST_TOKEN });
  const rows = await influx.query<{ time: Date; temp: number; hum: number; city: string }>("SELECT temp, hum, city FROM weather WHERE city = 'Oslo'");
  expect(rows.map((r) => [r.time.toISOString(), r.temp, r.hum, r.city])).toEqual([
    ["2026-01-01T00:00:00.000Z", -3.5, 81, "Oslo"],
    ["2026-01-01T01:00:00.000Z", -2.5, 80, "Oslo"],
  ]);
  const grouped = await influx.query<{ mean: number; city: string }>("SELECT mean(temp) FROM weather GROUP BY city");
  expect(grouped.map((r) => [r.city, r.mean])).toEqual([
    ["Oslo", -3],
    ["Rome", 11.25],
  ]);
  expect(await influx.getMeasurements()).toEqual(["weather"]);
  expect(await influx.getDatabaseNames()).toContain("default");
});

const influxCli = Bun.which("influx");
if (!influxCli) console.log("skipping the influx CLI test: the `influx` 1.x client (apt influxdb-client) is not installed");

test.skipIf(!influxCli)("the influx 1.x CLI queries strata", async () => {
  const url = new URL(t.url);
  const proc = Bun.spawn(
    [influxCli!, "-host", url.hostname, "-port", url.port, "-username", "any", "-password", TEST_TOKEN, "-database", "default", "-format", "csv", "-execute", "SELECT temp FROM weather WHERE city = 'Rome'; SHOW MEASUREMENTS"],
    { stdout: "pipe", stderr: "pipe" },
  );
  const [out, err, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
  expect(err).toBe("");
  expect(code).toBe(0);
  expect(out).toBe("name,time,temp\nweather,1767225600000000000,11.25\nname,name\nmeasurements,weather\n");
});
