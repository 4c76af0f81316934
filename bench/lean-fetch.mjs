// Preloaded into shared/bench/queries.mjs (`node --import`) by `bench:query --client lean`: a
// `fetch` for GET requests over one kept-alive node:http connection that asks for gzip and
// gunzips in one call. Node's own fetch (undici, streams, zlib stream per response) costs ~1 ms
// per request on this machine, about as much as a whole small query; this one ~0.1 ms, so the
// figures show more of the servers' time. Both servers are timed through the same client.
//
// Before the harness starts, the client warms its own code against an in-process server that
// does no work: a fresh Node process still runs its HTTP code in lower JIT tiers for its first
// thousands of requests, and while it does, a small query's latency measures the client (with
// 200 warm-ups its floor was 0.6-0.7 ms against ~0.2 ms warm). Warmed here, every query type and
// every server meets the same warm client.
import http from "node:http";
import { gunzipSync, gzipSync } from "node:zlib";
import { tsbsAnswer } from "./tsbs-answer.mjs";

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function leanFetch(url, init = {}, via = agent) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: via, headers: { "accept-encoding": "gzip" }, signal: init.signal }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        const body = res.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw;
        resolve({ status: res.statusCode, text: async () => body.toString("utf8") });
      });
    });
    req.on("error", reject);
  });
}

const CLIENT_WARM_UPS = 3000;

async function warmUp() {
  // The floor server's answer (single-groupby-1-1-1's shape), so the same code paths warm up.
  const body = gzipSync(`${tsbsAnswer(60, 2)}\n`);
  const server = http.createServer((_req, res) => res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" }).end(body));
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}/query?db=warm-up&epoch=ns&q=SELECT`;
  const own = new http.Agent({ keepAlive: true, maxSockets: 1 });
  for (let i = 0; i < CLIENT_WARM_UPS; i++) JSON.parse(await (await leanFetch(url, { signal: AbortSignal.timeout(10_000) }, own)).text());
  own.destroy();
  await new Promise((resolve) => server.close(resolve));
}

await warmUp();
globalThis.fetch = leanFetch;
