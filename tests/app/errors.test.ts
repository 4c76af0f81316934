import { describe, expect, test } from "bun:test";
import { createRoute, z } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
import pino from "pino";
import { Writable } from "node:stream";
import {
  ApiError,
  codeForStatus,
  type ErrorBody,
  conflict,
  invalid,
  notFound,
  tooLarge,
  tooManyRequests,
  unavailable,
} from "../../app/errors.ts";
import { errorHandler, notFoundHandler } from "../../app/http/error-handler.ts";
import { newRouter } from "../../app/http/router.ts";
import { MetaConflictError } from "../../storage/meta/conflict-error.ts";

function appThrowing(err: unknown) {
  const logged: string[] = [];
  const logger = pino(
    { level: "error" },
    new Writable({
      write(chunk, _enc, done) {
        logged.push(String(chunk));
        done();
      },
    }),
  );
  const app = newRouter();
  app.openapi(
    createRoute({
      method: "post",
      path: "/things",
      request: {
        query: z.object({ limit: z.coerce.number().int().min(1).max(100).optional() }),
        body: { content: { "application/json": { schema: z.object({ name: z.string() }) } } },
      },
      responses: { 204: { description: "ok" } },
    }),
    () => {
      throw err;
    },
  );
  app.notFound(notFoundHandler);
  app.onError(errorHandler(logger));
  const post = (path: string, body: string) =>
    app.fetch(new Request(`http://x${path}`, { method: "POST", body, headers: { "Content-Type": "application/json" } }));
  return { post, logged };
}

async function body(res: Response) {
  const json = (await res.json()) as ErrorBody;
  return { status: res.status, header: res.headers.get("x-platform-error-code"), json };
}

describe("the error handler answers the spec's shape for every failure", () => {
  test("ApiError: its status, code, message and details; extra headers kept", async () => {
    const { post } = appThrowing(tooManyRequests("slow down", 2.5));
    const res = await post("/things", '{"name":"a"}');
    expect(res.headers.get("retry-after")).toBe("3");
    expect(await body(res)).toEqual({
      status: 429,
      header: "too many requests",
      json: { code: "too many requests", message: "slow down" },
    });
  });

  test("line-protocol details ride along", async () => {
    const { post } = appThrowing(invalid("partial write", { line: 3, op: "write", err: "bad field" }));
    expect((await body(await post("/things", '{"name":"a"}'))).json).toEqual({
      code: "invalid",
      message: "partial write",
      line: 3,
      op: "write",
      err: "bad field",
    });
  });

  test("query validation failure: 400 invalid naming the parameter", async () => {
    const { post } = appThrowing(new Error("unreached"));
    const r = await body(await post("/things?limit=1000", '{"name":"a"}'));
    expect(r.status).toBe(400);
    expect(r.header).toBe("invalid");
    expect(r.json.code).toBe("invalid");
    expect(r.json.message).toStartWith("invalid query: limit: ");
  });

  test("body validation failure and malformed JSON: 400 invalid", async () => {
    const { post } = appThrowing(new Error("unreached"));
    const wrong = await body(await post("/things", '{"name":1}'));
    expect(wrong).toMatchObject({ status: 400, header: "invalid", json: { code: "invalid" } });
    expect(wrong.json.message).toStartWith("invalid json: name: ");
    const malformed = await body(await post("/things", "{nope"));
    expect(malformed).toMatchObject({ status: 400, header: "invalid", json: { code: "invalid" } });
  });

  test("a zod error thrown by a handler is 400 invalid too", async () => {
    const parsed = z.object({ n: z.number() }).safeParse({ n: "x" });
    const { post } = appThrowing(parsed.error);
    expect(await body(await post("/things", '{"name":"a"}'))).toMatchObject({ status: 400, json: { code: "invalid" } });
  });

  test("a storage conflict is 422 conflict with storage's message", async () => {
    const { post } = appThrowing(new MetaConflictError("bucket with name b already exists"));
    expect(await body(await post("/things", '{"name":"a"}'))).toEqual({
      status: 422,
      header: "conflict",
      json: { code: "conflict", message: "bucket with name b already exists" },
    });
  });

  test("framework HTTP errors keep their status", async () => {
    const { post } = appThrowing(new HTTPException(415, { message: "unsupported" }));
    expect(await body(await post("/things", '{"name":"a"}'))).toEqual({
      status: 415,
      header: "unsupported media type",
      json: { code: "unsupported media type", message: "unsupported" },
    });
  });

  test("anything else is a logged 500 that reveals nothing", async () => {
    const { post, logged } = appThrowing(new Error("secret detail"));
    const r = await body(await post("/things", '{"name":"a"}'));
    expect(r).toEqual({ status: 500, header: "internal error", json: { code: "internal error", message: "internal error" } });
    expect(logged.join("")).toContain("secret detail");
  });

  test("unknown routes: 404 path not found", async () => {
    const { post } = appThrowing(new Error("unreached"));
    expect(await body(await post("/other", "{}"))).toEqual({
      status: 404,
      header: "not found",
      json: { code: "not found", message: "path not found" },
    });
  });
});

describe("ApiError constructors", () => {
  test("statuses follow InfluxDB's mapping", () => {
    expect(notFound().status).toBe(404);
    expect(conflict("x").status).toBe(422);
    expect(unavailable("x").status).toBe(503);
    expect(unavailable("x").headers).toEqual({});
    expect(new ApiError("empty value", "x").status).toBe(400);
  });

  test("413 is code invalid with maxLength (DECISIONS.md #4)", () => {
    const e = tooLarge(1024);
    expect(e.status).toBe(413);
    expect(e.toBody()).toEqual({ code: "invalid", message: "request body is larger than the limit of 1024 bytes", maxLength: 1024 });
  });

  test("bare statuses map back to codes", () => {
    expect(codeForStatus(400)).toBe("invalid");
    expect(codeForStatus(422)).toBe("unprocessable entity");
    expect(codeForStatus(413)).toBe("request too large");
    expect(codeForStatus(418)).toBe("invalid");
    expect(codeForStatus(502)).toBe("internal error");
  });
});
