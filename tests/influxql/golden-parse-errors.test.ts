import { afterAll, beforeAll, describe, test } from "bun:test";
import type { TestServer } from "../routes/test-server.ts";
import { expectRecordedAnswer, loadGoldens, replay, startGoldenServer } from "./golden-harness.ts";

/** Every golden InfluxDB answered with 400: queries that do not parse, or bad parameters. */
const cases = [...loadGoldens("goldens-json.json"), ...loadGoldens("goldens-csv.json"), ...loadGoldens("goldens-msgpack.json")].filter((g) => g.status === 400);

let t: TestServer;
beforeAll(async () => {
  t = await startGoldenServer();
});
afterAll(() => t.stop());

describe("InfluxDB 1.6.7 goldens: 400 answers", () => {
  test.each(cases.map((g) => [g.id, g] as const))("%s", async (_id, g) => {
    expectRecordedAnswer(await replay(t, g), g);
  });
});
