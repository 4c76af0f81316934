/**
 * Properties over random results: every JSON answer parses (JSON.parse, and exactly with the test
 * parser, bigints included) back to what was encoded, pretty or not; every msgpack answer decodes
 * with @msgpack/msgpack to the same values; CSV fields survive Go's quoting.
 */
import { describe, expect, test } from "bun:test";
import { decode, ExtensionCodec } from "@msgpack/msgpack";
import fc from "fast-check";
import { formatFloatF } from "../../../app/influxql/go-float.ts";
import { encodeCsv } from "../../../app/query/encode/csv.ts";
import { jsonFloat } from "../../../app/query/encode/json-scalar.ts";
import { encodeJson } from "../../../app/query/encode/json.ts";
import { encodeMsgpack } from "../../../app/query/encode/msgpack.ts";
import type { ResultSeries, ResultValue, StatementResult } from "../../../app/query/result.ts";
import { parseCsv } from "./golden-csv-model.ts";
import { parseJsonDocuments, toResults } from "./golden-json-model.ts";

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** Characters with a special meaning somewhere, lone surrogates, and any code point. */
const char = fc.oneof(
  fc.constantFrom("<", ">", "&", '"', "\\", "\u2028", "\u2029", "\t", "\n", "\r", ",", " ", "=", "\u0000", "\b", "\u007f", "\u00a0"),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
);
const text = fc.string({ unit: char, maxLength: 12 });

const value: fc.Arbitrary<ResultValue> = fc.oneof(
  fc.double(),
  fc.bigInt({ min: INT64_MIN, max: (1n << 64n) - 1n }),
  text,
  fc.boolean(),
  fc.constant(null),
);

const series: fc.Arbitrary<ResultSeries> = fc
  .record({
    name: fc.option(text, { nil: undefined }),
    // Keys well-formed: two lone surrogates would both print as U+FFFD and collide.
    tags: fc.option(fc.dictionary(text.map((k) => k.toWellFormed()), text, { maxKeys: 3 }), { nil: undefined }),
    timed: fc.boolean(),
    width: fc.integer({ min: 1, max: 4 }),
  })
  .chain(({ name, tags, timed, width }) =>
    fc.record({
      columns: fc.tuple(...Array.from({ length: width }, (_, i) => (i === 0 && timed ? fc.constant("time") : text))),
      values: fc.array(
        fc.tuple(...Array.from({ length: width }, (_, i) => (i === 0 && timed ? fc.bigInt({ min: INT64_MIN, max: INT64_MAX }) : value))),
        { maxLength: 4 },
      ),
    }).map(({ columns, values }): ResultSeries => {
      const s: ResultSeries = { columns: columns as string[], values: values as ResultValue[][] };
      if (name !== undefined) s.name = name;
      if (tags !== undefined) s.tags = tags;
      return s;
    }),
  );

const results: fc.Arbitrary<StatementResult[]> = fc
  .array(
    fc.record({
      series: fc.option(fc.array(series, { maxLength: 3 }), { nil: undefined }),
      error: fc.option(text, { nil: undefined }),
    }),
    { maxLength: 3 },
  )
  .map((rs) =>
    rs.map(({ series, error }, i) => {
      const r: StatementResult = { statement_id: i };
      if (series !== undefined) r.series = series;
      if (error !== undefined) r.error = error;
      return r;
    }),
  );

/** What the JSON should say for a value: lone surrogates replaced, non-finite floats null. */
function jsonExpected(v: ResultValue): ResultValue {
  if (typeof v === "string") return v.toWellFormed();
  if (typeof v !== "number") return v;
  if (!Number.isFinite(v)) return null;
  const printed = jsonFloat(v);
  expect(Object.is(Number(printed), v)).toBe(true);
  // The test parser reads integer-looking numbers as bigint.
  return /^-?\d+$/.test(printed) && printed !== "-0" ? BigInt(printed) : v;
}

function jsonExpectedResults(rs: StatementResult[]): StatementResult[] {
  return rs.map((r) => {
    const out: StatementResult = { statement_id: r.statement_id };
    const series = (r.series ?? []).map((s) => {
      const e: ResultSeries = { columns: s.columns.map((c) => c.toWellFormed()), values: s.values.map((row) => row.map(jsonExpected)) };
      if (s.name) e.name = s.name.toWellFormed();
      const tagKeys = Object.keys(s.tags ?? {});
      if (tagKeys.length > 0) e.tags = Object.fromEntries(tagKeys.map((k) => [k, s.tags![k].toWellFormed()]));
      return e;
    });
    if (series.length > 0) out.series = series;
    if (r.error) out.error = r.error.toWellFormed();
    return out;
  });
}

describe("JSON", () => {
  test("always valid JSON, and the values come back exactly", () => {
    fc.assert(
      fc.property(results, (rs) => {
        const body = encodeJson(rs);
        expect(body.endsWith("\n")).toBe(true);
        JSON.parse(body);
        const [doc] = parseJsonDocuments(body);
        const back = toResults(doc, undefined);
        const expected = jsonExpectedResults(rs);
        expect(JSON.stringify(normalize(back))).toBe(JSON.stringify(normalize(expected)));
      }),
      { numRuns: 300 },
    );
  });

  test("pretty parses to the same as compact", () => {
    fc.assert(
      fc.property(results, (rs) => {
        expect(JSON.parse(encodeJson(rs, { pretty: true }))).toEqual(JSON.parse(encodeJson(rs)));
      }),
      { numRuns: 200 },
    );
  });
});

/** Comparable text for results holding bigints, -0 and key order differences. */
function normalize(rs: StatementResult[]): unknown {
  return rs.map((r) => ({
    ...r,
    series: r.series?.map((s) => ({
      ...s,
      tags: s.tags === undefined ? undefined : Object.entries(s.tags).sort(),
      values: s.values.map((row) => row.map((v) => (typeof v === "bigint" ? `int:${v}` : Object.is(v, -0) ? "-0" : v))),
    })),
  }));
}

describe("msgpack", () => {
  const extensions = new ExtensionCodec();
  extensions.register({
    type: 5,
    encode: () => null,
    decode: (data) => {
      const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
      return { ns: view.getBigInt64(0) * 1_000_000_000n + BigInt(view.getInt32(8)) };
    },
  });

  function expected(v: ResultValue, time: boolean): unknown {
    if (time && typeof v === "bigint") return { ns: v };
    if (typeof v === "number") return Number.isNaN(v) ? null : v;
    if (typeof v === "bigint") return v;
    return typeof v === "string" ? v.toWellFormed() : v;
  }

  function actual(v: unknown): unknown {
    return typeof v === "number" && Number.isInteger(v) && !Object.is(v, -0) ? BigInt(v) : v;
  }

  test("decodes with @msgpack/msgpack to the encoded values", () => {
    fc.assert(
      fc.property(results, (rs) => {
        const doc = decode(encodeMsgpack(rs), { extensionCodec: extensions, useBigInt64: true }) as {
          results: { error?: string; series?: { columns: string[]; values: unknown[][]; name?: string }[] }[];
        };
        expect(doc.results.length).toBe(rs.length);
        rs.forEach((r, i) => {
          const got = doc.results[i];
          if (r.error) return expect(got).toEqual({ error: r.error.toWellFormed() });
          expect(got.series!.length).toBe(r.series?.length ?? 0);
          (r.series ?? []).forEach((s, j) => {
            const g = got.series![j];
            expect(g.name).toBe(s.name ? s.name.toWellFormed() : undefined);
            const time = s.columns[0] === "time";
            // Floats that happen to be whole come back as numbers too; compare integers as bigint.
            const want = s.values.map((row) => row.map((v, k) => {
              const e = expected(v, time && k === 0);
              return typeof v === "number" ? e : actual(e);
            }));
            const have = g.values.map((row, ri) => row.map((v, k) => (typeof s.values[ri][k] === "number" ? v : actual(v))));
            expect(have).toEqual(want);
          });
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe("CSV", () => {
  test("string fields survive Go's quoting", () => {
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 4 }).chain((columns) =>
          fc.tuple(fc.constant(columns), fc.array(fc.array(text, { minLength: columns.length, maxLength: columns.length }), { minLength: 1, maxLength: 4 })),
        ),
        fc.string({ unit: char, minLength: 1, maxLength: 8 }),
        ([columns, rows], name) => {
          const body = encodeCsv([{ statement_id: 0, series: [{ name, columns, values: rows }] }]);
          const records = parseCsv(body);
          expect(records[0]).toEqual(["name", "tags", ...columns]);
          expect(records.slice(1)).toEqual(rows.map((row) => [name, "", ...row]));
        },
      ),
      { numRuns: 300 },
    );
  });

  test("floats print as Go's strconv 'f' and read back exactly", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        const body = encodeCsv([{ statement_id: 0, series: [{ name: "m", columns: ["v"], values: [[v]] }] }]);
        const cell = parseCsv(body)[1][2];
        expect(cell).toBe(formatFloatF(v));
        expect(Object.is(Number(cell), v)).toBe(true);
      }),
    );
  });
});
