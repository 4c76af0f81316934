/**
 * v1 `/query` (GetLegacyQuery, PostQueryV1): InfluxQL over GET or POST, answered as InfluxDB 1.6.7
 * answers — JSON, CSV or msgpack by `Accept`, `epoch`, `pretty`, `chunked`, bound `params`, gzip.
 * Statement errors are 200 with the error inside the statement's result; a query that does not
 * parse is 400 `{"error": ...}` in the requested format.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { requireAuth } from "../app/auth/require-auth.ts";
import type { Context } from "hono";
import type { AppContext, AppEnv } from "../app/context.ts";
import { newRouter } from "../app/http/router.ts";
import { decodeParams, InfluxQLParseError, parseQuery, QueryParamsError, type Statement } from "../app/influxql/parser.ts";
import { chunkStyleOf } from "../app/query/chunk-style.ts";
import { chunkResults } from "../app/query/encode/chunk.ts";
import { createCsvEncoder, encodeCsvError } from "../app/query/encode/csv.ts";
import { parseEpoch } from "../app/query/encode/epoch.ts";
import { encodeJsonBytes, encodeJsonChunk, encodeJsonError } from "../app/query/encode/json.ts";
import { encodeMsgpack, encodeMsgpackError } from "../app/query/encode/msgpack.ts";
import { readQueryParams } from "../app/query/query-request.ts";
import type { StatementResult } from "../app/query/result.ts";
import { mergeResults, runStatements } from "../app/query/run-query.ts";
import { TOKEN_AUTH, TraceSpanHeaders } from "./schemas/common.ts";
import { errorResponses } from "./schemas/responses.ts";
import { PING_VERSION } from "./system.ts";

type Format = "json" | "csv" | "msgpack";

const CONTENT_TYPES: Record<Format, string> = { json: "application/json", csv: "text/csv", msgpack: "application/x-msgpack" };

function formatOf(accept: string | undefined): Format {
  const a = (accept ?? "").toLowerCase();
  if (a.includes("application/csv") || a.includes("text/csv")) return "csv";
  if (a.includes("application/x-msgpack")) return "msgpack";
  return "json";
}

const QueryHeaders = TraceSpanHeaders.extend({
  accept: z.string().optional().openapi({ description: "application/json (default), application/csv, text/csv or application/x-msgpack" }),
  "accept-encoding": z.string().optional().openapi({ description: "gzip compresses the response" }),
  "content-type": z.string().optional(),
});

const QueryParamsSchema = z.object({
  q: z.string().optional().openapi({ description: "InfluxQL statements separated by `;` (required here or in the body)" }),
  db: z.string().optional().openapi({ description: "Database: resolved through DBRP mappings, or a bucket named `db/rp` or `db`" }),
  rp: z.string().optional(),
  epoch: z.string().optional().openapi({ description: "ns, u, µ, ms, s, m or h: integer times instead of RFC3339" }),
  chunked: z.string().optional(),
  chunk_size: z.string().optional(),
  pretty: z.string().optional(),
  params: z.string().optional().openapi({ description: "JSON object of bound parameters ($name)" }),
  u: z.string().optional(),
  p: z.string().optional(),
});

const queryResponses = {
  200: {
    description: "Results of each statement (statement errors included).",
    content: {
      "application/json": { schema: z.object({ results: z.array(z.record(z.string(), z.unknown())) }).openapi("InfluxQLResponse") },
      "application/csv": { schema: z.string() },
      "text/csv": { schema: z.string() },
      "application/x-msgpack": { schema: z.string().openapi({ format: "binary" }) },
    },
  },
  ...errorResponses(400, 401, 429),
} as const;

const getQuery = createRoute({
  method: "get",
  path: "/query",
  operationId: "GetLegacyQuery",
  tags: ["Query"],
  summary: "Query using the InfluxDB v1 HTTP API",
  security: TOKEN_AUTH,
  request: { headers: QueryHeaders, query: QueryParamsSchema },
  responses: queryResponses,
});

const postQuery = createRoute({
  method: "post",
  path: "/query",
  operationId: "PostQueryV1",
  tags: ["Query"],
  summary: "Query InfluxDB in a V1 compatible format",
  security: TOKEN_AUTH,
  request: {
    headers: QueryHeaders,
    query: QueryParamsSchema,
    body: { content: { "text/plain": { schema: z.string() }, "application/vnd.influxql": { schema: z.string() } } },
  },
  responses: queryResponses,
});

/**
 * libdeflate at level 1: 2-3.6x faster than zlib's default level on query answers of 2 KB to 4 MB
 * (TSBS rows), at most 5 % larger. Below 4 KB zlib at level 1 takes a third less time (libdeflate
 * sets up more per call) and both results fit one packet (bench/RESULTS.md, "Response compression").
 */
const GZIP = { library: "libdeflate", level: 1 } as const;
const GZIP_SMALL = { library: "zlib", level: 1 } as const;
const SMALL_ANSWER_BYTES = 4096;

function gzipAnswer(bytes: string | Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  return Bun.gzipSync(bytes, bytes.length < SMALL_ANSWER_BYTES ? GZIP_SMALL : GZIP);
}

function nowNs(): bigint {
  return BigInt(Date.now()) * 1_000_000n;
}

export function queryRoutes(ctx: AppContext) {
  const handler = async (request: Request, principal: Parameters<typeof runStatements>[1]["principal"]): Promise<Response> => {
    const params = await readQueryParams(request);
    const format = formatOf(request.headers.get("accept") ?? undefined);
    const headers = new Headers({ "Content-Type": CONTENT_TYPES[format], "X-Influxdb-Version": PING_VERSION, "X-Influxdb-Build": "OSS" });
    const gzip = (request.headers.get("accept-encoding") ?? "").includes("gzip");
    /** `borrowed`: bytes the next answer will overwrite, compressed or copied here. */
    const send = (status: number, body: string | Uint8Array<ArrayBuffer>, borrowed = false): Response => {
      if (gzip) headers.set("Content-Encoding", "gzip");
      const content = gzip ? gzipAnswer(body) : borrowed && typeof body !== "string" ? body.slice() : body;
      return new Response(content, { status, headers });
    };
    const fail = (message: string): Response =>
      send(400, format === "csv" ? encodeCsvError(message) : format === "msgpack" ? encodeMsgpackError(message) : encodeJsonError(message, { pretty: params.pretty }));

    if (params.q === undefined || params.q === "") return fail(`missing required parameter "q"`);
    let statements: Statement[];
    try {
      statements = parseQuery(params.q, params.params === undefined ? undefined : decodeParams(params.params));
    } catch (e) {
      if (e instanceof QueryParamsError) return fail(e.message);
      if (e instanceof InfluxQLParseError) return fail(`error parsing query: ${e.message}`);
      throw e;
    }
    const emitted = await runStatements(statements, {
      meta: ctx.meta,
      buckets: ctx.buckets,
      engine: ctx.engine,
      logger: ctx.logger,
      principal,
      orgId: principal.orgId,
      db: params.db,
      rp: params.rp,
      nowNs: nowNs(),
      viaGet: request.method === "GET",
    });
    const epoch = parseEpoch(params.epoch);
    const timeZones = new Map<number, string>();
    statements.forEach((s, i) => {
      if (s.kind === "select" && s.timeZone !== null && s.timeZone !== "") timeZones.set(i, s.timeZone);
    });
    const styleOf = (r: StatementResult) => chunkStyleOf(statements[r.statement_id]);
    const results: StatementResult[] = params.chunked ? chunkResults(emitted, params.chunkSize, styleOf) : mergeResults(emitted, styleOf);
    if (format === "csv") {
      const encode = createCsvEncoder({ epoch });
      return send(200, params.chunked ? results.map((r) => encode([r])).join("") : encode(results));
    }
    if (format === "msgpack") {
      if (!params.chunked) return send(200, encodeMsgpack(results, { epoch }));
      return send(200, Buffer.concat(results.map((r) => encodeMsgpack([r], { epoch }))));
    }
    const opts = { epoch, pretty: params.pretty, timeZones };
    if (params.chunked) return send(200, results.map((r) => encodeJsonChunk(r, opts)).join(""));
    return send(200, encodeJsonBytes(results, opts), true);
  };

  // Documented, not validated: every parameter is an optional string that readQueryParams reads
  // itself, so validating the query string and headers with zod would only cost time per query.
  const router = newRouter();
  router.openAPIRegistry.registerPath(getQuery);
  router.openAPIRegistry.registerPath(postQuery);
  const auth = requireAuth(ctx, { queryParams: true });
  const serve = (c: Context<AppEnv>) => handler(c.req.raw, c.get("principal"));
  return router.get("/query", auth, serve).post("/query", auth, serve);
}
