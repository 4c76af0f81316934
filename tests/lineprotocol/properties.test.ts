/** Property tests: round trips, exact numbers, and robustness against arbitrary bytes. */
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { batchToPoints, fieldValue, pointTimeNs } from "../../app/lineprotocol/batch-points.ts";
import type { Precision } from "../../app/lineprotocol/parse.ts";
import type { FieldValue, LinePoint } from "../../app/lineprotocol/point.ts";
import { serializePoint, serializePoints } from "../../app/lineprotocol/serialize.ts";
import { FieldType, type PointBatch } from "../../storage/tsdb/point-batch.ts";
import { NOW, parse } from "./parse-helpers.ts";

const MIN_TIME = -9223372036854775806n;
const MAX_TIME = 9223372036854775806n;
const NS_PER: Record<Precision, bigint> = {
  ns: 1n,
  us: 1000n,
  ms: 1000000n,
  s: 1000000000n,
  m: 60000000000n,
  h: 3600000000000n,
};

/** Characters that stress escaping, plus any code point (keys cannot hold a newline at all). */
const keyChar = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(",", " ", "=", '"', "\\", "#", "\t", "\r", "\0", "'") },
  { weight: 3, arbitrary: fc.constantFrom("a", "b", "z", "A", "0", "_", "-", ".") },
  { weight: 2, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
);
const valueChar = fc.oneof({ weight: 8, arbitrary: keyChar }, { weight: 1, arbitrary: fc.constantFrom("\n", "\r\n") });
const text = (minLength: number) => fc.string({ unit: keyChar, minLength, maxLength: 12 });

/** True when the serializer can write the point (it throws for the few unrepresentable strings). */
function representable(p: LinePoint): boolean {
  try {
    serializePoint(p);
    return true;
  } catch (e) {
    if (e instanceof RangeError) return false;
    throw e;
  }
}

const fieldValueArb: fc.Arbitrary<FieldValue> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => ({ type: "float" as const, value })),
  fc.bigInt(-(2n ** 63n), 2n ** 63n - 1n).map((value) => ({ type: "integer" as const, value })),
  fc.bigInt(0n, 2n ** 64n - 1n).map((value) => ({ type: "unsigned" as const, value })),
  fc.string({ unit: valueChar, maxLength: 20 }).map((value) => ({ type: "string" as const, value })),
  fc.boolean().map((value) => ({ type: "boolean" as const, value })),
);

const keyArb = text(1).filter((k) => k !== "time");

const pointArb = (precision: Precision): fc.Arbitrary<LinePoint> =>
  fc
    .record({
      measurement: text(1),
      tags: fc.dictionary(keyArb, text(1), { maxKeys: 4 }),
      fields: fc.dictionary(keyArb, fieldValueArb, { minKeys: 1, maxKeys: 5 }),
      time: fc.option(
        fc.bigInt(MIN_TIME / NS_PER[precision], MAX_TIME / NS_PER[precision]).map((t) => t * NS_PER[precision]),
        { nil: undefined },
      ),
    })
    .filter(representable);

/** A point as comparable JSON: floats keep the sign of zero, times default to the receive time. */
function normalize(p: LinePoint): unknown {
  return {
    measurement: p.measurement,
    tags: Object.fromEntries(Object.entries(p.tags ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))),
    fields: Object.fromEntries(
      Object.entries(p.fields).map(([k, f]) => [
        k,
        f.type === "float" && Object.is(f.value, -0) ? "float:-0" : `${f.type}:${String(f.value)}`,
      ]),
    ),
    time: String(p.time ?? NOW),
  };
}

/** Structural invariants every batch must satisfy, whatever the input. */
function checkInvariants(batch: PointBatch, body: Uint8Array): void {
  const lines = body.filter((b) => b === 10).length + 1;
  expect(batch.lineCount).toBe(batch.pointCount + batch.rejected.length);
  const numbered = [...batch.pointLine.subarray(0, batch.pointCount), ...batch.rejected.map((r) => r.line)];
  expect(new Set(numbered).size).toBe(numbered.length);
  for (const line of numbered) expect(line >= 1 && line <= lines).toBe(true);
  for (let i = 1; i < batch.pointCount; i++) expect(batch.pointLine[i] > batch.pointLine[i - 1]).toBe(true);
  for (let i = 0; i < batch.pointCount; i++) {
    expect(batch.pointSeries[i] < batch.series.length).toBe(true);
    expect(batch.pointTimeNs[i] >= 0 && batch.pointTimeNs[i] < 1e6).toBe(true);
    const t = pointTimeNs(batch, i);
    expect(t >= MIN_TIME && t <= MAX_TIME).toBe(true);
  }
  let previousPoint = -1;
  const pointsWithFields = new Set<number>();
  for (let k = 0; k < batch.fieldCount; k++) {
    expect(batch.fieldPoint[k] >= previousPoint && batch.fieldPoint[k] < batch.pointCount).toBe(true);
    previousPoint = batch.fieldPoint[k];
    pointsWithFields.add(previousPoint);
    expect(batch.fieldKey[k] < batch.fieldKeys.length).toBe(true);
    expect(batch.fieldType[k] <= FieldType.Boolean).toBe(true);
    if (batch.fieldType[k] === FieldType.String) expect(batch.fieldValues[k] < batch.strings.length).toBe(true);
    if (batch.fieldType[k] === FieldType.Float) expect(Number.isFinite(fieldValue(batch, k).value)).toBe(true);
  }
  expect(pointsWithFields.size).toBe(batch.pointCount);
  expect(new Set(batch.series.map((s) => s.key)).size).toBe(batch.series.length);
  expect(new Set(batch.fieldKeys).size).toBe(batch.fieldKeys.length);
}

const RUNS = { numRuns: 300 };

describe("serialize → parse round trip", () => {
  for (const precision of ["ns", "us", "ms", "s", "m", "h"] as Precision[]) {
    test(`any representable points come back exactly (precision ${precision})`, () => {
      fc.assert(
        fc.property(fc.array(pointArb(precision), { minLength: 1, maxLength: 8 }), (points) => {
          const body = serializePoints(points, precision);
          const batch = parse(body, precision);
          expect(batch.rejected).toEqual([]);
          const expected = points.map((p) => ({ ...p, time: p.time ?? truncatedNow(precision) }));
          expect(batchToPoints(batch).map(normalize)).toEqual(expected.map(normalize));
        }),
        precision === "ns" ? { numRuns: 1000 } : { numRuns: 150 },
      );
    });
  }

  test("extreme values and times", () => {
    const point: LinePoint = {
      measurement: "m",
      fields: {
        a: { type: "integer", value: -(2n ** 63n) },
        b: { type: "integer", value: 2n ** 63n - 1n },
        c: { type: "unsigned", value: 2n ** 64n - 1n },
        d: { type: "float", value: -Number.MAX_VALUE },
        e: { type: "float", value: Number.MIN_VALUE },
        f: { type: "float", value: -0 },
      },
    };
    for (const time of [MIN_TIME, MAX_TIME, -1n, 0n, 1n]) {
      const batch = parse(serializePoints([{ ...point, time }]));
      expect(batchToPoints(batch).map(normalize)).toEqual([normalize({ ...point, time })]);
    }
  });
});

function truncatedNow(precision: Precision): bigint {
  return (NOW / NS_PER[precision]) * NS_PER[precision];
}

describe("numbers are exact", () => {
  const digits = (max: number) => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1, maxLength: max });

  test("a float reads as Number() of its text, or is refused when that is infinite", () => {
    const decimal = fc
      .tuple(
        fc.constantFrom("", "-"),
        digits(25),
        fc.option(digits(25), { nil: undefined }),
        fc.option(fc.tuple(fc.constantFrom("e", "E"), fc.constantFrom("", "+", "-"), digits(3)), { nil: undefined }),
      )
      .map(([sign, int, frac, exp]) => `${sign}${int}${frac === undefined ? "" : `.${frac}`}${exp ? exp.join("") : ""}`);
    fc.assert(
      fc.property(decimal, (t) => {
        const batch = parse(`m v=${t} 1`);
        const want = Number(t);
        if (Number.isFinite(want)) {
          expect(batch.rejected).toEqual([]);
          expect(Object.is(batch.fieldValues[0], want)).toBe(true);
        } else {
          expect(batch.rejected[0].message).toEndWith(": invalid float");
        }
      }),
      { numRuns: 2000 },
    );
  });

  test("integers and unsigned integers are exact or refused as out of range", () => {
    fc.assert(
      fc.property(fc.constantFrom("", "-"), digits(22), fc.constantFrom("i", "u"), (sign, d, suffix) => {
        const t = `${sign}${d}`;
        const batch = parse(`m v=${t}${suffix} 1`);
        const v = BigInt(t);
        const inRange = suffix === "i" ? v >= -(2n ** 63n) && v < 2n ** 63n : sign === "" && v < 2n ** 64n;
        if (inRange) {
          expect(fieldValue(batch, 0)).toEqual({ type: suffix === "i" ? "integer" : "unsigned", value: v });
        } else {
          expect(batch.pointCount).toBe(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test("timestamps at every precision are exact or refused as out of range", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("", "-"),
        digits(21),
        fc.constantFrom(...(["ns", "us", "ms", "s", "m", "h"] as Precision[])),
        (sign, d, precision) => {
          const t = `${sign}${d}`;
          const batch = parse(`m v=1 ${t}`, precision);
          const ns = BigInt(t) * NS_PER[precision];
          const inRange = BigInt(t) >= -(2n ** 63n) && BigInt(t) < 2n ** 63n && ns >= MIN_TIME && ns <= MAX_TIME;
          if (inRange) {
            expect(batch.rejected).toEqual([]);
            expect(pointTimeNs(batch, 0)).toBe(ns);
          } else {
            expect(batch.pointCount).toBe(0);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("robustness", () => {
  const lpFragment = fc.oneof(
    fc.constantFrom("cpu", "m", ",", " ", "=", '"', "\\", "\n", "\r\n", "#", "\t", "\0", "t", "true", "F", "NaN"),
    fc.constantFrom("1", "-", ".", "e", "E", "+", "i", "u", "9223372036854775808", "1.5e308", "é", "\xff"),
    fc.constantFrom("cpu,host=a ", "v=1", "s=\"x\"", " 1\n", "host=a", "\\ ", "\\,", "\\=", "\\\""),
  );
  const fragments = fc.array(lpFragment, { maxLength: 40 }).map((parts) => parts.join(""));
  // Valid lines with a few bytes inserted, deleted or replaced.
  const VALID = [
    'cpu,host=a\\ b,region=x\\,y usage=1.5,i=-3i,u=7u,s="q\\"\\\\z",b=t 1700000000000000000',
    "m\\ x,t=\\=v a\\=b=2,c=.5e3 -5",
    'x time=1,v="a\nb" 3',
    "y v=1,v=2 4\r\n# c\n\nz s=\"\",e=1e-300 9223372036854775806",
  ];
  const mutated = fc
    .tuple(
      fc.array(fc.constantFrom(...VALID), { minLength: 1, maxLength: 4 }),
      fc.array(fc.tuple(fc.nat(), fc.nat(2), fc.constantFrom(..." ,=\"\\\n\r\t#0123456789.-+eEiuTtFfN\xffé")), { maxLength: 4 }),
    )
    .map(([lines, edits]) => {
      let s = lines.join("\n");
      for (const [at, op, c] of edits) {
        const p = at % (s.length + 1);
        s = s.slice(0, p) + (op === 1 ? "" : c) + s.slice(op === 0 ? p : p + 1);
      }
      return s;
    });
  const lpLike = fc
    .tuple(fc.oneof(fragments, mutated), fc.boolean())
    .map(([s, latin1]) => new Uint8Array(Buffer.from(s, latin1 ? "latin1" : "utf8")));

  test("arbitrary bytes never throw, and the batch is well formed", () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), lpLike), (body) => {
        checkInvariants(parse(body), body);
      }),
      { numRuns: 1500 },
    );
  });

  test("whatever is accepted is written back and read again identically", () => {
    fc.assert(
      fc.property(lpLike, (body) => {
        const points = batchToPoints(parse(body));
        const again = batchToPoints(parse(serializePoints(points)));
        expect(again.map(normalize)).toEqual(points.map(normalize));
      }),
      { numRuns: 1500 },
    );
  });

  const BAD = [
    "bad",
    "cpu",
    ",t=a v=1",
    "cpu,t=a",
    "cpu v=",
    "cpu v=1 x",
    "cpu v=NaN",
    "cpu v=1,v=\"a\"",
    "cpu,t=a,t=b v=1",
    "cpu v=1 99999999999999999999",
    "cpu v=1\\",
    "cpu,t=a\\",
    "cpu,time=1 v=1",
    "cpu v=tru",
  ];

  test("bad lines never stop the lines after them; line numbers count CRLF, blank and comment lines", () => {
    const item = fc.oneof(
      { weight: 4, arbitrary: pointArb("ns").map((p) => ({ kind: "good" as const, p })) },
      { weight: 3, arbitrary: fc.constantFrom(...BAD).map((t) => ({ kind: "bad" as const, t })) },
      { weight: 1, arbitrary: fc.constantFrom("", "  ", "\t", "# comment", "  #x v=1").map((t) => ({ kind: "skip" as const, t })) },
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), fc.constantFrom("\n", "\r\n"), (items, eol) => {
        let line = 1;
        const goodLines: number[] = [];
        const badLines: number[] = [];
        const texts: string[] = [];
        for (const it of items) {
          const t = it.kind === "good" ? serializePoint(it.p) : it.t;
          if (it.kind === "good") goodLines.push(line);
          if (it.kind === "bad") badLines.push(line);
          texts.push(t);
          line += t.split("\n").length;
        }
        const body = texts.join(eol);
        const batch = parse(body);
        expect(batch.rejected.map((r) => r.line)).toEqual(badLines);
        expect([...batch.pointLine.subarray(0, batch.pointCount)]).toEqual(goodLines);
        const goods = items.flatMap((it) => (it.kind === "good" ? [{ ...it.p, time: it.p.time ?? NOW }] : []));
        expect(batchToPoints(batch).map(normalize)).toEqual(goods.map(normalize));
      }),
      RUNS,
    );
  });
});
