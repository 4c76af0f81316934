// Preloaded into shared/bench/queries.mjs (`node --import`) by `bench:query --client lean`: a
// `fetch` for GET requests over one kept-alive node:http connection that asks for gzip and
// gunzips in one call. Node's own fetch (undici, streams, zlib stream per response) costs ~1 ms
// per request on this machine, about as much as a whole small query; this one ~0.1 ms, so the
// figures show more of the servers' time. Both servers are timed through the same client.
import http from "node:http";
import { gunzipSync } from "node:zlib";

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

globalThis.fetch = (url, init = {}) =>
  new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers: { "accept-encoding": "gzip" }, signal: init.signal }, (res) => {
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
