/**
 * JSON edge cases the goldens do not reach: Go's float and string rules at their boundaries, the
 * omitted empty fields, key order, tag order by UTF-8 bytes, and `pretty` on empty containers.
 */
import { describe, expect, test } from "bun:test";
import { encodeJson, encodeJsonError } from "../../../app/query/encode/json.ts";
import { indentJson } from "../../../app/query/encode/json-indent.ts";
import { jsonFloat, jsonString } from "../../../app/query/encode/json-scalar.ts";
import type { ResultValue, StatementResult } from "../../../app/query/result.ts";

function row(...values: ResultValue[]): string {
  const body = encodeJson([{ statement_id: 0, series: [{ name: "m", columns: ["v"], values: [values] }] }]);
  return body.slice(body.indexOf('"values":[[') + 11, body.indexOf("]]}"));
}

describe("floats", () => {
  test.each([
    [-0, "-0"],
    [0, "0"],
    [1e21, "1e+21"],
    [1e20, "100000000000000000000"],
    [1e-7, "1e-7"],
    [1.5e-7, "1.5e-7"],
    [1e-6, "0.000001"],
    [9.99e-7, "9.99e-7"],
    [5e-324, "5e-324"],
    [-2.5e30, "-2.5e+30"],
    [1.7976931348623157e308, "1.7976931348623157e+308"],
    [123456789.12345679, "123456789.12345679"],
    [100, "100"],
    [0.1, "0.1"],
  ])("%p prints %s", (v, text) => {
    expect(jsonFloat(v)).toBe(text);
  });

  test("NaN and ±Inf print null", () => {
    expect(row(NaN, Infinity, -Infinity)).toBe("null,null,null");
  });
});

test("integers print exactly, int64 and uint64 limits included", () => {
  expect(row(9223372036854775807n, -9223372036854775808n, 18446744073709551615n, 9007199254740993n, 0n)).toBe(
    "9223372036854775807,-9223372036854775808,18446744073709551615,9007199254740993,0",
  );
});

test("booleans and nulls", () => {
  expect(row(true, false, null)).toBe("true,false,null");
});

describe("strings", () => {
  test.each([
    ["", '""'],
    ["html <b>&</b>", '"html \\u003cb\\u003e\\u0026\\u003c/b\\u003e"'],
    ["line\u2028sep\u2029", '"line\\u2028sep\\u2029"'],
    ['quote " back \\ slash', '"quote \\" back \\\\ slash"'],
    ["tab\there\nnl\rcr", '"tab\\there\\nnl\\rcr"'],
    ["\b\f\u0000\u001f", '"\\u0008\\u000c\\u0000\\u001f"'],
    ["del \u007f raw", '"del \u007f raw"'],
    ["ü 日本語 🚀", '"ü 日本語 🚀"'],
    ["lone \ud800 high, lone \udc00 low", '"lone \\ufffd high, lone \\ufffd low"'],
    ["pair \ud83d\ude80 then \u2030", '"pair 🚀 then \u2030"'],
  ])("%j", (s, text) => {
    expect(jsonString(s)).toBe(text);
  });
});

describe("shape", () => {
  test("no results is an empty object", () => {
    expect(encodeJson([])).toBe("{}\n");
  });

  test("an empty statement has only its id; empty series lists are omitted", () => {
    expect(encodeJson([{ statement_id: 0 }, { statement_id: 1, series: [] }])).toBe(
      '{"results":[{"statement_id":0},{"statement_id":1}]}\n',
    );
  });

  test("keys in Go struct order; empty name, tags, columns and values omitted", () => {
    const result: StatementResult = {
      error: "boom",
      partial: true,
      messages: [{ level: "warning", text: "w" }],
      series: [
        { values: [], columns: [], tags: {}, name: "" },
        { partial: true, values: [[1n]], columns: ["n"], tags: { b: "2", a: "1" }, name: "m" },
      ],
      statement_id: 3,
    };
    expect(encodeJson([result])).toBe(
      '{"results":[{"statement_id":3,"series":[{},{"name":"m","tags":{"a":"1","b":"2"},"columns":["n"],' +
        '"values":[[1]],"partial":true}],"messages":[{"level":"warning","text":"w"}],"partial":true,"error":"boom"}]}\n',
    );
  });

  test("tags sort by UTF-8 bytes, not UTF-16 units", () => {
    const body = encodeJson([{ statement_id: 0, series: [{ columns: ["x"], values: [], tags: { "😀": "a", "\uffff": "b", z: "c" } }] }]);
    expect(body).toContain('"tags":{"z":"c","\uffff":"b","😀":"a"}');
  });

  test("a time column only converts bigint cells; other first columns stay values", () => {
    const body = encodeJson(
      [
        { statement_id: 0, series: [{ columns: ["time", "v"], values: [[null, 1], [1n, 2n]] }] },
        { statement_id: 1, series: [{ columns: ["n"], values: [[5n]] }] },
      ],
      { epoch: "s" },
    );
    expect(body).toBe(
      '{"results":[{"statement_id":0,"series":[{"columns":["time","v"],"values":[[null,1],[0,2]]}]},' +
        '{"statement_id":1,"series":[{"columns":["n"],"values":[[5]]}]}]}\n',
    );
  });

  test("request error", () => {
    expect(encodeJsonError('bad <q> "x"')).toBe('{"error":"bad \\u003cq\\u003e \\"x\\""}\n');
    expect(encodeJsonError("e", { pretty: true })).toBe('{\n    "error": "e"\n}\n');
  });
});

describe("times", () => {
  const at = (ns: bigint, opts: Parameters<typeof encodeJson>[1] = {}) =>
    encodeJson([{ statement_id: 0, series: [{ columns: ["time"], values: [[ns]] }] }], opts).match(/"values":\[\[(.*)\]\]/)![1];

  test("RFC3339 UTC with the fraction trimmed", () => {
    expect(at(1767243658500000000n)).toBe('"2026-01-01T05:00:58.5Z"');
    expect(at(1767244021000000001n)).toBe('"2026-01-01T05:07:01.000000001Z"');
    expect(at(0n)).toBe('"1970-01-01T00:00:00Z"');
    expect(at(-1n)).toBe('"1969-12-31T23:59:59.999999999Z"');
  });

  test("epoch units truncate toward zero, negatives included", () => {
    expect(at(1767243658500000000n, { epoch: "s" })).toBe("1767243658");
    expect(at(-1_500_000_000n, { epoch: "s" })).toBe("-1");
    expect(at(-1n, { epoch: "ms" })).toBe("0");
    expect(at(7_200_000_000_000n, { epoch: "h" })).toBe("2");
  });

  test("tz() zones print their offset at each instant; epoch ignores them", () => {
    const zones = new Map([[0, "Europe/Oslo"]]);
    expect(at(1767225600000000000n, { timeZones: zones })).toBe('"2026-01-01T01:00:00+01:00"');
    expect(at(1782864000000000000n, { timeZones: zones })).toBe('"2026-07-01T02:00:00+02:00"');
    expect(at(1767225600000000000n, { timeZones: zones, epoch: "s" })).toBe("1767225600");
    expect(at(1767225600000000000n, { timeZones: new Map([[0, "UTC"]]) })).toBe('"2026-01-01T00:00:00Z"');
  });
});

test("pretty keeps empty containers on one line, as Go's json.Indent", () => {
  expect(indentJson('{"a":[],"b":{},"c":[1,{"d":"x,y:z\\"]"}]}', "    ")).toBe(
    '{\n    "a": [],\n    "b": {},\n    "c": [\n        1,\n        {\n            "d": "x,y:z\\"]"\n        }\n    ]\n}',
  );
});
