/**
 * InfluxQL regexes are Go RE2 source text (already checked by the parser, see
 * influxql/regex-syntax.ts); this turns one into a JS RegExp (`u` flag) that matches the same
 * strings. Where the dialects differ:
 * - Go's `.` excludes only `\n` (JS's also excludes `\r`, U+2028, U+2029); `\s` is ASCII
 *   `[\t\n\f\r ]` in Go, Unicode in JS; `^`/`$` under `(?m)` break lines at `\n` only. These are
 *   spelled out rather than left to JS's own flags.
 * - Flags: `(?i)` becomes a JS modifier group `(?i:...)`; `s`, `m` and `U` (ungreedy) are applied
 *   while translating. A flag group without `:` lasts to the end of its enclosing group, across `|`.
 * - Escapes JS rejects under `u` (`\a`, octal, `\x{...}`, escaped punctuation like `\,`), `\A`,
 *   `\z`, `\C`, `\Q...\E`, `\pL`, script names (`\p{Greek}`), POSIX classes (`[[:alpha:]]`), a
 *   leading `]` in a class, and lone `{`, `}`, `]`.
 * - Named groups lose their names (Go allows names JS does not, and nothing reads them).
 */

const cache = new Map<string, RegExp>();

/** The JS equivalent of a Go regex; matching is unanchored search, as Go's `MatchString`. */
export function goRegExp(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (re === undefined) {
    re = new RegExp(translateGoRegex(pattern), "u");
    if (cache.size > 1000) cache.clear();
    cache.set(pattern, re);
  }
  return re;
}

type Range = [number, number];
const MAX_RUNE = 0x10ffff;

const POSIX: Record<string, Range[]> = {
  alnum: [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]],
  alpha: [[0x41, 0x5a], [0x61, 0x7a]],
  ascii: [[0x00, 0x7f]],
  blank: [[0x09, 0x09], [0x20, 0x20]],
  cntrl: [[0x00, 0x1f], [0x7f, 0x7f]],
  digit: [[0x30, 0x39]],
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]],
  space: [[0x09, 0x0d], [0x20, 0x20]],
  upper: [[0x41, 0x5a]],
  word: [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a], [0x5f, 0x5f]],
  xdigit: [[0x30, 0x39], [0x41, 0x46], [0x61, 0x66]],
};
const GO_SPACE: Range[] = [[0x09, 0x0a], [0x0c, 0x0d], [0x20, 0x20]];

const CATEGORIES = new Set(
  "C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs".split(" "),
);
const SYNTAX_CHARS = new Set("^$\\.*+?()[]{}|/");

function complement(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of sorted) {
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= MAX_RUNE) out.push([next, MAX_RUNE]);
  return out;
}

const cp = (n: number) => `\\u{${n.toString(16)}}`;
const rangesText = (ranges: Range[]) => ranges.map(([lo, hi]) => (lo === hi ? cp(lo) : `${cp(lo)}-${cp(hi)}`)).join("");

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  U: boolean;
}

interface Frame {
  flags: Flags;
  /** JS modifier groups opened by `(?i)`-style flags in this group, closed at `|` and `)`. */
  modifiers: string[];
}

class Translator {
  private readonly s: string[];
  private pos = 0;
  private out = "";
  private readonly frames: Frame[] = [{ flags: { i: false, m: false, s: false, U: false }, modifiers: [] }];

  constructor(pattern: string) {
    this.s = Array.from(pattern);
  }

  private get frame(): Frame {
    return this.frames[this.frames.length - 1];
  }

  run(): string {
    while (this.pos < this.s.length) this.step();
    this.out += ")".repeat(this.frame.modifiers.length);
    return this.out;
  }

  private step(): void {
    const c = this.s[this.pos++];
    const f = this.frame.flags;
    switch (c) {
      case "\\":
        this.out += this.escape(false);
        return;
      case "[":
        this.out += this.charClass();
        return;
      case "(":
        this.openGroup();
        return;
      case ")":
        this.out += ")".repeat(this.frame.modifiers.length) + ")";
        this.frames.pop();
        return;
      case "|": {
        const mods = this.frame.modifiers;
        this.out += ")".repeat(mods.length) + "|" + mods.join("");
        return;
      }
      case ".":
        this.out += f.s ? "[\\s\\S]" : "[^\\n]";
        return;
      case "^":
        this.out += f.m ? "(?:(?<![^\\n]))" : "^";
        return;
      case "$":
        this.out += f.m ? "(?:(?![^\\n]))" : "$";
        return;
      case "*":
      case "+":
      case "?":
        this.out += c + this.lazySuffix();
        return;
      case "{": {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.pos - 1, this.pos + 20).join(""));
        if (m === null) {
          this.out += "\\{";
          return;
        }
        this.pos += m[0].length - 1;
        this.out += m[0] + this.lazySuffix();
        return;
      }
      case "}":
      case "]":
        this.out += "\\" + c;
        return;
      default:
        this.out += c;
    }
  }

  /** A quantifier's trailing `?` flips greediness, and so does the U flag. */
  private lazySuffix(): string {
    let lazy = false;
    if (this.s[this.pos] === "?") {
      lazy = true;
      this.pos++;
    }
    return lazy !== this.frame.flags.U ? "?" : "";
  }

  private openGroup(): void {
    const parent = this.frame.flags;
    if (this.s[this.pos] !== "?") {
      this.frames.push({ flags: { ...parent }, modifiers: [] });
      this.out += "(";
      return;
    }
    this.pos++;
    if (this.s[this.pos] === "P" || this.s[this.pos] === "<") {
      while (this.s[this.pos] !== ">") this.pos++;
      this.pos++;
      this.frames.push({ flags: { ...parent }, modifiers: [] });
      this.out += "(";
      return;
    }
    const flags = { ...parent };
    let negate = false;
    let c: string;
    while ((c = this.s[this.pos++]) !== ")" && c !== ":") {
      if (c === "-") negate = true;
      else flags[c as keyof Flags] = !negate;
    }
    const modifier = flags.i === parent.i ? "(?:" : flags.i ? "(?i:" : "(?-i:";
    if (c === ":") {
      this.frames.push({ flags, modifiers: [] });
      this.out += modifier;
      return;
    }
    this.frame.flags = flags;
    if (flags.i !== parent.i) {
      this.frame.modifiers.push(modifier);
      this.out += modifier;
    }
  }

  /** After a backslash; `inClass` selects the spelling that is valid inside `[...]`. */
  private escape(inClass: boolean): string {
    const c = this.s[this.pos++];
    switch (c) {
      case "a":
        return cp(7);
      case "f":
      case "t":
      case "n":
      case "r":
      case "v":
      case "d":
      case "D":
      case "w":
      case "W":
      case "b":
      case "B":
        return "\\" + c;
      case "s":
        return inClass ? rangesText(GO_SPACE) : `[${rangesText(GO_SPACE)}]`;
      case "S":
        return inClass ? rangesText(complement(GO_SPACE)) : `[^${rangesText(GO_SPACE)}]`;
      case "A":
        return "^";
      case "z":
        return "$";
      case "C":
        return inClass ? rangesText([[0, MAX_RUNE]]) : "[\\s\\S]";
      case "Q":
        return this.quoted(inClass);
      case "x":
        return this.hexEscape();
      case "p":
      case "P":
        return this.unicodeClass(c === "P");
    }
    if (c >= "0" && c <= "7") {
      let digits = c;
      while (digits.length < 3 && this.s[this.pos] >= "0" && this.s[this.pos] <= "7") digits += this.s[this.pos++];
      return cp(parseInt(digits, 8));
    }
    return SYNTAX_CHARS.has(c) ? "\\" + c : cp(c.codePointAt(0)!);
  }

  private quoted(inClass: boolean): string {
    let out = "";
    while (this.pos < this.s.length) {
      if (this.s[this.pos] === "\\" && this.s[this.pos + 1] === "E") {
        this.pos += 2;
        break;
      }
      const ch = this.s[this.pos++];
      out += /[\p{L}\p{N}]/u.test(ch) ? ch : cp(ch.codePointAt(0)!);
    }
    return inClass || [...out].length <= 1 ? out : `(?:${out})`;
  }

  private hexEscape(): string {
    let hex: string;
    if (this.s[this.pos] === "{") {
      const end = this.s.indexOf("}", this.pos);
      hex = this.s.slice(this.pos + 1, end).join("");
      this.pos = end + 1;
    } else {
      hex = this.s.slice(this.pos, this.pos + 2).join("");
      this.pos += 2;
    }
    return cp(parseInt(hex, 16));
  }

  private unicodeClass(negated: boolean): string {
    let name: string;
    if (this.s[this.pos] === "{") {
      const end = this.s.indexOf("}", this.pos);
      name = this.s.slice(this.pos + 1, end).join("");
      this.pos = end + 1;
    } else {
      name = this.s[this.pos++];
    }
    if (name.startsWith("^")) {
      negated = !negated;
      name = name.slice(1);
    }
    const property = name === "Any" || CATEGORIES.has(name) ? name : `Script=${name}`;
    return `\\${negated ? "P" : "p"}{${property}}`;
  }

  private charClass(): string {
    let out = "[";
    if (this.s[this.pos] === "^") {
      out += "^";
      this.pos++;
    }
    if (this.s[this.pos] === "]") {
      out += "\\]";
      this.pos++;
    }
    for (;;) {
      const c = this.s[this.pos++];
      if (c === "]") return out + "]";
      if (c === "\\") {
        out += this.escape(true);
        continue;
      }
      if (c === "[" && this.s[this.pos] === ":") {
        const end = this.s.indexOf("]", this.pos);
        const spec = this.s.slice(this.pos + 1, end - 1).join("");
        if (this.s[end - 1] === ":" && POSIX[spec.replace(/^\^/, "")] !== undefined) {
          const ranges = POSIX[spec.replace(/^\^/, "")];
          out += rangesText(spec.startsWith("^") ? complement(ranges) : ranges);
          this.pos = end + 1;
          continue;
        }
      }
      out += c === "[" ? "\\[" : c;
    }
  }
}

export function translateGoRegex(pattern: string): string {
  return new Translator(pattern).run();
}
