import { describe, expect, test } from "bun:test";
import { goDurationString, parseDuration } from "../../../app/influxql/duration.ts";
import {
  defaultShardGroupDuration,
  durationsOf,
  normalisedShardGroupDuration,
  retentionRulesFor,
  validName,
} from "../../../app/query/meta/retention-policy-rules.ts";
import type { Bucket } from "../../../storage/meta/schema.ts";

const d = (s: string) => parseDuration(s);
const shown = (ns: bigint) => goDurationString(ns);

describe("shard group durations (services/meta)", () => {
  test("defaults: 7d for INF and from 180d, 1d from 2d, else 1h", () => {
    expect(shown(defaultShardGroupDuration(0n))).toBe("168h0m0s");
    expect(shown(defaultShardGroupDuration(d("180d")))).toBe("168h0m0s");
    expect(shown(defaultShardGroupDuration(d("179d")))).toBe("24h0m0s");
    expect(shown(defaultShardGroupDuration(d("2d")))).toBe("24h0m0s");
    expect(shown(defaultShardGroupDuration(d("47h")))).toBe("1h0m0s");
    expect(shown(defaultShardGroupDuration(d("1h")))).toBe("1h0m0s");
  });

  test("a requested duration is kept, except 0 (default) and under 1h (1h)", () => {
    expect(shown(normalisedShardGroupDuration(0n, d("3d")))).toBe("24h0m0s");
    expect(shown(normalisedShardGroupDuration(d("30m"), 0n))).toBe("1h0m0s");
    expect(shown(normalisedShardGroupDuration(d("2h"), d("3d")))).toBe("2h0m0s");
    expect(shown(normalisedShardGroupDuration(d("1w"), d("52w")))).toBe("168h0m0s");
  });

  test("SHOW RETENTION POLICIES prints Go durations", () => {
    expect(shown(0n)).toBe("0s");
    expect(shown(d("52w"))).toBe("8736h0m0s");
    expect(shown(d("90m"))).toBe("1h30m0s");
  });
});

describe("a policy's durations in a bucket's retention rule", () => {
  const bucket = (rules: Bucket["retentionRules"]) => ({ retentionRules: rules }) as Bucket;

  test("round-trips, sub-second parts included", () => {
    const p = { duration: d("3d") + 1_500_000n, shardGroupDuration: d("2h") };
    expect(durationsOf(bucket(retentionRulesFor(p)))).toEqual(p);
  });

  test("a bucket without a shard duration gets the default; no rule means infinite", () => {
    expect(durationsOf(bucket([{ type: "expire", everySeconds: 2 * 86400 }]))).toEqual({ duration: d("2d"), shardGroupDuration: d("1d") });
    expect(durationsOf(bucket([]))).toEqual({ duration: 0n, shardGroupDuration: d("7d") });
  });
});

test("names: printable, not . or .., no slashes", () => {
  for (const ok of ["db", "Scratch Ünï", "a.b", "日本", "x-y_z"]) expect(validName(ok)).toBe(true);
  for (const bad of ["", ".", "..", "a/b", "a\\b", "a\tb", "a\u00a0b", "a\nb"]) expect(validName(bad)).toBe(false);
});
