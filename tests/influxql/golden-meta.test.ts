import { afterAll, beforeAll, describe, test } from "bun:test";
import type { TestServer } from "../routes/test-server.ts";
import { expectRecordedAnswer, loadGoldens, replay, startGoldenServer } from "./golden-harness.ts";

/**
 * Every read-only golden answered with 200 whose statements are all meta statements (no SELECT):
 * the `meta` category, and the SHOW cases among `error`, `format`, `multi`, CSV and msgpack.
 * The state-changing `write-meta` goldens run in golden-write-meta.test.ts.
 */
const cases = [...loadGoldens("goldens-json.json"), ...loadGoldens("goldens-csv.json"), ...loadGoldens("goldens-msgpack.json")].filter(
  (g) => g.status === 200 && g.category !== "write-meta" && !/\bselect\b/i.test(g.q),
);

let t: TestServer;
beforeAll(async () => {
  t = await startGoldenServer();
});
afterAll(() => t.stop());

describe("InfluxDB 1.6.7 goldens: meta statements", () => {
  test.each(cases.map((g) => [g.id, g] as const))("%s", async (_id, g) => {
    expectRecordedAnswer(await replay(t, g), g);
  });
});
