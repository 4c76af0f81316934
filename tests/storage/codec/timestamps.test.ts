import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { decodeTimestamps, encodeTimestamps } from "../../../storage/tsdb/codec/column.ts";
import { Tag } from "../../../storage/tsdb/codec/tags.ts";
import { expectPrefixesThrow } from "./helpers.ts";

function roundTrip(values: number[]): Uint8Array {
  const input = Float64Array.from(values);
  const buf = encodeTimestamps(input, input.length);
  const out = new Float64Array(input.length + 1).fill(7);
  decodeTimestamps(buf, input.length, out);
  expect([...out.subarray(0, input.length)]).toEqual([...input]);
  expect(out[input.length]).toBe(7);
  return buf;
}

const SECOND = 1e9;

describe("timestamps", () => {
  test("any integers below 2^53, in any order, round-trip", () => {
    fc.assert(fc.property(fc.array(fc.maxSafeInteger(), { maxLength: 200 }), (v) => void roundTrip(v)));
  });

  test("sorted, equal, shuffled and negative offsets round-trip", () => {
    const jittered = fc
      .tuple(
        fc.integer({ min: -1e6, max: 1e6 }).map((x) => x * SECOND),
        fc.constantFrom(1, 1000, SECOND, 10 * SECOND),
        fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 300 }),
      )
      .map(([start, step, jitter]) => jitter.map((j, i) => start + i * step + j * Math.ceil(step / 10)));
    fc.assert(
      fc.property(jittered, fc.boolean(), fc.boolean(), (values, shuffle, repeat) => {
        if (repeat) values = values.flatMap((v) => [v, v]);
        if (shuffle) values = values.map((v, i) => [v, (i * 7919) % 101] as const).sort((a, b) => a[1] - b[1]).map(([v]) => v);
        roundTrip(values);
      }),
    );
  });

  test("regular intervals cost about nothing per value", () => {
    for (const n of [1, 2, 3, 1024, 10_000]) {
      const buf = roundTrip(Array.from({ length: n }, (_, i) => i * 10 * SECOND));
      expect(buf.length).toBeLessThanOrEqual(8);
    }
  });

  test("jitter costs about its own entropy per value", () => {
    // Up to 1 ms of jitter in ns is 20 bits.
    const values = Array.from({ length: 1024 }, (_, i) => i * 10 * SECOND + ((i * 2654435761) % 1_000_000));
    expect(roundTrip(values).length).toBeLessThan((1024 * 21) / 8);
  });

  test("offsets at the 2^53 limit fall back to raw", () => {
    const buf = roundTrip([0, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 5]);
    expect(buf[0]).toBe(Tag.TimestampsRaw);
    expect(buf.length).toBe(1 + 4 * 8);
  });

  test("empty block", () => {
    expect(roundTrip([]).length).toBe(1);
  });

  test("truncated, extended or foreign buffers throw", () => {
    const out = new Float64Array(300);
    for (const values of [
      Array.from({ length: 300 }, (_, i) => i * SECOND + (i % 7) * 1000),
      Array.from({ length: 20 }, (_, i) => i * SECOND),
      [0, 2 ** 53 - 1],
    ]) {
      const buf = encodeTimestamps(Float64Array.from(values), values.length);
      expectPrefixesThrow(buf, (b) => decodeTimestamps(b, values.length, out));
      expect(() => decodeTimestamps(Uint8Array.from([...buf, 0]), values.length, out)).toThrow(/codec: .*trailing/);
    }
    expect(() => decodeTimestamps(new Uint8Array([Tag.FloatsGorilla]), 0, out)).toThrow(/codec: timestamp block has unknown encoding tag 0x11/);
  });
});
