/** CSV edge cases beyond the goldens: Go's quoting rules, tag keys, values, tables and chunks. */
import { describe, expect, test } from "bun:test";
import { createCsvEncoder, encodeCsv } from "../../../app/query/encode/csv.ts";
import { csvRecord } from "../../../app/query/encode/csv-record.ts";
import type { ResultValue, StatementResult } from "../../../app/query/result.ts";

describe("quoting as Go's encoding/csv", () => {
  test.each([
    ["plain", "plain"],
    ["", ""],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\r", '"cr\r"'],
    [" leading space", '" leading space"'],
    ["\tleading tab", '"\tleading tab"'],
    ["\u00a0nbsp", '"\u00a0nbsp"'],
    ["\u2028sep", '"\u2028sep"'],
    ["\ufeffbom is no space to Go", "\ufeffbom is no space to Go"],
    ["inner space", "inner space"],
    ["\\.", '"\\."'],
    ["trailing ", "trailing "],
  ])("%j", (field, text) => {
    expect(csvRecord([field])).toBe(text + "\n");
  });
});

function rows(...values: ResultValue[][]): string {
  return encodeCsv([{ statement_id: 0, series: [{ name: "m", columns: values[0].map((_, i) => `c${i}`), values }] }]);
}

test("values: floats in plain decimal, NaN empty, ±Inf as Go prints them, integers exact", () => {
  expect(rows([1e21, 5e-324, -0, NaN, Infinity, -Infinity, 18446744073709551615n, null, true, "s"])).toBe(
    "name,tags,c0,c1,c2,c3,c4,c5,c6,c7,c8,c9\n" +
      `m,,1000000000000000000000,0.${"0".repeat(323)}5,-0,,+Inf,-Inf,18446744073709551615,,true,s\n`,
  );
});

test("tags: sorted, line-protocol escaped, empty values left out", () => {
  const body = encodeCsv([
    { statement_id: 0, series: [{ name: "m", tags: { z: "1", "a b": "x,y=z", empty: "" }, columns: ["v"], values: [[1]] }] },
    { statement_id: 1, series: [{ name: "m", tags: { only: "" }, columns: ["v"], values: [[2]] }] },
  ]);
  expect(body).toBe('name,tags,v\nm,"a\\ b=x\\,y\\=z,z=1",1\n\nname,tags,v\nm,,2\n');
});

test("time: nanoseconds by default, epoch units when asked, never RFC3339", () => {
  const results: StatementResult[] = [{ statement_id: 0, series: [{ name: "m", columns: ["time", "v"], values: [[-1_500_000_000n, 1]] }] }];
  expect(encodeCsv(results)).toBe("name,tags,time,v\nm,,-1500000000,1\n");
  expect(encodeCsv(results, { epoch: "s" })).toBe("name,tags,time,v\nm,,-1,1\n");
});

test("tables: new header when columns change inside a statement; empty and failed statements print nothing", () => {
  const body = encodeCsv([
    { statement_id: 0 },
    { statement_id: 1, error: "database not found: nope" },
    {
      statement_id: 2,
      series: [
        { name: "a", columns: ["x"], values: [[1]] },
        { name: "b", columns: ["x"], values: [[2]] },
        { name: "c", columns: ["y"], values: [[3]] },
      ],
    },
  ]);
  expect(body).toBe("name,tags,x\na,,1\nb,,2\n\nname,tags,y\nc,,3\n");
  expect(encodeCsv([{ statement_id: 0 }, { statement_id: 1, error: "x" }])).toBe("");
});

test("chunks continue the same table; a new statement starts a new one", () => {
  const encode = createCsvEncoder();
  const out = [
    encode([{ statement_id: 0, series: [{ name: "a", columns: ["x"], values: [[1]], partial: true }], partial: true }]),
    encode([{ statement_id: 0, series: [{ name: "a", columns: ["x"], values: [[2]] }] }]),
    encode([{ statement_id: 1, series: [{ name: "b", columns: ["x"], values: [[3]] }] }]),
  ];
  expect(out).toEqual(["name,tags,x\na,,1\n", "a,,2\n", "\nname,tags,x\nb,,3\n"]);
});

test("SHOW RETENTION POLICIES prints the header text in replicaN, as 1.6.7 does", () => {
  const columns = ["name", "duration", "shardGroupDuration", "replicaN", "default"];
  const body = encodeCsv([
    { statement_id: 0, series: [{ columns, values: [["autogen", "0s", "168h0m0s", 1n, true], ["forever", "0s", "24h0m0s", 1n, false]] }] },
  ]);
  expect(body).toBe(
    "name,tags,name,duration,shardGroupDuration,replicaN,default\n,,autogen,0s,168h0m0s,replicaN,true\n,,forever,0s,24h0m0s,replicaN,false\n",
  );
  // Only that shape: a named series with the same column keeps its value.
  expect(encodeCsv([{ statement_id: 0, series: [{ name: "m", columns, values: [["a", "b", "c", 1n, true]] }] }])).toContain(
    "m,,a,b,c,1,true",
  );
});
