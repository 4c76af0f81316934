import { describe, expect, test } from "bun:test";
import { goRegExp } from "../../app/query/regex.ts";

/** [Go pattern, input, whether Go's regexp.MatchString matches] */
const cases: [string, string, boolean][] = [
  ["^c", "cpu", true],
  ["^c", "mem", false],
  ["stats", "net stats,ü", true],
  ["^(cpu|mem)$", "mem", true],
  ["^(cpu|mem)$", "memory", false],
  // `.` excludes only \n in Go (JS's also excludes \r and U+2028).
  ["^a.b$", "a\rb", true],
  ["^a.b$", "a\u2028b", true],
  ["^a.b$", "a\nb", false],
  ["(?s)^a.b$", "a\nb", true],
  // \s is ASCII in Go; \v is not in it.
  ["^\\s$", "\u00a0", false],
  ["^\\s$", "\v", false],
  ["^\\s$", "\t", true],
  ["^\\S$", "\u00a0", true],
  ["^[\\s]$", "\u2003", false],
  ["^[^\\S]$", " ", true],
  // Flags: a flag group lasts to the end of its group, across `|`.
  ["(?i)^CPU$", "cpu", true],
  ["a(?i)b|c", "C", true],
  ["a(?i)b|c", "aB", true],
  ["(a(?i)b)c", "aBc", true],
  ["(a(?i)b)c", "aBC", false],
  ["(?i:A)b", "aB", false],
  ["(?i)a(?-i)b", "Ab", true],
  ["(?i)a(?-i)b", "AB", false],
  // (?m): lines end at \n only.
  ["(?m)^b$", "a\nb\nc", true],
  ["(?m)^b$", "a\rb\rc", false],
  ["^b$", "a\nb", false],
  // Escapes JS rejects in unicode mode.
  ["a\\,b", "a,b", true],
  ["\\x{263a}", "☺", true],
  ["\\101", "A", true],
  ["\\a", "\u0007", true],
  ["\\Qa.b\\E", "a.b", true],
  ["\\Qa.b\\E", "axb", false],
  ["\\Aab\\z", "ab", true],
  ["\\Aab\\z", "ab\n", false],
  ["\\pL", "ü", true],
  ["\\PL", "ü", false],
  ["\\p{Greek}", "λ", true],
  ["\\p{^Greek}", "λ", false],
  ["[[:alpha:]]+", "abc", true],
  ["^[[:^digit:]]$", "5", false],
  ["^[[:^digit:]]$", "x", true],
  ["^[]a]$", "]", true],
  ["a{", "a{", true],
  ["a{2}", "aa", true],
  ["x}", "x}", true],
  ["(?P<name>ab)", "ab", true],
  ["(?P<1x>ab)", "ab", true],
  ["[a\\-z]", "-", true],
  ["[^\\n]", "\n", false],
];

describe("Go regex → JS RegExp", () => {
  test.each(cases)("%p on %p → %p", (pattern, input, want) => {
    expect(goRegExp(pattern).test(input)).toBe(want);
  });
});

test("the U flag makes quantifiers lazy and `?` greedy again", () => {
  expect(goRegExp("(?U)a+").exec("aaa")?.[0]).toBe("a");
  expect(goRegExp("(?U)a+?").exec("aaa")?.[0]).toBe("aaa");
  expect(goRegExp("(?U)a{1,3}").exec("aaa")?.[0]).toBe("a");
  expect(goRegExp("a+").exec("aaa")?.[0]).toBe("aaa");
});
