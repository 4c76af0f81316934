import { expect, test } from "bun:test";
import { parseDuration } from "../../../app/influxql/duration.ts";
import { shardGroupSpan, shardGroupStart } from "../../../app/query/meta/shard-groups.ts";
import { MAX_TIME, MIN_TIME } from "../../../app/query/meta/time-condition.ts";
import { parseTimeString } from "../../../app/query/select/time-literal.ts";

const t = (s: string) => parseTimeString(s, null);

test("7-day shard groups start on Mondays, as Go truncates from year 1", () => {
  expect(shardGroupStart(t("2026-01-01T12:00:00Z"), parseDuration("7d"))).toBe(t("2025-12-29T00:00:00Z"));
  expect(shardGroupStart(t("2025-12-29T00:00:00Z"), parseDuration("7d"))).toBe(t("2025-12-29T00:00:00Z"));
  expect(shardGroupStart(t("1969-12-31T23:00:00Z"), parseDuration("1d"))).toBe(t("1969-12-31T00:00:00Z"));
  expect(shardGroupStart(t("2026-01-01T05:30:00Z"), parseDuration("2h"))).toBe(t("2026-01-01T04:00:00Z"));
});

test("a time range widens to the shard groups it touches; open sides stay open", () => {
  const week = parseDuration("7d");
  expect(shardGroupSpan({ min: t("2026-01-02T00:00:00Z"), max: null }, week)).toEqual({ min: t("2025-12-29T00:00:00Z"), max: MAX_TIME });
  expect(shardGroupSpan({ min: null, max: t("2026-01-02T00:00:00Z") }, week)).toEqual({ min: MIN_TIME, max: t("2026-01-05T00:00:00Z") - 1n });
});
