import { afterAll, beforeAll, describe, test } from "bun:test";
import type { TestServer } from "../routes/test-server.ts";
import { expectRecordedAnswer, loadGoldens, replay, startGoldenServer, type Replayed } from "./golden-harness.ts";

/**
 * The state-changing goldens (`write-meta`): each depends on the ones before it, so all of them are
 * replayed once, in recorded order, on one server; each test then checks one recorded answer.
 */
const goldens = loadGoldens("goldens-json.json").filter((g) => g.category === "write-meta");

let t: TestServer;
const answers = new Map<string, Replayed>();
beforeAll(async () => {
  t = await startGoldenServer();
  for (const g of goldens) answers.set(g.id, await replay(t, g));
});
afterAll(() => t.stop());

describe("InfluxDB 1.6.7 goldens: write-meta, in order", () => {
  test.each(goldens.map((g) => [g.id, g] as const))("%s", (id, g) => {
    expectRecordedAnswer(answers.get(id)!, g);
  });
});
