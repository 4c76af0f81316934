import { afterAll, beforeAll, expect, test } from "bun:test";
import { readColumn } from "../storage/tsdb/read-back.ts";
import { startTestServer, type TestServer } from "./test-server.ts";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

const writeLp = (query: string, body: string) => t.request(`/api/v3/write_lp?${query}`, { method: "POST", body });

async function bucketId(name: string): Promise<string> {
  return (await t.server.ctx.meta.buckets.findByName(t.server.ctx.defaults.orgId, name))!.id;
}

test("precision=auto guesses the unit from each timestamp's magnitude; a new db is created", async () => {
  const res = await writeLp("db=sensors", "a v=1 1708976567\na v=2 1708976568000\na v=3 1708976569000000\na v=4 1708976570000000000");
  expect(res.status).toBe(204);
  expect(readColumn(t.server.ctx.engine, await bucketId("sensors"), "a", "v")).toEqual([
    [1708976567000000000n, 1],
    [1708976568000000000n, 2],
    [1708976569000000000n, 3],
    [1708976570000000000n, 4],
  ]);
});

test("explicit precision names", async () => {
  expect((await writeLp("db=sensors&precision=millisecond", "b v=1 1708976567000")).status).toBe(204);
  expect(readColumn(t.server.ctx.engine, await bucketId("sensors"), "b", "v")).toEqual([[1708976567000000000n, 1]]);
});

test("accept_partial=true (default) writes the valid lines and reports the others in InfluxDB 3's shape", async () => {
  const res = await writeLp("db=home&precision=second", 'home,room=Sunroom temp=96 1735545600\nhome,room=Sunroom temp="hi" 1735549200');
  expect(res.status).toBe(400);
  const body = (await res.json()) as { error: string; data: { original_line: string; line_number: number; error_message: string }[] };
  expect(body.error).toBe("partial write of line protocol occurred");
  expect(body.data).toEqual([{ original_line: 'home,room=Sunroom temp="hi" 1735549200', line_number: 2, error_message: expect.stringContaining("field type conflict") }]);
  expect(readColumn(t.server.ctx.engine, await bucketId("home"), "home,room=Sunroom", "temp")).toEqual([[1735545600000000000n, 96]]);
});

test("accept_partial=false writes nothing when a line is rejected", async () => {
  const res = await writeLp("db=strict&precision=second&accept_partial=false", "s v=1 1735545600\ns v=oops 1735549200");
  expect(res.status).toBe(400);
  const body = (await res.json()) as { error: string; data: { line_number: number } };
  expect(body.error).toBe("parsing failed for write_lp endpoint");
  expect(body.data.line_number).toBe(2);
  expect(readColumn(t.server.ctx.engine, await bucketId("strict"), "s", "v")).toEqual([]);
});

test("no_sync=true still stores the points", async () => {
  expect((await writeLp("db=sensors&no_sync=true&precision=second", "ns v=5 1708976567")).status).toBe(204);
  expect(readColumn(t.server.ctx.engine, await bucketId("sensors"), "ns", "v")).toEqual([[1708976567000000000n, 5]]);
});
