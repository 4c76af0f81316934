/** Names sort as Go sorts them: by their UTF-8 bytes. */
import { expect, test } from "bun:test";
import fc from "fast-check";
import { compareBytes, sortBytes } from "../../app/query/byte-order.ts";

const utf8 = (s: string) => Buffer.from(s, "utf8");

test("compareBytes orders well-formed strings as their UTF-8 bytes compare", () => {
  // Characters near the ranges where UTF-16 order and byte order part: surrogate pairs against U+E000..U+FFFF.
  const char = fc.oneof(fc.constantFrom("a", "é", "\ue000", "\uffff", "\ud7ff", "😀", "𝄞", "\u{10ffff}"), fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }));
  const name = fc.array(char, { maxLength: 6 }).map((cs) => cs.join(""));
  fc.assert(
    fc.property(name, name, (a, b) => {
      expect(Math.sign(compareBytes(a, b))).toBe(Math.sign(Buffer.compare(utf8(a), utf8(b))));
    }),
    { numRuns: 5_000 },
  );
});

test("sortBytes puts a character beyond U+FFFF after one in U+E000..U+FFFF, as Go does", () => {
  expect(sortBytes(["😀", "\uffff", "z"])).toEqual(["z", "\uffff", "😀"]);
});
