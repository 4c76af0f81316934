import { invalid } from "../errors.ts";

/** The v1 /query parameters, wherever the request carried them. */
export interface QueryParams {
  q: string | undefined;
  db: string;
  rp: string;
  epoch: string | undefined;
  chunked: boolean;
  chunkSize: number;
  pretty: boolean;
  params: string | undefined;
}

/**
 * Reads the parameters of GET or POST /query (DECISIONS.md #12): the query string, a form body
 * (url-encoded or multipart), or a raw `application/vnd.influxql` / `text/plain` body holding `q`.
 */
export async function readQueryParams(request: Request): Promise<QueryParams> {
  const all = new URLSearchParams(queryString(request.url));
  if (request.method === "POST" && request.body !== null) {
    const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
    if (type === "application/x-www-form-urlencoded") {
      for (const [k, v] of new URLSearchParams(await request.text())) all.append(k, v);
    } else if (type === "multipart/form-data") {
      let form: Iterable<[string, unknown]>;
      try {
        form = (await request.formData()) as unknown as Iterable<[string, unknown]>;
      } catch {
        throw invalid("failed to parse the form body");
      }
      for (const [k, v] of form) if (typeof v === "string") all.append(k, v);
    } else if (type === "application/vnd.influxql" || type === "text/plain" || type === "") {
      const text = await request.text();
      if (text !== "" && !all.has("q")) all.set("q", text);
    }
  }
  const chunkSize = Number(all.get("chunk_size") ?? "0");
  return {
    q: all.get("q") ?? undefined,
    db: all.get("db") ?? "",
    rp: all.get("rp") ?? "",
    epoch: all.get("epoch") ?? undefined,
    chunked: all.get("chunked") === "true",
    chunkSize: Number.isFinite(chunkSize) ? chunkSize : 0,
    pretty: all.get("pretty") === "true",
    params: all.get("params") ?? undefined,
  };
}

/** The part of an absolute URL after `?` (what `URL.search` holds, less the `?`), without parsing the rest. */
function queryString(url: string): string {
  const start = url.indexOf("?");
  if (start < 0) return "";
  const hash = url.indexOf("#", start);
  return url.slice(start + 1, hash < 0 ? undefined : hash);
}
