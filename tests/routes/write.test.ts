import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { gzipSync } from "node:zlib";
import { readColumn } from "../storage/tsdb/read-back.ts";
import { bucketPermission, createToken, createV1User } from "./credentials.ts";
import { startTestServer, type TestServer } from "./test-server.ts";

let t: TestServer;
let orgId: string;
let bucketId: string;

beforeAll(async () => {
  t = await startTestServer({ maxBodyBytes: String(64 * 1024), maxDecompressedBytes: String(256 * 1024) });
  orgId = t.server.ctx.defaults.orgId;
  bucketId = t.server.ctx.defaults.bucketId;
});
afterAll(() => t.stop());

const read = (series: string, field: string, bucket = bucketId) => readColumn(t.server.ctx.engine, bucket, series, field);

function write(query: string, body: string | Uint8Array, init: RequestInit & { auth?: boolean } = {}) {
  return t.request(`/api/v2/write?${query}`, { method: "POST", body, ...init });
}

describe("POST /api/v2/write", () => {
  test("204, and every field type reads back exactly", async () => {
    const res = await write("bucket=default&precision=ns", 'weather,city=Oslo temp=-3.5,hum=81i,raw=18446744073709551615u,ok=t,note="snow \\"heavy\\"" 1767225600000000001\n');
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    const t0 = 1767225600000000001n;
    expect(read("weather,city=Oslo", "temp")).toEqual([[t0, -3.5]]);
    expect(read("weather,city=Oslo", "hum")).toEqual([[t0, 81n]]);
    expect(read("weather,city=Oslo", "raw")).toEqual([[t0, 18446744073709551615n]]);
    expect(read("weather,city=Oslo", "ok")).toEqual([[t0, true]]);
    expect(read("weather,city=Oslo", "note")).toEqual([[t0, 'snow "heavy"']]);
  });

  test("bucket by ID, precision, and a gzip body", async () => {
    const body = gzipSync("gz,k=v f=1 1767225600\ngz,k=v f=2 1767225601\n");
    const res = await write(`bucket=${bucketId}&precision=s`, body, { headers: { "Content-Encoding": "gzip" } });
    expect(res.status).toBe(204);
    expect(read("gz,k=v", "f")).toEqual([
      [1767225600000000000n, 1],
      [1767225601000000000n, 2],
    ]);
  });

  test("partial write: valid lines are written, 400 lists the rejected ones", async () => {
    const res = await write("bucket=default", "pw v=1 1\npw v= 2\npw v=3 3\npw v=\"str\" 4\n");
    expect(res.status).toBe(400);
    expect(res.headers.get("x-platform-error-code")).toBe("invalid");
    const body = await res.json();
    expect(body).toEqual({
      code: "invalid",
      line: 2,
      op: "writing points",
      err: expect.any(String),
      message: expect.stringMatching(/^partial write has occurred, errors encountered on line\(s\):\nline 2: .+\nline 4: field type conflict: input field "v" on measurement "pw" is type string, already exists as type float$/),
    });
    expect(read("pw", "v")).toEqual([
      [1n, 1],
      [3n, 3],
    ]);
  });

  test("nothing valid: 400 'no data written', at most 100 lines listed", async () => {
    const lines = Array.from({ length: 150 }, (_, i) => `bad${i}`).join("\n");
    const res = await write("bucket=default", lines);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { message: string; line: number };
    expect(body.line).toBe(1);
    expect(body.message.startsWith("no data written, errors encountered on line(s):\nline 1: ")).toBe(true);
    expect(body.message.split("\n").filter((l) => l.startsWith("line ")).length).toBe(100);
  });

  test("unknown bucket is 404; an org the token cannot reach is 404", async () => {
    let res = await write("bucket=nope", "m v=1");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: "not found", message: 'bucket "nope" not found' });
    res = await write("bucket=default&org=elsewhere", "m v=1");
    expect(res.status).toBe(404);
  });

  test("bad precision is 400", async () => {
    const res = await write("bucket=default&precision=xs", "m v=1");
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe("invalid");
  });

  test("413 for a body over the limit, by Content-Length and while streaming", async () => {
    const big = "m v=1\n".repeat(20_000);
    let res = await write("bucket=default", big);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ code: "invalid", message: expect.any(String), maxLength: 64 * 1024 });
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode("m v=1\n".repeat(1000)));
        c.close();
      },
    });
    res = await write("bucket=default", stream as unknown as string, { duplex: "half" } as RequestInit);
    expect(res.status).toBe(413);
  });

  test("413 for a gzip body whose decompressed size is over the limit (a gzip bomb)", async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, "a"));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const res = await write("bucket=default", bomb, { headers: { "Content-Encoding": "gzip" } });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ code: "invalid", message: expect.stringContaining("decompressed"), maxLength: 256 * 1024 });
  });

  test("corrupt gzip is 400, not 500", async () => {
    const res = await write("bucket=default", new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3]), { headers: { "Content-Encoding": "gzip" } });
    expect(res.status).toBe(400);
  });

  test("points outside the bucket's retention: all → 413, some → 400 partial", async () => {
    const b = await t.server.ctx.meta.buckets.create({ orgId, name: "short", retentionRules: [{ type: "expire", everySeconds: 3600 }] });
    const now = BigInt(Date.now()) * 1_000_000n;
    let res = await write("bucket=short", "r v=1 1000");
    expect(res.status).toBe(413);
    res = await write("bucket=short", `r v=1 1000\nr v=2 ${now}`);
    expect(res.status).toBe(400);
    expect(read("r", "v", b.id)).toEqual([[now, 2]]);
  });
});

describe("auth on writes", () => {
  test("no token, unknown token, inactive token → 401", async () => {
    expect((await write("bucket=default", "m v=1", { auth: false })).status).toBe(401);
    expect((await write("bucket=default", "m v=1", { headers: { Authorization: "Token nope" } })).status).toBe(401);
    const inactive = await createToken(t, orgId, [bucketPermission("write", orgId)], "inactive");
    expect((await write("bucket=default", "m v=1", { headers: { Authorization: `Token ${inactive}` } })).status).toBe(401);
  });

  test("read-only token → 401 naming the permission; write token for another bucket → 401", async () => {
    const ro = await createToken(t, orgId, [bucketPermission("read", orgId)]);
    const res = await write("bucket=default", "m v=1", { headers: { Authorization: `Token ${ro}` } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { message: string }).message).toBe(`write:orgs/${orgId}/buckets/${bucketId} is unauthorized`);
    const other = await createToken(t, orgId, [bucketPermission("write", orgId, "0123456789abcdef")]);
    expect((await write("bucket=default", "m v=1", { headers: { Authorization: `Bearer ${other}` } })).status).toBe(401);
  });

  test("a token of another org cannot see this org's bucket", async () => {
    const org2 = await t.server.ctx.meta.orgs.create({ name: "other-org" });
    const tok = await createToken(t, org2.id, [bucketPermission("write", org2.id)]);
    const res = await write(`bucket=${bucketId}`, "m v=1", { headers: { Authorization: `Token ${tok}` } });
    expect(res.status).toBe(404);
  });

  test("v1 u/p and Basic auth (token or v1 password) write through /write", async () => {
    await createV1User(t, orgId, "alice", "s3cret", [bucketPermission("write", orgId)]);
    const tok = await createToken(t, orgId, [bucketPermission("write", orgId)]);
    const v1 = (q: string, body: string, headers: Record<string, string> = {}) => t.request(`/write?${q}`, { method: "POST", body, headers, auth: false });
    expect((await v1("db=default&u=alice&p=s3cret", "v1 a=1 1")).status).toBe(204);
    expect((await v1("db=default&u=alice&p=wrong", "v1 a=1 1")).status).toBe(401);
    expect((await v1("db=default", "v1 b=1 1", { Authorization: `Basic ${btoa("alice:s3cret")}` })).status).toBe(204);
    expect((await v1("db=default", "v1 c=1 1", { Authorization: `Basic ${btoa(`anyone:${tok}`)}` })).status).toBe(204);
    expect((await v1("db=default&p=" + tok, "v1 d=1 1")).status).toBe(204);
    for (const f of ["a", "b", "c", "d"]) expect(read("v1", f)).toEqual([[1n, 1]]);
  });
});

describe("POST /write (v1)", () => {
  test("an unknown db creates a bucket with 3-day retention and a DBRP mapping", async () => {
    const res = await t.request("/write?db=telegraf&precision=ms", { method: "POST", body: `sys load=0.5 ${Date.now()}` });
    expect(res.status).toBe(204);
    const bucket = await t.server.ctx.meta.buckets.findByName(orgId, "telegraf");
    expect(bucket?.retentionRules).toEqual([{ type: "expire", everySeconds: 259200 }]);
    const mapping = await t.server.ctx.meta.dbrps.resolve(orgId, "telegraf");
    expect(mapping).toMatchObject({ bucketId: bucket!.id, retentionPolicy: "autogen", isDefault: true });
  });

  test("db/rp resolve through a DBRP mapping to any bucket", async () => {
    const target = await t.server.ctx.meta.buckets.create({ orgId, name: "mapped-target", retentionRules: [] });
    await t.server.ctx.meta.dbrps.create({ orgId, bucketId: target.id, database: "legacy", retentionPolicy: "weekly" });
    const res = await t.request("/write?db=legacy&rp=weekly&precision=s", { method: "POST", body: "x v=7 1" });
    expect(res.status).toBe(204);
    expect(read("x", "v", target.id)).toEqual([[1000000000n, 7]]);
  });

  test("v1 precision names; an invalid one is 400 with InfluxDB's message", async () => {
    expect((await t.request("/write?db=default&precision=u", { method: "POST", body: "pu v=1 5" })).status).toBe(204);
    expect(read("pu", "v")).toEqual([[5000n, 1]]);
    const res = await t.request("/write?db=default&precision=x", { method: "POST", body: "pu v=1 5" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toBe('invalid precision "x" (use n, u, ms, s, m or h)');
  });

  test("db is required", async () => {
    expect((await t.request("/write", { method: "POST", body: "m v=1" })).status).toBe(400);
  });
});

test("16 concurrent writers: every point of every writer is stored", async () => {
  await Promise.all(
    Array.from({ length: 16 }, async (_, w) => {
      for (let b = 0; b < 10; b++) {
        const lines = Array.from({ length: 50 }, (_, i) => `conc,writer=w${w} v=${b * 50 + i}i ${b * 50 + i}`).join("\n");
        const res = await write("bucket=default", lines);
        expect(res.status).toBe(204);
      }
    }),
  );
  for (let w = 0; w < 16; w++) {
    const rows = read(`conc,writer=w${w}`, "v");
    expect(rows.length).toBe(500);
    expect(rows.every(([time, v]) => BigInt(time) === v)).toBe(true);
  }
});

test("backpressure: when the buffer stays full past the wait, writes get 503 with Retry-After, then succeed after the flush", async () => {
  const small = await startTestServer({ flushBytes: "1", maxBufferBytes: "1", maxWriteWaitMs: "0" });
  try {
    const w = (v: number) => small.request("/api/v2/write?bucket=default", { method: "POST", body: `bp v=${v} ${v}` });
    const accepted: number[] = [];
    let busy: Response | undefined;
    // Every write fills the 1-byte buffer; the next one is refused while that flush runs.
    for (let v = 1; v <= 200 && !busy; v++) {
      const res = await Promise.all([w(2 * v), w(2 * v + 1)]);
      for (const [i, r] of res.entries()) {
        if (r.status === 204) accepted.push(2 * v + i);
        else busy ??= r;
      }
    }
    expect(busy?.status).toBe(503);
    expect(busy!.headers.get("retry-after")).toBe("1");
    expect(((await busy!.json()) as { code: string }).code).toBe("unavailable");
    // The flush in progress, then one for what was accepted while it ran.
    await small.server.ctx.engine.flush();
    await small.server.ctx.engine.flush();
    expect((await w(1)).status).toBe(204);
    const rows = readColumn(small.server.ctx.engine, small.server.ctx.defaults.bucketId, "bp", "v");
    expect(rows.map(([, v]) => v)).toEqual([1, ...accepted].sort((a, b) => a - b));
  } finally {
    await small.stop();
  }
});
