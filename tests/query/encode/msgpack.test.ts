/** msgpack forms at their boundaries (tinylib/msgp's choices) and the answer shape beyond the goldens. */
import { describe, expect, test } from "bun:test";
import { encodeMsgpack } from "../../../app/query/encode/msgpack.ts";
import { MsgpackWriter } from "../../../app/query/encode/msgpack-writer.ts";
import type { StatementResult } from "../../../app/query/result.ts";

function hex(write: (w: MsgpackWriter) => void): string {
  const w = new MsgpackWriter();
  write(w);
  return Buffer.from(w.finish()).toString("hex");
}

describe("integers: smallest signed form, unsigned only above int64", () => {
  test.each([
    [0n, "00"],
    [127n, "7f"],
    [128n, "d10080"],
    [32767n, "d17fff"],
    [32768n, "d200008000"],
    [2147483647n, "d27fffffff"],
    [2147483648n, "d30000000080000000"],
    [9223372036854775807n, "d37fffffffffffffff"],
    [9223372036854775808n, "cf8000000000000000"],
    [18446744073709551615n, "cfffffffffffffffff"],
    [-1n, "ff"],
    [-32n, "e0"],
    [-33n, "d0df"],
    [-128n, "d080"],
    [-129n, "d1ff7f"],
    [-32769n, "d2ffff7fff"],
    [-2147483649n, "d3ffffffff7fffffff"],
    [-9223372036854775808n, "d38000000000000000"],
  ])("%p", (v, text) => {
    expect(hex((w) => w.int(v))).toBe(text);
  });

  test("beyond 64 bits is refused", () => {
    expect(() => hex((w) => w.int(1n << 64n))).toThrow(RangeError);
    expect(() => hex((w) => w.int(-(1n << 63n) - 1n))).toThrow(RangeError);
  });
});

describe("strings by UTF-8 length", () => {
  test.each([
    ["", "a0"],
    ["a".repeat(11), "ab"],
    ["a".repeat(31), "bf"],
    ["a".repeat(32), "d920"],
    ["a".repeat(255), "d9ff"],
    ["a".repeat(100), "d964"],
    ["a".repeat(256), "da0100"],
    ["a".repeat(30000), "da7530"],
    ["ü".repeat(16), "d920"],
    ["ü".repeat(10), "b4"],
    ["🚀".repeat(64), "da0100"],
    ["a".repeat(65536), "db00010000"],
  ])("%#", (s, prefix) => {
    const out = hex((w) => w.string(s));
    expect(out.slice(0, prefix.length)).toBe(prefix);
    expect(Buffer.from(out.slice(prefix.length), "hex").toString("utf8")).toBe(s);
  });

  test("a lone surrogate becomes U+FFFD", () => {
    expect(hex((w) => w.string("\ud800"))).toBe("a3efbfbd");
  });
});

test("arrays and maps switch to 16 and 32 bit counts", () => {
  expect(hex((w) => w.arrayHeader(15))).toBe("9f");
  expect(hex((w) => w.arrayHeader(16))).toBe("dc0010");
  expect(hex((w) => w.mapHeader(65536))).toBe("df00010000");
});

test("floats are float64 always; NaN is nil", () => {
  const body: StatementResult[] = [{ statement_id: 0, series: [{ columns: ["v"], values: [[-0, 1, Infinity, NaN]] }] }];
  expect(Buffer.from(encodeMsgpack(body)).toString("hex")).toEndWith(
    "a676616c7565739194" + "cb8000000000000000" + "cb3ff0000000000000" + "cb7ff0000000000000" + "c0",
  );
});

test("times before 1970 use floor seconds and positive nanoseconds; epoch gives integers", () => {
  const body: StatementResult[] = [{ statement_id: 0, series: [{ columns: ["time"], values: [[-1n]] }] }];
  expect(Buffer.from(encodeMsgpack(body)).toString("hex")).toEndWith("9191c70c05ffffffffffffffff3b9ac9ff");
  expect(Buffer.from(encodeMsgpack(body, { epoch: "ns" })).toString("hex")).toEndWith("9191ff");
});

test("messages come before series; empty values and unnamed series are written as 1.6.7 does", () => {
  const body: StatementResult[] = [
    { statement_id: 0, messages: [{ level: "warning", text: "w" }], series: [{ columns: ["user", "admin"], values: [] }] },
    { statement_id: 1 },
  ];
  const expected =
    "81a7726573756c747392" +
    "83ac73746174656d656e745f696400" +
    "a86d6573736167657391" + "82a56c6576656ca77761726e696e67a474657874a177" +
    "a673657269657391" + "82a7636f6c756d6e7392a475736572a561646d696e" + "a676616c75657390" +
    "82ac73746174656d656e745f696401a673657269657390";
  expect(Buffer.from(encodeMsgpack(body)).toString("hex")).toBe(expected);
});
