/** The Flux endpoints answer 501 naming InfluxQL at /query (DECISIONS.md #15), after the token check. */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { FLUX_NOT_SUPPORTED } from "../../routes/flux-query.ts";
import { clientFor, httpError } from "./authorizations-fixtures.ts";
import { startTestServer, TEST_TOKEN, type TestServer } from "./test-server.ts";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

const NOT_IMPLEMENTED = { code: "not implemented", message: FLUX_NOT_SUPPORTED };

test("the official client's Flux query fails with 501 and the InfluxQL pointer", async () => {
  const err = await httpError(clientFor(t, TEST_TOKEN).getQueryApi("default").collectRows('from(bucket: "default") |> range(start: -1h)'));
  expect(err.statusCode).toBe(501);
  expect(err.json).toEqual(NOT_IMPLEMENTED);
  expect(err.headers?.["x-platform-error-code"]).toBe("not implemented");
});

test("every /api/v2/query endpoint answers 501 whatever the body; without a token, 401", async () => {
  const calls: [string, RequestInit][] = [
    ["/api/v2/query", { method: "POST", body: 'from(bucket:"b")', headers: { "Content-Type": "application/vnd.flux" } }],
    ["/api/v2/query?org=default", { method: "POST", body: "not json", headers: { "Content-Type": "text/plain" } }],
    ["/api/v2/query/analyze", { method: "POST", body: '{"query":"x"}', headers: { "Content-Type": "application/json" } }],
    ["/api/v2/query/ast", { method: "POST", body: '{"query":"x"}', headers: { "Content-Type": "application/json" } }],
    ["/api/v2/query/suggestions", { method: "GET" }],
    ["/api/v2/query/suggestions/range", { method: "GET" }],
  ];
  for (const [path, init] of calls) {
    const res = await t.request(path, init);
    expect([path, res.status, await res.json()]).toEqual([path, 501, NOT_IMPLEMENTED]);
    expect((await t.request(path, { ...init, auth: false })).status).toBe(401);
  }
});
