/**
 * /query compresses its answer when the client accepts gzip (InfluxDB 1.x does) and sends it as is
 * otherwise; either way the client reads the same JSON.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { gunzipSync } from "node:zlib";
import { startTestServer, type TestServer } from "./test-server.ts";

let t: TestServer;
const rows = Array.from({ length: 500 }, (_, i) => `cpu,host=a usage=${(i * 0.37).toFixed(2)} ${1767225600000000000 + i * 10_000_000_000}`);
const q = encodeURIComponent("SELECT usage FROM cpu");

beforeAll(async () => {
  t = await startTestServer();
  expect((await t.request("/api/v2/write?bucket=default", { method: "POST", body: rows.join("\n") })).status).toBe(204);
});
afterAll(() => t.stop());

test("Accept-Encoding: gzip gets a gzip body holding the JSON answer", async () => {
  const res = await t.request(`/query?db=default&epoch=ns&q=${q}`, { headers: { "Accept-Encoding": "gzip" }, decompress: false } as RequestInit);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-encoding")).toBe("gzip");
  const raw = new Uint8Array(await res.arrayBuffer());
  const answer = JSON.parse(gunzipSync(raw).toString("utf8")) as { results: [{ series: [{ values: [number, number][] }] }] };
  expect(raw.length).toBeLessThan(JSON.stringify(answer).length / 2);
  expect(answer.results[0].series[0].values).toHaveLength(500);
  expect(answer.results[0].series[0].values[499]).toEqual([1767225600000000000 + 499 * 10_000_000_000, 184.63]);
});

test("without Accept-Encoding the answer is plain JSON", async () => {
  const res = await t.request(`/query?db=default&epoch=ns&q=${q}`, { headers: { "Accept-Encoding": "identity" }, decompress: false } as RequestInit);
  expect(res.headers.get("content-encoding")).toBeNull();
  const answer = (await res.json()) as { results: [{ series: [{ values: unknown[] }] }] };
  expect(answer.results[0].series[0].values).toHaveLength(500);
});
