import { expect, test } from "bun:test";
import { compactionInputs } from "../../../storage/tsdb/compaction-policy.ts";

/** Segments oldest first: "F" came from a flush, "M" from a merge. */
function segments(kinds: string): { name: string; reader: { meta: { supersedes: string[] } } }[] {
  return [...kinds].map((k, i) => ({ name: `${k}${i}`, reader: { meta: { supersedes: k === "M" ? ["older.seg"] : [] } } }));
}
const names = (list: { name: string }[] | undefined) => list?.map((s) => s.name);
const hot = { hot: true, force: false, needsDeletes: false };
const cold = { hot: false, force: false, needsDeletes: false };

test("a window still being written waits for twice the threshold, then merges its oldest run of flushed segments", () => {
  expect(names(compactionInputs(segments("FFFFFFF"), hot, 4))).toBeUndefined();
  expect(names(compactionInputs(segments("FFFFFFFF"), hot, 4))).toEqual(["F0", "F1", "F2", "F3"]);
  expect(names(compactionInputs(segments("MMFFFFFF"), hot, 4))).toEqual(["F2", "F3", "F4", "F5"]);
  expect(names(compactionInputs(segments("MMMMMFFF"), hot, 4))).toBeUndefined();
});

test("a hot window is merged whole only past four times the threshold", () => {
  expect(names(compactionInputs(segments("MMMMMMMMMMMMMMMF"), hot, 4))).toHaveLength(16);
  expect(names(compactionInputs(segments("MMMMMMMMMMMMMMF"), hot, 4))).toBeUndefined();
});

test("a cold window is merged whole at the threshold; a forced compaction merges any two, or one with a pending delete", () => {
  expect(names(compactionInputs(segments("MFF"), cold, 4))).toBeUndefined();
  expect(names(compactionInputs(segments("MFFF"), cold, 4))).toEqual(["M0", "F1", "F2", "F3"]);
  expect(names(compactionInputs(segments("MF"), { ...hot, force: true }, 4))).toEqual(["M0", "F1"]);
  expect(names(compactionInputs(segments("M"), { ...cold, force: true }, 4))).toBeUndefined();
  expect(names(compactionInputs(segments("M"), { ...cold, force: true, needsDeletes: true }, 4))).toEqual(["M0"]);
});
