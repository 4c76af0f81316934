import { expect, test } from "bun:test";
import { releaseMemory } from "../../../storage/tsdb/release-memory.ts";

test("an array that spans its buffer is freed: the buffer is detached and every view reads as empty", () => {
  const values = new Float64Array(1024).fill(1);
  const words = new Int32Array(values.buffer);
  releaseMemory(values);
  expect(values.buffer.detached).toBe(true);
  expect(values.length).toBe(0);
  expect(words.length).toBe(0);
});

test("a view of part of a buffer is left alone, so a slice of a shared pool is never freed", () => {
  const pool = new Uint8Array(64).fill(7);
  const slice = pool.subarray(8, 16);
  releaseMemory(slice);
  expect(pool.buffer.detached).toBe(false);
  expect(slice[0]).toBe(7);
});

test("releasing twice, or nothing, is harmless", () => {
  const a = new Int32Array(16);
  releaseMemory(a, undefined);
  releaseMemory(a);
  expect(a.buffer.detached).toBe(true);
});
