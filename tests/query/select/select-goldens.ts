/**
 * The InfluxDB 1.6.7 goldens answered by SELECT: every 200 answer outside the meta categories
 * whose request holds a SELECT (the SHOW ones are golden-meta.test.ts's). Each golden-select test
 * file replays a group of categories against its own golden server, comparing bodies exactly.
 */
import { afterAll, beforeAll, describe, test } from "bun:test";
import { expectRecordedAnswer, loadGoldens, replay, startGoldenServer } from "../../influxql/golden-harness.ts";
import type { Golden } from "../../influxql/record/record-goldens.ts";
import type { TestServer } from "../../routes/test-server.ts";

const ALL = [...loadGoldens("goldens-json.json"), ...loadGoldens("goldens-csv.json"), ...loadGoldens("goldens-msgpack.json")];

export function selectGoldens(categories: readonly string[]): Golden[] {
  return ALL.filter((g) => g.status === 200 && categories.includes(g.category) && /\bselect\b/i.test(g.q));
}

export function replayGoldens(title: string, cases: Golden[]): void {
  let t: TestServer;
  beforeAll(async () => {
    t = await startGoldenServer();
  });
  afterAll(() => t.stop());

  describe(title, () => {
    test.each(cases.map((g) => [g.id, g] as const))("%s", async (_id, g) => {
      expectRecordedAnswer(await replay(t, g), g);
    });
  });
}
