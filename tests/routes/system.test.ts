import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { PING_VERSION } from "../../routes/system.ts";
import { startTestServer, type TestServer } from "./test-server.ts";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toStartWith("application/json");
  expect(res.headers.get("x-platform-error-code")).toBe(code);
  const body = (await res.json()) as { code: string; message: string };
  expect(body.code).toBe(code);
  expect(typeof body.message).toBe("string");
  return body;
}

describe("/ping", () => {
  test("GET answers 204 with InfluxDB's version headers, no token needed", async () => {
    const res = await t.request("/ping", { auth: false });
    expect(res.status).toBe(204);
    expect(res.headers.get("x-influxdb-version")).toBe(PING_VERSION);
    expect(res.headers.get("x-influxdb-build")).toBe("OSS");
    expect(await res.text()).toBe("");
  });

  test("HEAD answers the same", async () => {
    const res = await t.request("/ping", { method: "HEAD", auth: false });
    expect(res.status).toBe(204);
    expect(res.headers.get("x-influxdb-version")).toBe(PING_VERSION);
  });
});

test("/health passes with name, version and commit", async () => {
  const res = await t.request("/health", { auth: false });
  expect(res.status).toBe(200);
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ name: "strata", status: "pass", message: "ready for queries and writes", checks: [] });
  expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(typeof body.commit).toBe("string");
});

test("/ready reports start time and uptime", async () => {
  const res = await t.request("/ready", { auth: false });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { status: string; started: string; up: string };
  expect(body.status).toBe("ready");
  expect(Number.isNaN(Date.parse(body.started))).toBe(false);
  expect(body.up).toMatch(/^(\d+h)?(\d+m)?[\d.]+s$/);
});

test("/metrics is Prometheus text with process and per-route HTTP metrics", async () => {
  await t.request("/ping", { auth: false });
  await t.request("/no/such/path", { auth: false });
  const res = await t.request("/metrics", { auth: false });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toStartWith("text/plain");
  const text = await res.text();
  expect(text).toContain("process_cpu_user_seconds_total");
  expect(text).toMatch(/nodejs_eventloop_lag_p99_seconds \d/);
  expect(text).toMatch(/strata_http_requests_total\{method="GET",route="\/ping",status="204"\} \d+/);
  // Unknown paths share one label value, so scanners can't blow up the series count.
  expect(text).toMatch(/strata_http_requests_total\{method="GET",route="unmatched",status="404"\} \d+/);
  expect(text).toContain("strata_http_request_duration_seconds_bucket");
});

test("/openapi.json is an OpenAPI 3.0 document generated from the routes", async () => {
  const res = await t.request("/openapi.json", { auth: false });
  expect(res.status).toBe(200);
  const doc = (await res.json()) as {
    openapi: string;
    paths: Record<string, Record<string, { operationId?: string; responses: Record<string, unknown> }>>;
    components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
  };
  expect(doc.openapi).toMatch(/^3\.0\.\d+$/);
  expect(doc.paths["/api/v2"]?.get?.operationId).toBe("GetRoutes");
  expect(doc.paths["/api/v2/resources"]?.get?.operationId).toBe("GetResources");
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/ping", "/health", "/ready", "/metrics"]));
  expect(doc.components.schemas).toHaveProperty("Error");
  expect(doc.components.securitySchemes).toHaveProperty("TokenAuthentication");
});

test("/docs serves an interactive reference of /openapi.json", async () => {
  const res = await t.request("/docs", { auth: false });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toStartWith("text/html");
  expect(await res.text()).toContain("/openapi.json");
});

describe("errors", () => {
  test("an unknown route is 404 in the spec's error shape", async () => {
    const body = await expectError(await t.request("/api/v2/nope", { auth: false }), 404, "not found");
    expect(body.message).toBe("path not found");
  });

  test("a known path with a method it does not serve is 405 with Allow, not 404", async () => {
    const write = await expectError(await t.request("/write?db=x", { auth: false }), 405, "method not allowed");
    expect(write.message).toBe("method GET not allowed on /write");
    const onWrite = await t.request("/api/v2/write", { method: "PUT", auth: false });
    expect(onWrite.status).toBe(405);
    expect(onWrite.headers.get("allow")).toBe("POST");
    const onBucket = await t.request("/api/v2/buckets/0123456789abcdef", { method: "PUT" });
    expect(onBucket.status).toBe(405);
    expect(onBucket.headers.get("allow")).toBe("DELETE, GET, HEAD, PATCH");
    expect((await t.request("/query", { method: "PUT", auth: false })).headers.get("allow")).toBe("GET, HEAD, POST");
  });

  test("a body over STRATA_MAX_BODY_BYTES is JSON 413 with maxLength (declared length)", async () => {
    const small = await startTestServer({ maxBodyBytes: "1KB" });
    try {
      const res = await small.request("/api/v2/resources", { method: "POST", body: "x".repeat(1001) });
      const body = await expectError(res, 413, "invalid");
      expect(body).toMatchObject({ maxLength: 1000 });
    } finally {
      await small.stop();
    }
  });

  test("a chunked body over the limit fails while it is read", async () => {
    const { limitBody } = await import("../../app/http/limit-body.ts");
    const { newRouter } = await import("../../app/http/router.ts");
    const { errorHandler } = await import("../../app/http/error-handler.ts");
    const app = newRouter();
    app.use("*", limitBody(10));
    app.post("/echo", async (c) => c.text(await c.req.text()));
    app.onError(errorHandler(t.server.ctx.logger));
    const chunked = (text: string) =>
      new Request("http://x/echo", {
        method: "POST",
        body: new ReadableStream({
          start(controller) {
            for (const ch of text) controller.enqueue(new TextEncoder().encode(ch));
            controller.close();
          },
        }),
      });
    expect(await (await app.fetch(chunked("0123456789"))).text()).toBe("0123456789");
    await expectError(await app.fetch(chunked("0123456789A")), 413, "invalid");
  });
});

describe("GET /api/v2 (GetRoutes)", () => {
  test("answers the top-level route map without a token", async () => {
    const res = await t.request("/api/v2", { auth: false });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      buckets: "/api/v2/buckets",
      orgs: "/api/v2/orgs",
      write: "/api/v2/write",
      query: { self: "/api/v2/query" },
      system: { health: "/health", metrics: "/metrics" },
    });
  });
});

describe("GET /api/v2/resources (GetResources)", () => {
  test("needs a token", async () => {
    await expectError(await t.request("/api/v2/resources", { auth: false }), 401, "unauthorized");
  });

  test("refuses an unknown token", async () => {
    const res = await t.request("/api/v2/resources", { headers: { Authorization: "Token wrong" } });
    await expectError(res, 401, "unauthorized");
  });

  for (const [scheme, header] of [
    ["Token", `Token test-operator-token-0123456789abcdef`],
    ["Bearer", `Bearer test-operator-token-0123456789abcdef`],
    ["Basic", `Basic ${btoa("anyone:test-operator-token-0123456789abcdef")}`],
  ] as const) {
    test(`lists the resource types with ${scheme} auth`, async () => {
      const res = await t.request("/api/v2/resources", { headers: { Authorization: header } });
      expect(res.status).toBe(200);
      const body = (await res.json()) as string[];
      expect(body).toContain("buckets");
      expect(body).toContain("dbrp");
      expect(body).toHaveLength(26);
    });
  }
});
