/**
 * Go (RE2) regular expressions as JavaScript RegExps. The parser has already checked the pattern
 * with Go's rules, so this only rewrites what JavaScript spells differently or rejects in unicode
 * mode: flag groups, `\A` `\z` `\Q…\E`, POSIX classes, `\pL`, `(?P<name>`, `\x{…}`, escaped
 * punctuation, and braces that are not repetitions (literal in Go). Unicode mode is used because
 * Go matches runes, not UTF-16 units.
 */

const POSIX: Record<string, string> = {
  alnum: "0-9A-Za-z",
  alpha: "A-Za-z",
  ascii: "\\x00-\\x7f",
  blank: "\\t ",
  cntrl: "\\x00-\\x1f\\x7f",
  digit: "0-9",
  graph: "!-~",
  lower: "a-z",
  print: " -~",
  punct: "!-\\/:-@\\[-`{-~",
  space: "\\t\\n\\v\\f\\r ",
  upper: "A-Z",
  word: "0-9A-Za-z_",
  xdigit: "0-9A-Fa-f",
};

/** Characters JavaScript's unicode mode accepts after a backslash outside a class. */
const JS_SYNTAX = new Set("^$\\.*+?()[]{}|/".split(""));
const CATEGORY = /^(?:C[cfos]?|L[lmotu]?|M[cen]?|N[dlo]?|P[cdefios]?|S[ckmo]?|Z[lps]?)$/;

const cache = new Map<string, RegExp>();

export function goRegex(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (re === undefined) {
    const { source, flags } = translate(pattern);
    re = new RegExp(source, flags);
    if (cache.size > 1000) cache.clear();
    cache.set(pattern, re);
  }
  return re;
}

function hexEscape(cp: number): string {
  return `\\u{${cp.toString(16)}}`;
}

function unicodeClass(name: string, negated: boolean): string {
  const p = negated ? "P" : "p";
  if (name === "Any") return negated ? "[^\\s\\S]" : "[\\s\\S]";
  return CATEGORY.test(name) ? `\\${p}{${name}}` : `\\${p}{Script=${name}}`;
}

function translate(pattern: string): { source: string; flags: string } {
  const flags = new Set<string>(["u"]);
  let out = "";
  let i = 0;
  let inClass = false;
  const cps = Array.from(pattern);
  const n = cps.length;
  while (i < n) {
    const c = cps[i];
    if (c === "\\") {
      const d = cps[i + 1];
      i += 2;
      if (d === undefined) break;
      if (d === "Q") {
        while (i < n && !(cps[i] === "\\" && cps[i + 1] === "E")) out += escapeLiteral(cps[i++], inClass);
        i += 2;
        continue;
      }
      if (!inClass && d === "A") out += "(?<![\\s\\S])";
      else if (!inClass && d === "z") out += "(?![\\s\\S])";
      else if (d === "p" || d === "P") {
        let name: string;
        if (cps[i] === "{") {
          const end = cps.indexOf("}", i);
          name = cps.slice(i + 1, end).join("");
          i = end + 1;
        } else name = cps[i++];
        let negated = d === "P";
        if (name.startsWith("^")) {
          negated = !negated;
          name = name.slice(1);
        }
        out += unicodeClass(name, negated);
      } else if (d === "x") {
        if (cps[i] === "{") {
          const end = cps.indexOf("}", i);
          out += hexEscape(parseInt(cps.slice(i + 1, end).join(""), 16));
          i = end + 1;
        } else {
          out += `\\x${cps[i]}${cps[i + 1]}`;
          i += 2;
        }
      } else if (/[0-7]/.test(d)) {
        let oct = d;
        while (oct.length < 3 && i < n && /[0-7]/.test(cps[i])) oct += cps[i++];
        out += hexEscape(parseInt(oct, 8));
      } else if (/[A-Za-z]/.test(d)) out += `\\${d}`;
      else if (JS_SYNTAX.has(d) || (inClass && d === "-")) out += `\\${d}`;
      else out += hexEscape(d.codePointAt(0)!);
      continue;
    }
    if (inClass) {
      if (c === "[" && cps[i + 1] === ":") {
        const end = cps.indexOf("]", i);
        let name = cps.slice(i + 2, end - 1).join("");
        const negated = name.startsWith("^");
        if (negated) name = name.slice(1);
        const ranges = POSIX[name] ?? "";
        // A negated POSIX class inside a class needs a nested set; JS has none, so expand the complement.
        out += negated ? complementRanges(ranges) : ranges;
        i = end + 1;
        continue;
      }
      if (c === "]") inClass = false;
      out += c === "[" ? "\\[" : c;
      i++;
      continue;
    }
    if (c === "[") {
      inClass = true;
      out += c;
      i++;
      if (cps[i] === "^") out += cps[i++];
      // A leading `]` is literal in Go.
      if (cps[i] === "]") {
        out += "\\]";
        i++;
      }
      continue;
    }
    if (c === "(" && cps[i + 1] === "?") {
      const rest = cps.slice(i + 2).join("");
      const named = /^P<([A-Za-z0-9_]+)>/.exec(rest);
      if (named) {
        out += `(?<${named[1]}>`;
        i += 2 + named[0].length;
        continue;
      }
      const flagGroup = /^([imsU-]*)(\)|:)/.exec(rest);
      if (flagGroup) {
        let on = true;
        for (const f of flagGroup[1]) {
          if (f === "-") on = false;
          else if (on && f !== "U") flags.add(f);
        }
        out += flagGroup[2] === ":" ? "(?:" : "";
        i += 2 + flagGroup[0].length;
        continue;
      }
    }
    if (c === "{") {
      const rep = /^\{\d+(?:,\d*)?\}/.exec(cps.slice(i).join(""));
      if (rep) {
        out += rep[0];
        i += rep[0].length;
        continue;
      }
      out += "\\{";
      i++;
      continue;
    }
    if (c === "}" || c === "]") {
      out += `\\${c}`;
      i++;
      continue;
    }
    out += c;
    i++;
  }
  return { source: out, flags: [...flags].join("") };
}

function escapeLiteral(c: string, inClass: boolean): string {
  if (JS_SYNTAX.has(c) || (inClass && c === "-")) return `\\${c}`;
  return c;
}

/** The complement within ASCII..U+10FFFF of a POSIX range list, as class ranges. */
function complementRanges(ranges: string): string {
  const spans: [number, number][] = [];
  const cps = Array.from(ranges.replace(/\\x([0-9a-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))).replace(/\\(.)/g, (_, ch) => (ch === "t" ? "\t" : ch === "n" ? "\n" : ch === "v" ? "\v" : ch === "f" ? "\f" : ch === "r" ? "\r" : ch)));
  for (let k = 0; k < cps.length; k++) {
    const lo = cps[k].codePointAt(0)!;
    if (cps[k + 1] === "-" && k + 2 < cps.length) {
      spans.push([lo, cps[k + 2].codePointAt(0)!]);
      k += 2;
    } else spans.push([lo, lo]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let out = "";
  let next = 0;
  for (const [lo, hi] of spans) {
    if (lo > next) out += `${hexEscape(next)}-${hexEscape(lo - 1)}`;
    next = Math.max(next, hi + 1);
  }
  if (next <= 0x10ffff) out += `${hexEscape(next)}-${hexEscape(0x10ffff)}`;
  return out;
}
