/**
 * Replays the decisions a real InfluxDB 1.6.7 made on tricky input (recorded by
 * record-goldens.ts) against our parser: same accepted/rejected lines with the same messages,
 * same stored series keys, field types, values and times. Cases marked `strataDiffers` are where
 * strata decides otherwise on purpose; for those, STRATA below states what we do instead.
 */
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { batchToPoints } from "../../app/lineprotocol/batch-points.ts";
import { parseLineProtocol, parsePrecision } from "../../app/lineprotocol/parse.ts";
import type { FieldValue } from "../../app/lineprotocol/point.ts";
import { serializePoints } from "../../app/lineprotocol/serialize.ts";
import type { PointBatch } from "../../storage/tsdb/point-batch.ts";
import { CASES, caseBody, type GoldenFile, type RecordedCase } from "./record-goldens.ts";

const golden: GoldenFile = JSON.parse(
  readFileSync(join(import.meta.dir, "fixtures", "influxdb-1.6.7-lines.json"), "utf8"),
);

const NOW_MS = 1_767_225_600_123;
const NOW_NS = 456_789;
const NOW = "1767225600123456789";

function parseCase(c: RecordedCase): PointBatch {
  const precision = parsePrecision(c.precision ?? "ns");
  if (precision === undefined) throw new Error(`unknown precision ${c.precision}`);
  return parseLineProtocol(caseBody(c), { precision, nowMs: NOW_MS, nowNs: NOW_NS });
}

/** One stored value, comparable across both sides: type plus exact text (`-0` keeps its sign). */
function valueText(type: string, v: FieldValue["value"] | string): string {
  if (type === "float") {
    const n = Number(v);
    return `float:${Object.is(n, -0) ? "-0" : String(n)}`;
  }
  if (type === "integer" || type === "unsigned") return `${type}:${BigInt(v as string | bigint)}`;
  return `${type}:${JSON.stringify(v)}`;
}

interface Row {
  measurement: string;
  tags: Record<string, string>;
  time: string;
  fields: Record<string, string>;
}

/** Our accepted points as InfluxDB stores them: same series and time merge, the later field wins. */
function ourRows(batch: PointBatch, now: boolean): Row[] {
  const merged = new Map<string, Row>();
  for (const p of batchToPoints(batch)) {
    const tags = p.tags ?? {};
    const id = JSON.stringify([p.measurement, tags, String(p.time)]);
    const row = merged.get(id) ?? { measurement: p.measurement, tags, time: now ? "now" : String(p.time), fields: {} };
    for (const [k, f] of Object.entries(p.fields)) row.fields[k] = valueText(f.type, f.value);
    merged.set(id, row);
  }
  return sortRows([...merged.values()]);
}

function influxRows(c: RecordedCase): Row[] {
  const types = new Map(c.influx.fieldKeys.map((f) => [`${f.measurement}\u0000${f.key}`, f.type]));
  return sortRows(
    c.influx.points.map((p) => ({
      measurement: p.measurement,
      // GROUP BY * reports tag keys a point lacks as "", which InfluxDB never stores.
      tags: Object.fromEntries(Object.entries(p.tags).filter(([, v]) => v !== "")),
      time: c.now ? "now" : p.time,
      fields: Object.fromEntries(
        Object.entries(p.fields).map(([k, v]) => [k, valueText(types.get(`${p.measurement}\u0000${k}`) ?? "?", v)]),
      ),
    })),
  );
}

function sortRows(rows: Row[]): Row[] {
  const id = (r: Row) => JSON.stringify([r.measurement, r.tags, r.time.padStart(21, " ")]);
  return rows.sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
}

/** influxd's error text as the list of per-line messages our parser should produce. */
function influxMessages(c: RecordedCase): string {
  const error = c.influx.error ?? "";
  return error.replace(/^partial write: /, "").replace(/ dropped=\d+$/, "");
}

const utf8 = new TextDecoder();
const invalidUtf8 = (c: RecordedCase): Expectation => ({
  accepted: "",
  rejected: [[1, `unable to parse '${utf8.decode(caseBody(c))}': invalid UTF-8`]],
});

interface Expectation {
  /** Accepted points, serialized; `NOW` stands for the receive time. */
  accepted: string;
  rejected?: [number, string][];
  seriesCount?: number;
}

const STRATA: Record<string, Expectation | ((c: RecordedCase) => Expectation)> = {
  "precision us (v2 name)": { accepted: "cpu v=1 1234567000\n" },
  "CRLF after timestamp": { accepted: "cpu v=1 1\n" },
  "CRLF after float": { accepted: "cpu v=1 NOW\n" },
  "CRLF after string": { accepted: 'cpu v="a" NOW\n' },
  "CRLF after boolean": { accepted: "cpu v=true NOW\n" },
  "CRLF multi-line body": { accepted: "cpu v=1 1\ncpu v=2 2\n" },
  "equivalent measurement escapes intern to one series": {
    accepted: 'c=p"u v=1 1\nc=p"u v=2 2\nc=p"u,t=\\=x w=3 3\nc=p"u,t=\\=x w=4 4\n',
    seriesCount: 2,
  },
  "field key with two backslashes before the equals sign": {
    accepted: "",
    rejected: [[1, "unable to parse 'cpu a\\\\=1 1': invalid field format"]],
  },
  "empty field key after a tab": {
    accepted: "",
    rejected: [[1, "unable to parse 'cpu \t=1 1': missing field key"]],
  },
  "text after the closing quote": {
    accepted: "",
    rejected: [[1, `unable to parse 'cpu s="a"b 1': invalid field format`]],
  },
  "two quoted strings glued": {
    accepted: "",
    rejected: [[1, `unable to parse 'cpu s="a""b" 1': invalid field format`]],
  },
  unsigned: { accepted: "cpu v=1u 1\n" },
  "unsigned max": { accepted: "cpu v=18446744073709551615u 1\n" },
  "unsigned max + 1": {
    accepted: "",
    rejected: [
      [
        1,
        "unable to parse 'cpu v=18446744073709551616u 1': unable to parse unsigned 18446744073709551616: " +
          'strconv.ParseUint: parsing "18446744073709551616": value out of range',
      ],
    ],
  },
  "duplicate fields, different types": {
    accepted: "",
    rejected: [[1, 'field type conflict: input field "v" on measurement "cpu" is type string, already exists as type float']],
  },
  "invalid UTF-8 in measurement": invalidUtf8,
  "invalid UTF-8 in tag value": invalidUtf8,
  "invalid UTF-8 in field key": invalidUtf8,
  "invalid UTF-8 in string value": invalidUtf8,
  "overlong UTF-8 in string value": invalidUtf8,
  "UTF-8 surrogate in string value": invalidUtf8,
  "comment ending in backslash": { accepted: "cpu v=1 1\ncpu v=2 2\n" },
  "backslash before newline in tag value": {
    accepted: "cpu v=2 2\n",
    rejected: [[1, "unable to parse 'cpu,t=a\\': missing fields"]],
  },
  "stray quote after timestamp": {
    accepted: "cpu v=2 2\n",
    rejected: [[1, `unable to parse 'cpu v=1 1 "': point is invalid`]],
  },
};

describe("golden decisions recorded from InfluxDB 1.6.7", () => {
  test("the fixture is current: same cases as record-goldens.ts, at least 100", () => {
    expect(golden.influxdbVersion.startsWith("1.6.7")).toBe(true);
    expect(golden.cases.map((c) => c.name)).toEqual(CASES.map((c) => c.name));
    expect(golden.cases.length).toBeGreaterThanOrEqual(100);
    const differs = golden.cases.filter((c) => c.strataDiffers !== undefined).map((c) => c.name);
    expect(differs.sort()).toEqual(Object.keys(STRATA).sort());
  });

  for (const c of golden.cases) {
    if (c.strataDiffers !== undefined) {
      test(`${c.name} (strata differs: ${c.strataDiffers})`, () => {
        const entry = STRATA[c.name];
        const want = typeof entry === "function" ? entry(c) : entry;
        const batch = parseCase(c);
        expect(serializePoints(batchToPoints(batch))).toBe(want.accepted.replaceAll("NOW", NOW));
        expect(batch.rejected.map((r) => [r.line, r.message])).toEqual(want.rejected ?? []);
        if (want.seriesCount !== undefined) expect(batch.series.length).toBe(want.seriesCount);
      });
      continue;
    }
    test(c.name, () => {
      const batch = parseCase(c);
      expect(batch.rejected.map((r) => r.message).join("\n")).toBe(influxMessages(c));
      expect(ourRows(batch, c.now === true)).toEqual(influxRows(c));
      const ourSeries = [...new Set(batch.series.map((s) => s.key))].sort();
      const droppedAfterParsing = c.influx.status === 400 && !(c.influx.error ?? "").includes("unable to parse");
      if (droppedAfterParsing) {
        // InfluxDB creates the series before its shard drops the point; we never create it.
        for (const key of ourSeries) expect(c.influx.series).toContain(key);
      } else {
        expect(ourSeries).toEqual([...c.influx.series].sort());
      }
    });
  }
});
