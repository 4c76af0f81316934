/**
 * InfluxDB 1.6.7's answers where many series of a tag set meet at the same times (the TSBS and
 * Telegraf shape: every host writes on the same tick): rows of equal time in Go-heap order,
 * float aggregates summed in that order, `"partial": true` on a non-chunked series of more than
 * 10,000 values. Recorded by record/record-ties.ts into fixtures/goldens-ties.json.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { normalizeBody, replay } from "./golden-harness.ts";
import type { GoldenFile } from "./record/record-goldens.ts";
import { TIES_DB, tiesDataset } from "./record/record-ties.ts";
import { startTestServer, type TestServer } from "../routes/test-server.ts";

const goldens = (JSON.parse(readFileSync(join(import.meta.dir, "fixtures", "goldens-ties.json"), "utf8")) as GoldenFile).goldens;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ bucket: TIES_DB });
  const res = await t.request(`/write?db=${TIES_DB}&precision=ns`, { method: "POST", body: `${tiesDataset().join("\n")}\n` });
  if (res.status !== 204) throw new Error(`write: ${res.status} ${await res.text()}`);
});
afterAll(() => t.stop());

describe("InfluxDB 1.6.7 goldens: series meeting at equal times", () => {
  test.each(goldens.map((g) => [`${g.id} ${g.note}`, g] as const))("%s", async (_name, g) => {
    const got = await replay(t, g);
    expect(got.status).toBe(g.status);
    expect(got.contentType).toBe(g.contentType);
    expect(normalizeBody(got.body)).toBe(normalizeBody(g.body));
  });
});
