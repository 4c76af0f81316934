import { releaseMemory } from "../../storage/tsdb/release-memory.ts";
import { ApiError, invalid, tooLarge } from "../errors.ts";

/**
 * The request body as one byte array, decompressed when `Content-Encoding: gzip`, with the
 * decompressed size capped while it streams so a gzip bomb cannot exhaust memory. The raw size is
 * capped by the limitBody middleware before this runs.
 */
export async function readBody(request: Request, maxDecompressedBytes: number): Promise<Uint8Array> {
  const encoding = (request.headers.get("content-encoding") ?? "identity").trim().toLowerCase();
  if (encoding === "identity" || encoding === "") return new Uint8Array(await request.arrayBuffer());
  if (encoding !== "gzip") throw new ApiError("unsupported media type", `unsupported Content-Encoding ${JSON.stringify(encoding)}: use gzip or identity`);
  if (request.body === null) return new Uint8Array(0);

  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.pipeThrough(new DecompressionStream("gzip")).getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxDecompressedBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge(maxDecompressedBytes, `decompressed request body is larger than the limit of ${maxDecompressedBytes} bytes`);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw invalid(`failed to decompress the gzip request body: ${(e as Error).message}`);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * Reads the request body (as `readBody`) and hands it to `use`; its memory is released as soon as
 * `use` settles rather than at the next collection (issue #5), so `use` must not keep it.
 */
export async function withRequestBody<T>(request: Request, maxDecompressedBytes: number, use: (body: Uint8Array) => Promise<T>): Promise<T> {
  const body = await readBody(request, maxDecompressedBytes);
  try {
    return await use(body);
  } finally {
    releaseMemory(body);
  }
}
