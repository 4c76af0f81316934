/** The serializer: canonical output, precision, and refusing strings line protocol cannot spell. */
import { describe, expect, test } from "bun:test";
import type { LinePoint } from "../../app/lineprotocol/point.ts";
import { serializePoint, serializePoints } from "../../app/lineprotocol/serialize.ts";
import { accepted } from "./parse-helpers.ts";

const f = (value: number) => ({ type: "float" as const, value });

describe("serializePoint", () => {
  test("escapes each element as the parser reads it", () => {
    const p: LinePoint = {
      measurement: 'c,p u=x"y\\=z',
      tags: { "k,=y": "v a=l", b: "" },
      fields: { 'f, ="\\"': { type: "string", value: 'q"\\\n' }, g: f(1) },
      time: 5n,
    };
    const line = serializePoint(p);
    expect(line).toBe('c\\,p\\ u=x"y\\\\=z,k\\,\\=y=v\\ a\\=l f\\,\\ \\="\\\\"="q\\"\\\\\n",g=1 5');
    expect(accepted(line)).toBe(`${line}\n`);
  });

  test("writes every type, -0 and exponent forms included", () => {
    const p: LinePoint = {
      measurement: "m",
      fields: {
        a: f(-0),
        b: f(1e21),
        c: f(5e-324),
        d: { type: "integer", value: -(2n ** 63n) },
        e: { type: "unsigned", value: 2n ** 64n - 1n },
        g: { type: "boolean", value: false },
      },
    };
    expect(serializePoint(p)).toBe("m a=-0,b=1e+21,c=5e-324,d=-9223372036854775808i,e=18446744073709551615u,g=false");
  });

  test("sorts tags, drops empty tag values, keeps a tab-led field key off the front", () => {
    const p: LinePoint = { measurement: "m", tags: { z: "1", a: "2", e: "" }, fields: { "\tx": f(1), y: f(2) } };
    expect(serializePoint(p)).toBe("m,a=2,z=1 y=2,\tx=1");
    const onlyTab: LinePoint = { measurement: "m", fields: { "\tx": f(1) }, time: 1n };
    expect(serializePoint(onlyTab)).toBe("m time=0,\tx=1 1");
    expect(accepted(serializePoint(onlyTab))).toBe("m time=0,\tx=1 1\n");
  });

  test("writes the time in the given precision, truncated toward zero like InfluxDB", () => {
    const p: LinePoint = { measurement: "m", fields: { v: f(1) }, time: "-1500000000" };
    expect(serializePoint(p, "s")).toBe("m v=1 -1");
    expect(serializePoints([p, { ...p, time: 2n }], "us")).toBe("m v=1 -1500000\nm v=1 0\n");
  });

  test("a field key with an even run of backslashes before `=` is written and read back", () => {
    const p: LinePoint = { measurement: "m", fields: { "a\\\\=b": f(1) }, time: 1n };
    expect(serializePoint(p)).toBe("m a\\\\\\=b=1 1");
    expect(accepted(serializePoint(p))).toBe("m a\\\\\\=b=1 1\n");
  });

  const unrepresentable: [string, LinePoint][] = [
    ["empty measurement", { measurement: "", fields: { v: f(1) } }],
    ["measurement starting a comment", { measurement: "#m", fields: { v: f(1) } }],
    ["measurement starting with a tab", { measurement: "\tm", fields: { v: f(1) } }],
    ["measurement ending in a backslash", { measurement: "m\\", fields: { v: f(1) } }],
    ["newline in a tag value", { measurement: "m", tags: { t: "a\nb" }, fields: { v: f(1) } }],
    ["tag key ending in a backslash", { measurement: "m", tags: { "t\\": "a" }, fields: { v: f(1) } }],
    ["odd backslash run before `,` in a field key", { measurement: "m", fields: { "a\\,b": f(1) } }],
    ["no fields", { measurement: "m", fields: {} }],
    ["NaN", { measurement: "m", fields: { v: f(Number.NaN) } }],
    ["infinity", { measurement: "m", fields: { v: f(Number.POSITIVE_INFINITY) } }],
    ["int64 overflow", { measurement: "m", fields: { v: { type: "integer", value: 2n ** 63n } } }],
    ["negative unsigned", { measurement: "m", fields: { v: { type: "unsigned", value: -1n } } }],
  ];
  for (const [name, p] of unrepresentable) {
    test(`refuses ${name}`, () => {
      expect(() => serializePoint(p)).toThrow(RangeError);
    });
  }
});
