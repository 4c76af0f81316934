/**
 * The client's floor for bench:query: a server that does no work, answering every /query at once
 * with a fixed, pre-compressed body shaped like single-groupby-1-1-1's answer (60 rows of an ns
 * time and a two-decimal float, 1.8 KB of JSON). Timing it through the same client shows how much
 * of a small query's latency is the client's own and the loopback's, whatever the server.
 *
 *   bun run bench/floor-server.ts PORT
 */
import { tsbsAnswer } from "./tsbs-answer.mjs";

const body = `${tsbsAnswer(60, 2)}\n`;
const gzipped = Bun.gzipSync(body, { library: "libdeflate", level: 1 });

Bun.serve({
  hostname: "127.0.0.1",
  port: Number(process.argv[2]),
  fetch(request) {
    if (new URL(request.url).pathname === "/ping") return new Response(null, { status: 204 });
    const gzip = (request.headers.get("accept-encoding") ?? "").includes("gzip");
    return new Response(gzip ? gzipped : body, { headers: gzip ? { "Content-Type": "application/json", "Content-Encoding": "gzip" } : { "Content-Type": "application/json" } });
  },
});
