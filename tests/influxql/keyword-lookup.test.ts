/** Words are keywords exactly when Go's `strings.ToLower` of them is one (influxql.Lookup). */
import { expect, test } from "bun:test";
import fc from "fast-check";
import { KEYWORDS, lookupKeyword } from "../../app/influxql/tokens.ts";

const WORDS = new Map<string, string>([...KEYWORDS.map((k) => [k.toLowerCase(), k] as [string, string]), ["and", "AND"], ["or", "OR"], ["true", "TRUE"], ["false", "FALSE"]]);
const expected = (word: string) => WORDS.get(word.toLowerCase()) ?? "IDENT";

test("keywords in any case, near misses and other words", () => {
  const keyword = fc.constantFrom(...WORDS.keys());
  const anyCase = fc.tuple(keyword, fc.array(fc.boolean(), { minLength: 14, maxLength: 14 })).map(([w, up]) => [...w].map((c, i) => (up[i] ? c.toUpperCase() : c)).join(""));
  const nearMiss = fc.tuple(keyword, fc.nat(), fc.constantFrom("_", "@", "[", "0", "`", "{", "\u212a", "\u0130", "x")).map(([w, at, c]) => {
    const i = at % w.length;
    return w.slice(0, i) + c + w.slice(i + 1);
  });
  const other = fc.string({ unit: fc.constantFrom(..."aAkKsSeEyY_09@[`{\u212a\u0130\u017f") , maxLength: 14 });
  fc.assert(
    fc.property(fc.oneof(anyCase, nearMiss, other, fc.string({ maxLength: 14 })), (word) => {
      expect(lookupKeyword(word) as string).toBe(expected(word));
    }),
    { numRuns: 5_000 },
  );
  expect(lookupKeyword("SeLeCt")).toBe("SELECT");
  expect(lookupKeyword("\u212aey")).toBe("KEY");
  expect(lookupKeyword("usage_user")).toBe("IDENT");
});
