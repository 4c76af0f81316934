/**
 * RE2 syntax checking with Go's error messages. InfluxQL compiles every `/regex/` with Go's
 * `regexp.Compile` while parsing, so a bad pattern is a parse error such as
 * "error parsing regexp: missing closing ): `(a`". This walks the pattern the way Go's
 * `regexp/syntax` parser does (Perl flags), tracking only what decides those errors: group
 * structure, whether a repetition has an operand, and nested repeat counts.
 *
 * Not reproduced: the size and nesting-depth limits ("expression too large", "expression nests
 * too deeply"), which only pathological patterns reach.
 */

const MAX_REPEAT = 1000;
const MAX_RUNE = 0x10ffff;

const POSIX_CLASSES = new Set(
  ["alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph", "lower", "print", "punct", "space", "upper", "word", "xdigit"]
    .flatMap((n) => [`[:${n}:]`, `[:^${n}:]`]),
);
const PERL_CLASSES = new Set(["d", "D", "s", "S", "w", "W"]);
const CATEGORIES = new Set(
  "C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs".split(" "),
);

function isUnicodeTable(name: string): boolean {
  if (name === "Any" || CATEGORIES.has(name)) return true;
  if (!/^[A-Z][A-Za-z_]*$/.test(name)) return false;
  try {
    new RegExp(`\\p{Script=${name}}`, "u");
    return true;
  } catch {
    return false;
  }
}

const isDigitCh = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isOctal = (c: string | undefined) => c !== undefined && c >= "0" && c <= "7";
const isAlnum = (c: string) => /^[0-9A-Za-z]$/.test(c);
function unhex(c: string | undefined): number {
  if (c === undefined || !/^[0-9A-Fa-f]$/.test(c)) return -1;
  return parseInt(c, 16);
}

class RegexSyntaxError extends Error {
  constructor(code: string, expr: string) {
    super(`error parsing regexp: ${code}: \`${expr}\``);
  }
}

/**
 * One group level. Repeat products: the largest among finished alternatives and earlier pieces,
 * and that of the last piece (null when the concatenation is empty, i.e. right after `(` or `|`).
 */
interface Frame {
  paren: boolean;
  maxProd: number;
  last: number | null;
}

class Checker {
  private readonly s: string[];
  private readonly frames: Frame[] = [{ paren: false, maxProd: 1, last: null }];
  /** Start of the previous token when it was a repetition operator. */
  private lastRepeat = -1;

  constructor(private readonly whole: string) {
    this.s = Array.from(whole);
  }

  private text(from: number, to = this.s.length): string {
    return this.s.slice(from, to).join("");
  }

  /** Index of the first `a` followed by `b` at or after `from`, or -1. */
  private find(a: string, b: string, from: number): number {
    for (let k = from; k + 1 < this.s.length; k++) if (this.s[k] === a && this.s[k + 1] === b) return k;
    return -1;
  }

  private get frame(): Frame {
    return this.frames[this.frames.length - 1];
  }

  private push(prod = 1): void {
    const f = this.frame;
    if (f.last !== null) f.maxProd = Math.max(f.maxProd, f.last);
    f.last = prod;
  }

  check(): void {
    const s = this.s;
    let i = 0;
    while (i < s.length) {
      let repeat = -1;
      switch (s[i]) {
        case "(":
          i = s[i + 1] === "?" ? this.perlFlags(i) : this.openGroup(i + 1);
          break;
        case "|": {
          const f = this.frame;
          f.maxProd = Math.max(f.maxProd, f.last ?? 1);
          f.last = null;
          i++;
          break;
        }
        case ")":
          this.closeGroup();
          i++;
          break;
        case "[":
          i = this.charClass(i);
          break;
        case "*":
        case "+":
        case "?":
          repeat = i;
          i = this.repeat(i, i + 1, null);
          break;
        case "{": {
          const r = this.parseRepeat(i);
          if (r === null) {
            this.push();
            i++;
            break;
          }
          if (r.min < 0 || r.min > MAX_REPEAT || r.max > MAX_REPEAT || (r.max >= 0 && r.min > r.max)) {
            throw new RegexSyntaxError("invalid repeat count", this.text(i, r.after));
          }
          repeat = i;
          i = this.repeat(i, r.after, r);
          break;
        }
        case "\\":
          i = this.escape(i);
          break;
        default:
          this.push();
          i++;
      }
      this.lastRepeat = repeat;
    }
    if (this.frames.length > 1) throw new RegexSyntaxError("missing closing )", this.whole);
  }

  private openGroup(next: number): number {
    this.frames.push({ paren: true, maxProd: 1, last: null });
    return next;
  }

  private closeGroup(): void {
    const f = this.frame;
    if (!f.paren) throw new RegexSyntaxError("unexpected )", this.whole);
    this.frames.pop();
    this.push(Math.max(f.maxProd, f.last ?? 1));
  }

  /** `*`, `+`, `?` (counts null) or `{n,m}` applied to the last piece; returns the next index. */
  private repeat(before: number, after: number, counts: { min: number; max: number } | null): number {
    if (this.s[after] === "?") after++;
    if (this.lastRepeat >= 0) {
      throw new RegexSyntaxError("invalid nested repetition operator", this.text(this.lastRepeat, after));
    }
    const f = this.frame;
    if (f.last === null) throw new RegexSyntaxError("missing argument to repetition operator", this.text(before, after));
    if (counts !== null) {
      // Go's repeatIsValid: along any path, the product of {n,m} counts stays within 1000.
      const m = counts.max < 0 ? counts.min : counts.max;
      const prod = counts.max === 0 ? 1 : Math.max(m, 1) * f.last;
      if ((counts.min >= 2 || counts.max >= 2) && prod > MAX_REPEAT) {
        throw new RegexSyntaxError("invalid repeat count", this.text(before, after));
      }
      f.last = prod;
    }
    return after;
  }

  /** `{min}`, `{min,}`, `{min,max}` at i, or null when it is a literal `{`. Too-big numbers are -1. */
  private parseRepeat(i: number): { min: number; max: number; after: number } | null {
    const s = this.s;
    let j = i + 1;
    const lo = this.parseInt(j);
    if (lo === null) return null;
    let min = lo.n;
    let max: number;
    j = lo.next;
    if (j >= s.length) return null;
    if (s[j] !== ",") {
      max = min;
    } else {
      j++;
      if (j >= s.length) return null;
      if (s[j] === "}") {
        max = -1;
      } else {
        const hi = this.parseInt(j);
        if (hi === null) return null;
        max = hi.n;
        j = hi.next;
        if (max < 0) min = -1;
      }
    }
    if (j >= s.length || s[j] !== "}") return null;
    return { min, max, after: j + 1 };
  }

  private parseInt(j: number): { n: number; next: number } | null {
    const s = this.s;
    if (!isDigitCh(s[j])) return null;
    if (s[j] === "0" && isDigitCh(s[j + 1])) return null;
    let n = 0;
    let k = j;
    for (; isDigitCh(s[k]); k++) {
      if (n >= 1e8) n = -1;
      else if (n >= 0) n = n * 10 + Number(s[k]);
    }
    return { n, next: k };
  }

  /** `(?flags)`, `(?flags:`, `(?P<name>`, `(?<name>`. */
  private perlFlags(i: number): number {
    const s = this.s;
    const startsWithP = s.length - i > 4 && s[i + 2] === "P" && s[i + 3] === "<";
    const startsWithName = s.length - i > 3 && s[i + 2] === "<";
    if (startsWithP || startsWithName) {
      const end = s.indexOf(">", i);
      if (end < 0) throw new RegexSyntaxError("invalid named capture", this.text(i));
      const name = this.text(i + (startsWithP ? 4 : 3), end);
      if (!/^[A-Za-z0-9_]+$/.test(name)) throw new RegexSyntaxError("invalid named capture", this.text(i, end + 1));
      return this.openGroup(end + 1);
    }
    let j = i + 2;
    let negated = false;
    let sawFlag = false;
    while (j < s.length) {
      const c = s[j++];
      if (c === "i" || c === "m" || c === "s" || c === "U") {
        sawFlag = true;
      } else if (c === "-") {
        if (negated) break;
        negated = true;
        sawFlag = false;
      } else if (c === ":" || c === ")") {
        if (negated && !sawFlag) break;
        return c === ":" ? this.openGroup(j) : j;
      } else {
        break;
      }
    }
    throw new RegexSyntaxError("invalid or unsupported Perl syntax", this.text(i, j));
  }

  private escape(i: number): number {
    const s = this.s;
    const c = s[i + 1];
    if (c === "A" || c === "b" || c === "B" || c === "z") {
      this.push();
      return i + 2;
    }
    if (c === "C") throw new RegexSyntaxError("invalid escape sequence", "\\C");
    if (c === "Q") {
      // Everything up to \E is literal; an empty \Q\E adds nothing for a repetition to apply to.
      const end = this.find("\\", "E", i + 2);
      if (end > i + 2 || (end < 0 && s.length > i + 2)) this.push();
      return end < 0 ? s.length : end + 2;
    }
    if (c === "p" || c === "P") {
      const next = this.unicodeClass(i);
      this.push();
      return next;
    }
    if (c !== undefined && PERL_CLASSES.has(c)) {
      this.push();
      return i + 2;
    }
    const next = this.parseEscape(i);
    this.push();
    return next.next;
  }

  /** `\pL`, `\p{Greek}`, `\P{^Greek}` at i; returns the next index. */
  private unicodeClass(i: number): number {
    const s = this.s;
    let seqEnd: number;
    let name: string;
    if (s[i + 2] !== "{") {
      seqEnd = Math.min(i + 3, s.length);
      name = this.text(i + 2, seqEnd);
    } else {
      const end = s.indexOf("}", i);
      if (end < 0) throw new RegexSyntaxError("invalid character class range", this.text(i));
      seqEnd = end + 1;
      name = this.text(i + 3, end);
    }
    if (name.startsWith("^")) name = name.slice(1);
    if (!isUnicodeTable(name)) throw new RegexSyntaxError("invalid character class range", this.text(i, seqEnd));
    return seqEnd;
  }

  /** A single escaped character at i (`\n`, `\x41`, `\x{263a}`, `\077`, `\.`). */
  private parseEscape(i: number): { r: number; next: number } {
    const s = this.s;
    if (i + 1 >= s.length) throw new RegexSyntaxError("trailing backslash at end of expression", "");
    const c = s[i + 1];
    let k = i + 2;
    const fail = () => new RegexSyntaxError("invalid escape sequence", this.text(i, k));

    if ((c >= "1" && c <= "7" && isOctal(s[k])) || c === "0") {
      let r = Number(c);
      for (let n = 1; n < 3 && isOctal(s[k]); n++) r = r * 8 + Number(s[k++]);
      return { r, next: k };
    }
    if (c === "x") {
      if (k >= s.length) throw fail();
      const c2 = s[k++];
      if (c2 === "{") {
        let r = 0;
        let digits = 0;
        for (;;) {
          if (k >= s.length) throw fail();
          const h = s[k++];
          if (h === "}") break;
          const v = unhex(h);
          if (v < 0) throw fail();
          r = r * 16 + v;
          if (r > MAX_RUNE) throw fail();
          digits++;
        }
        if (digits === 0) throw fail();
        return { r, next: k };
      }
      const x = unhex(c2);
      const y = unhex(s[k]);
      if (k < s.length) k++;
      if (x < 0 || y < 0) throw fail();
      return { r: x * 16 + y, next: k };
    }
    const simple: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
    if (c in simple) return { r: simple[c], next: k };
    const cp = c.codePointAt(0) as number;
    if (cp < 0x80 && !isAlnum(c)) return { r: cp, next: k };
    throw fail();
  }

  /** `[...]` at i; returns the index after `]`. */
  private charClass(i: number): number {
    const s = this.s;
    let j = i + 1;
    if (s[j] === "^") j++;
    let first = true;
    while (j >= s.length || s[j] !== "]" || first) {
      first = false;
      if (s.length - j > 2 && s[j] === "[" && s[j + 1] === ":") {
        const close = this.find(":", "]", j + 2);
        if (close >= 0) {
          const end = close + 2;
          const name = this.text(j, end);
          if (!POSIX_CLASSES.has(name)) throw new RegexSyntaxError("invalid character class range", name);
          j = end;
          continue;
        }
      }
      if (s[j] === "\\" && (s[j + 1] === "p" || s[j + 1] === "P")) {
        j = this.unicodeClass(j);
        continue;
      }
      if (s[j] === "\\" && s[j + 1] !== undefined && PERL_CLASSES.has(s[j + 1])) {
        j += 2;
        continue;
      }
      const rangeStart = j;
      const lo = this.classChar(j, i);
      j = lo.next;
      if (s.length - j >= 2 && s[j] === "-" && s[j + 1] !== "]") {
        const hi = this.classChar(j + 1, i);
        j = hi.next;
        if (hi.r < lo.r) throw new RegexSyntaxError("invalid character class range", this.text(rangeStart, j));
      }
    }
    this.push();
    return j + 1;
  }

  /** One class member at j; `classStart` is the `[`, for the error message. */
  private classChar(j: number, classStart: number): { r: number; next: number } {
    if (j >= this.s.length) throw new RegexSyntaxError("missing closing ]", this.text(classStart));
    if (this.s[j] === "\\") return this.parseEscape(j);
    return { r: this.s[j].codePointAt(0) as number, next: j + 1 };
  }
}

/** Go's regexp compile error for the pattern, or null when Go accepts it. */
export function regexSyntaxError(pattern: string): string | null {
  try {
    new Checker(pattern).check();
    return null;
  } catch (e) {
    if (e instanceof RegexSyntaxError) return e.message;
    throw e;
  }
}
