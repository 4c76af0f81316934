/** Table tests, one group per rule of the line protocol as strata reads it. */
import { describe, expect, test } from "bun:test";
import { fieldValue } from "../../app/lineprotocol/batch-points.ts";
import { parsePrecision, type Precision } from "../../app/lineprotocol/parse.ts";
import { FieldType } from "../../storage/tsdb/point-batch.ts";
import { accepted, NOW, NOW_MS, NOW_NS, parse, rejected } from "./parse-helpers.ts";

/** Each input is accepted and reads back as the expected canonical line. */
function acceptTable(rows: [input: string, canonical: string][]): void {
  for (const [input, canonical] of rows) {
    test(JSON.stringify(input), () => {
      expect(rejected(input)).toEqual([]);
      expect(accepted(input)).toBe(`${canonical}\n`);
    });
  }
}

/** Each input is a single line rejected with `unable to parse '<input>': <reason>`. */
function rejectTable(rows: [input: string, reason: string][]): void {
  for (const [input, reason] of rows) {
    test(`${JSON.stringify(input)} → ${reason}`, () => {
      expect(rejected(input)).toEqual([[1, `unable to parse '${input}': ${reason}`]]);
      expect(accepted(input)).toBe("");
    });
  }
}

describe("line structure", () => {
  acceptTable([
    ["cpu v=1 1", "cpu v=1 1"],
    ["cpu,host=a,region=b v=1 1", "cpu,host=a,region=b v=1 1"],
    ["cpu,z=1,a=2,m=3 v=1 1", "cpu,a=2,m=3,z=1 v=1 1"],
    ["  \tcpu,t=a   v=1,w=2   1   ", "cpu,t=a v=1,w=2 1"],
    ["cpu \tv=1 \t1", "cpu v=1 1"],
    ["cpu v=1", `cpu v=1 ${NOW}`],
    ["cpu v=1   ", `cpu v=1 ${NOW}`],
  ]);
  rejectTable([
    ["cpu", "missing fields"],
    ["cpu,t=a", "missing fields"],
    ["cpu ", "invalid field format"],
    ["cpu\tv=1 1", "invalid field format"],
    [",t=a v=1", "missing measurement"],
    ["cpu,=a v=1", "missing tag key"],
    ["cpu,a=b, v=1", "missing tag key"],
    ["cpu,a v=1", "missing tag value"],
    ["cpu,a= v=1", "missing tag value"],
    ["cpu,t=a=b v=1", "invalid tag format"],
    ["cpu v", "invalid field format"],
    ["cpu v=1,w", "invalid field format"],
    ["cpu v=1,", "invalid field format"],
    ["cpu =1", "missing field key"],
    ["cpu v=1,=2", "missing field key"],
    ["cpu v=", "missing field value"],
    ["cpu v=,w=1", "missing field value"],
    ["cpu v=1 1 2", "point is invalid"],
    ["cpu v=1 1\t", "bad timestamp"],
  ]);
});

describe("escaping", () => {
  acceptTable([
    // commas, spaces and equals signs in measurement, tag keys, tag values and field keys
    ["c\\,pu\\ x,t\\,k\\ \\=x=v\\,a\\ b\\=c f\\,k\\ \\=x=1 1", "c\\,pu\\ x,t\\,k\\ \\=x=v\\,a\\ b\\=c f\\,k\\ \\=x=1 1"],
    // `=` and `"` need no escape in a measurement or a tag value's first byte; escaped they read the same
    ['c=p"u,t==x v=1 1', 'c=p"u,t=\\=x v=1 1'],
    ['c\\=p\\"u,t=\\=x v=1 1', 'c=p"u,t=\\=x v=1 1'],
    // a backslash before anything else is a literal backslash
    ["c\\pu,t=a\\b a\\b=1 1", "c\\pu,t=a\\b a\\b=1 1"],
    ['cpu a\\"b=1 1', 'cpu a"b=1 1'],
    // string values escape only `"` and `\`
    ['cpu s="a\\"b\\\\c\\nd" 1', 'cpu s="a\\"b\\\\c\\\\nd" 1'],
    ['cpu s="a,b c=d \'x\' #",v=1 1', 'cpu s="a,b c=d \'x\' #",v=1 1'],
    ['cpu s="" 1', 'cpu s="" 1'],
    ['cpu,ключ=значение,🔑=🎉 s="ünïcødé 🎉" 1', 'cpu,ключ=значение,🔑=🎉 s="ünïcødé 🎉" 1'],
  ]);
  rejectTable([
    // an escape must escape something on the same line
    ["cpu\\", "missing fields"],
    ["cpu,t=a\\", "missing fields"],
    ["cpu,t=a\\ v=1 1", "invalid tag format"],
    ["cpu v=1\\", "invalid number"],
    ["cpu a\\\\=1 1", "invalid field format"],
    ["cpu a\\=1", "invalid field format"],
    // unterminated strings
    ['cpu s="abc 1', "unbalanced quotes"],
    ['cpu s="abc\\" 1', "unbalanced quotes"],
    ['cpu s="a"b 1', "invalid field format"],
  ]);
  test("a string value may span lines; the next line is numbered after it", () => {
    const batch = parse('cpu s="a\nb\r\nc" 1\nbad\ncpu v=2 2');
    expect(fieldValue(batch, 0)).toEqual({ type: "string", value: "a\nb\r\nc" });
    expect(batch.rejected.map((r) => r.line)).toEqual([4]);
    expect([...batch.pointLine.subarray(0, batch.pointCount)]).toEqual([1, 5]);
  });
});

describe("field types", () => {
  const floats = ["1", "1.", ".5", "-.5", "00.5", "-0.5e-3", "1e10", "1E+10", "-1.5E-10", "1.e5", "0.1", "-0", "5e-324"];
  const more = ["1.7976931348623157e308", "2.4703282292062328e-324", "9007199254740993", "0.12345678901234567890123"];
  for (const text of [...floats, ...more, "123456789012345678901234567890", "1e-500"]) {
    test(`float ${text} equals Number("${text}")`, () => {
      const batch = parse(`cpu v=${text} 1`);
      expect(batch.fieldType[0]).toBe(FieldType.Float);
      expect(Object.is(batch.fieldValues[0], Number(text))).toBe(true);
    });
  }
  const integers = ["0", "-0", "1", "-1", "123456789012345", "1234567890123456", "9007199254740993", "00009223372036854775807"];
  for (const text of [...integers, "9223372036854775807", "-9223372036854775808", "-9223372036854775807"]) {
    test(`integer ${text}i is exact`, () => {
      const batch = parse(`cpu v=${text}i 1`);
      expect(fieldValue(batch, 0)).toEqual({ type: "integer", value: BigInt(text) });
    });
  }
  for (const text of ["0", "1", "4294967296", "9007199254740993", "9223372036854775808", "18446744073709551615"]) {
    test(`unsigned ${text}u is exact`, () => {
      const batch = parse(`cpu v=${text}u 1`);
      expect(fieldValue(batch, 0)).toEqual({ type: "unsigned", value: BigInt(text) });
    });
  }
  test("booleans: t T true True TRUE f F false False FALSE", () => {
    const words = ["t", "T", "true", "True", "TRUE", "f", "F", "false", "False", "FALSE"];
    const batch = parse(`cpu ${words.map((w, i) => `b${i}=${w}`).join(",")} 1`);
    expect(batch.fieldCount).toBe(10);
    for (let k = 0; k < 10; k++) {
      expect(fieldValue(batch, k)).toEqual({ type: "boolean", value: k < 5 });
    }
  });
  rejectTable([
    ["cpu v=NaN 1", "invalid number"],
    ["cpu v=nan 1", "invalid number"],
    ["cpu v=Inf 1", "invalid boolean"],
    ["cpu v=-Inf 1", "invalid number"],
    ["cpu v=+Inf 1", "invalid boolean"],
    ["cpu v=1e400 1", "invalid float"],
    ["cpu v=-1.8e308 1", "invalid float"],
    ["cpu v=1e 1", "invalid float"],
    ["cpu v=1.2.3 1", "invalid number"],
    ["cpu v=. 1", "invalid number"],
    ["cpu v=- 1", "invalid number"],
    ["cpu v=0x10 1", "invalid number"],
    ["cpu v=1.5i 1", "invalid number"],
    ["cpu v=1e5i 1", "invalid number"],
    ["cpu v=9i10 1", "invalid number"],
    [
      "cpu v=9223372036854775808i 1",
      'unable to parse integer 9223372036854775808: strconv.ParseInt: parsing "9223372036854775808": value out of range',
    ],
    [
      "cpu v=-9223372036854775809i 1",
      'unable to parse integer -9223372036854775809: strconv.ParseInt: parsing "-9223372036854775809": value out of range',
    ],
    [
      "cpu v=123456789012345678901i 1",
      'unable to parse integer 123456789012345678901: strconv.ParseInt: parsing "123456789012345678901": value out of range',
    ],
    [
      "cpu v=18446744073709551616u 1",
      'unable to parse unsigned 18446744073709551616: strconv.ParseUint: parsing "18446744073709551616": value out of range',
    ],
    ["cpu v=-1u 1", "invalid number"],
    ["cpu v=1.5u 1", "invalid number"],
    ["cpu v=tru 1", "invalid boolean"],
    ["cpu v=tRUE 1", "invalid boolean"],
    ["cpu v=yes 1", "invalid boolean"],
    ["cpu v=True1 1", "invalid boolean"],
    ["cpu s='a' 1", "invalid boolean"],
  ]);
});

describe("blank lines, comments, CRLF and line numbers", () => {
  test("are skipped, and bad lines are numbered as in the body", () => {
    const body = "\r\n# comment\r\ncpu v=1 1\r\n\r\nbad\r\n  \t\r\n   # indented\ncpu s=\"x\ny\" 2\r\nbad2 x\r\ncpu v=3 3";
    const batch = parse(body);
    expect(batch.lineCount).toBe(5);
    expect(batch.rejected).toEqual([
      { line: 5, message: "unable to parse 'bad': missing fields" },
      { line: 10, message: "unable to parse 'bad2 x': invalid field format" },
    ]);
    expect([...batch.pointLine.subarray(0, batch.pointCount)]).toEqual([3, 8, 11]);
    expect(accepted(body)).toBe('cpu v=1 1\ncpu s="x\ny" 2\ncpu v=3 3\n');
  });
  test("a comment line ending in a backslash does not swallow the next line", () => {
    expect(accepted("#c\\\ncpu v=1 1")).toBe("cpu v=1 1\n");
  });
  test("an empty body is an empty batch", () => {
    const batch = parse("");
    expect([batch.pointCount, batch.fieldCount, batch.lineCount, batch.rejected.length]).toEqual([0, 0, 0, 0]);
  });
});

describe("precision and timestamps", () => {
  test("parsePrecision accepts the v1 and v2 names", () => {
    const names: [string, Precision | undefined][] = [
      ["", "ns"],
      ["n", "ns"],
      ["ns", "ns"],
      ["u", "us"],
      ["us", "us"],
      ["ms", "ms"],
      ["s", "s"],
      ["m", "m"],
      ["h", "h"],
      ["µ", undefined],
      ["x", undefined],
      ["toString", undefined],
    ];
    for (const [name, want] of names) expect(parsePrecision(name)).toBe(want);
  });
  const scaled: [Precision, string, bigint][] = [
    ["ns", "1234567", 1234567n],
    ["us", "1234567", 1234567000n],
    ["ms", "1234567", 1234567000000n],
    ["s", "1234567", 1234567000000000n],
    ["m", "1234567", 74074020000000000n],
    ["h", "1234567", 4444441200000000000n],
    ["us", "-1234567", -1234567000n],
    ["s", "-1", -1000000000n],
    ["ns", "9223372036854775806", 9223372036854775806n],
    ["ns", "-9223372036854775806", -9223372036854775806n],
    ["us", "9223372036854775", 9223372036854775000n],
    ["ms", "-9223372036854", -9223372036854000000n],
    ["s", "9223372036", 9223372036000000000n],
    ["h", "2562047", 9223369200000000000n],
  ];
  for (const [precision, text, ns] of scaled) {
    test(`${text} at ${precision} is ${ns} ns`, () => {
      expect(accepted(`cpu v=1 ${text}`, precision)).toBe(`cpu v=1 ${ns}\n`);
    });
  }
  test("times are split into floored milliseconds and a non-negative remainder", () => {
    const batch = parse("cpu v=1 -1\ncpu v=1 -1000000\ncpu v=1 1999999\ncpu v=1 -9223372036854775806");
    expect([...batch.pointTimeMs.subarray(0, 4)]).toEqual([-1, -1, 1, -9223372036855]);
    expect([...batch.pointTimeNs.subarray(0, 4)]).toEqual([999999, 0, 999999, 224194]);
  });
  test("lines without a timestamp share the receive time, truncated to the precision", () => {
    const expected: [Precision, bigint][] = [
      ["ns", NOW],
      ["us", 1_767_225_600_123_456_000n],
      ["ms", 1_767_225_600_123_000_000n],
      ["s", 1_767_225_600_000_000_000n],
      ["m", 1_767_225_600_000_000_000n],
      ["h", 1_767_225_600_000_000_000n],
    ];
    for (const [precision, ns] of expected) {
      expect(accepted("a v=1\nb v=2\nc v=3 5", precision)).toBe(
        `a v=1 ${ns}\nb v=2 ${ns}\nc v=3 ${5n * { ns: 1n, us: 1000n, ms: 1000000n, s: 10n ** 9n, m: 6n * 10n ** 10n, h: 36n * 10n ** 11n }[precision]}\n`,
      );
    }
    const batch = parse("a v=1\nb v=1");
    expect([batch.pointTimeMs[0], batch.pointTimeNs[0]]).toEqual([NOW_MS, NOW_NS]);
  });
  const range = "time outside range -9223372036854775806 - 9223372036854775806";
  rejectTable([
    ["cpu v=1 9223372036854775807", range],
    ["cpu v=1 -9223372036854775807", range],
    ["cpu v=1 -9223372036854775808", range],
    ["cpu v=1 9223372036854775808", 'strconv.ParseInt: parsing "9223372036854775808": value out of range'],
    ["cpu v=1 -99999999999999999999", 'strconv.ParseInt: parsing "-99999999999999999999": value out of range'],
    ["cpu v=1 -", 'strconv.ParseInt: parsing "-": invalid syntax'],
    ["cpu v=1 1.5", "bad timestamp"],
    ["cpu v=1 1e9", "bad timestamp"],
    ["cpu v=1 +1", "bad timestamp"],
    ["cpu v=1 1 x", "point is invalid"],
  ]);
  for (const [precision, text] of [
    ["us", "9223372036854776"],
    ["ms", "9223372036855"],
    ["s", "9223372037"],
    ["s", "-9223372037"],
    ["m", "153722868"],
    ["h", "2562048"],
    ["h", "-999999999999999999"],
  ] as [Precision, string][]) {
    test(`${text} at ${precision} is out of range`, () => {
      expect(rejected(`cpu v=1 ${text}`, precision)).toEqual([[1, `unable to parse 'cpu v=1 ${text}': ${range}`]]);
    });
  }
});

describe("checks InfluxDB makes after parsing", () => {
  rejectTable([
    ["cpu,a=1,a=2 v=1", "duplicate tags"],
    ["cpu,b=1,a=2,b=3 v=1", "duplicate tags"],
    ["cpu,a\\ b=1,a\\ b=2 v=1", "duplicate tags"],
  ]);
  test("a `time` tag refuses the point, a `time` field is dropped", () => {
    expect(rejected("cpu,time=a v=1 1")).toEqual([
      [1, 'invalid tag key: input tag "time" on measurement "cpu" is invalid'],
    ]);
    expect(rejected("c\\ pu time=1 1")).toEqual([
      [1, 'invalid field name: input field "time" on measurement "c pu" is invalid'],
    ]);
    expect(accepted('cpu time="x",v=2,time=3 1')).toBe("cpu v=2 1\n");
  });
  test("a repeated field keeps its last value; a repeated field of another type refuses the point", () => {
    expect(accepted('cpu v=1,s="a",w=5i,v=2,s="b",w=6i 1')).toBe('cpu v=2,s="b",w=6i 1\n');
    expect(accepted('cpu a\\"b=1,a"b=2 1')).toBe('cpu a"b=2 1\n');
    expect(rejected("cpu v=1i,v=2 1")).toEqual([
      [1, 'field type conflict: input field "v" on measurement "cpu" is type float, already exists as type integer'],
    ]);
  });
  test("series key plus field key longer than 65535 bytes", () => {
    const ok = `${"m".repeat(65530)} v=1 1`;
    expect(rejected(ok)).toEqual([]);
    const long = `${"m".repeat(65531)} v=1 1`;
    expect(rejected(long)).toEqual([[1, `unable to parse '${long}': max key length exceeded: 65536 > 65535`]]);
    const tags = `m,${"t".repeat(65527)}=v v=1 1`;
    expect(rejected(tags)[0][1].slice(-41)).toBe("': max key length exceeded: 65536 > 65535");
    const key = `m,${"t".repeat(65532)}=v v=1 1`;
    expect(rejected(key)[0][1].slice(-41)).toBe("': max key length exceeded: 65536 > 65535");
  });
  test("invalid UTF-8 anywhere is refused", () => {
    const cases = ["m\xff v=1", "m,t\xc3=a v=1", "m,t=\xc3 v=1", "m \xe2\x82=1", 'm s="\xc0\x80"', 'm s="\xed\xa0\x80"'];
    for (const latin1 of cases) {
      const bytes = new Uint8Array(Buffer.from(`${latin1}\nok v=1 1`, "latin1"));
      const batch = parse(bytes);
      expect(batch.rejected.map((r) => [r.line, r.message.replace(/^.*': /, "")])).toEqual([[1, "invalid UTF-8"]]);
      expect(batch.pointCount).toBe(1);
    }
    expect(accepted(new Uint8Array(Buffer.from('m s="\xf0\x9f\x8e\x89 \xf4\x8f\xbf\xbf" 1', "latin1")))).toBe(
      'm s="🎉 \u{10ffff}" 1\n',
    );
  });
});

describe("columnar output", () => {
  test("series and field keys are interned once per batch, in first-use order", () => {
    const batch = parse(
      "cpu,host=a v=1,w=2i 1\nmem,host=a v=3 2\ncpu,host=a w=4i,v=5 3\nbad,host=z q=\ncpu,host=a s=\"x\" 4",
    );
    expect(batch.series.map((s) => s.key)).toEqual(["cpu,host=a", "mem,host=a"]);
    expect(batch.series[0]).toEqual({ key: "cpu,host=a", measurement: "cpu", tags: ["host", "a"] });
    expect(batch.fieldKeys).toEqual(["v", "w", "s"]);
    expect([...batch.pointSeries.subarray(0, batch.pointCount)]).toEqual([0, 1, 0, 0]);
    expect([...batch.fieldPoint.subarray(0, batch.fieldCount)]).toEqual([0, 0, 1, 2, 2, 3]);
    expect([...batch.fieldKey.subarray(0, batch.fieldCount)]).toEqual([0, 1, 0, 1, 0, 2]);
    expect([...batch.fieldType.subarray(0, batch.fieldCount)]).toEqual([
      FieldType.Float,
      FieldType.Integer,
      FieldType.Float,
      FieldType.Integer,
      FieldType.Float,
      FieldType.String,
    ]);
    expect(batch.strings).toEqual(["x"]);
    expect(batch.lineCount).toBe(5);
  });
  test("rejected lines leave no series, field keys or strings behind", () => {
    const batch = parse('cpu,host=a s="x",v=1 1 bad\nmem w=1,v=\ncpu,host=b v=1 1');
    expect(batch.series.map((s) => s.key)).toEqual(["cpu,host=b"]);
    expect(batch.fieldKeys).toEqual(["v"]);
    expect(batch.strings).toEqual([]);
  });
  test("tags are unescaped and sorted by their escaped bytes, InfluxDB's order", () => {
    const batch = parse("cpu,b=1,a\\ b=2,a!=3,B=4 v=1 1");
    expect(batch.series[0].key).toBe("cpu,B=4,a!=3,a\\ b=2,b=1");
    expect(batch.series[0].tags).toEqual(["B", "4", "a!", "3", "a b", "2", "b", "1"]);
  });
  test("equivalent spellings of one series intern to the same key, in one batch and across batches", () => {
    const batch = parse('c\\=p\\"u,t=\\=x v=1 1\nc=p"u,t==x v=2 2');
    expect(batch.series.length).toBe(1);
    expect(parse('c=p"u,t=\\=x v=3 3').series[0]).toEqual(batch.series[0]);
  });
  test("columns grow past their first estimate", () => {
    const line = `cpu ${Array.from({ length: 300 }, (_, i) => `f${i}=${i}`).join(",")} 1`;
    const batch = parse(`${line}\n`.repeat(50) + "x v=1\n".repeat(5000));
    expect(batch.pointCount).toBe(5050);
    expect(batch.fieldCount).toBe(50 * 300 + 5000);
    expect(fieldValue(batch, 50 * 300 - 1)).toEqual({ type: "float", value: 299 });
  });
});

test("NOW helpers agree", () => {
  expect(BigInt(NOW_MS) * 1_000_000n + BigInt(NOW_NS)).toBe(NOW);
});
