/**
 * The delete predicate language of `POST /api/v2/delete`: comparisons `key = value` and
 * `key != value` joined by AND / OR (AND binds tighter) and grouped with parentheses, e.g.
 * `_measurement="cpu" AND (host="a" OR host!="b")`. `_measurement` is the measurement, any other
 * key a tag (a missing tag compares as ""). This is InfluxDB 2.x's language (AND and `=`) plus
 * `!=` and OR, which the spec's own example uses. Keys and values are bare words or quoted with
 * `"` or `'` (backslash escapes the quote); errors name the 0-based character position, as
 * InfluxDB's do. Regex operators and `_field`/`_time`/`_value` are refused: deletes act on series.
 */
import { invalid } from "../errors.ts";

export type Predicate =
  | { kind: "compare"; key: string; op: "=" | "!="; value: string }
  | { kind: "and"; left: Predicate; right: Predicate }
  | { kind: "or"; left: Predicate; right: Predicate };

type TokenKind = "word" | "quoted" | "op" | "(" | ")" | "eof";

interface Token {
  kind: TokenKind;
  text: string;
  pos: number;
}

const UNSUPPORTED_KEYS = new Set(["_field", "_time", "_value"]);
/** Characters that end a bare word. */
const DELIMITERS = /[\s()='"!<>~]/;

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "(" || ch === ")") {
      tokens.push({ kind: ch, text: ch, pos: i++ });
    } else if (ch === '"' || ch === "'") {
      const start = i++;
      let text = "";
      while (i < src.length && src[i] !== ch) {
        if (src[i] === "\\" && i + 1 < src.length) i++;
        text += src[i++];
      }
      if (i >= src.length) throw predicateError(`unterminated quoted string at position ${start}`);
      i++;
      tokens.push({ kind: "quoted", text, pos: start });
    } else if (/[=!<>~]/.test(ch)) {
      const start = i;
      while (i < src.length && /[=!<>~]/.test(src[i]!)) i++;
      tokens.push({ kind: "op", text: src.slice(start, i), pos: start });
    } else {
      const start = i;
      while (i < src.length && !DELIMITERS.test(src[i]!)) i++;
      tokens.push({ kind: "word", text: src.slice(start, i), pos: start });
    }
  }
  tokens.push({ kind: "eof", text: "", pos: src.length });
  return tokens;
}

function predicateError(detail: string) {
  return invalid(`invalid request; error parsing predicate: ${detail}`);
}

const isKeyword = (t: Token, word: "and" | "or") => t.kind === "word" && t.text.toLowerCase() === word;

/** Parses a predicate; undefined for an empty one (delete everything in the time range). */
export function parsePredicate(src: string): Predicate | undefined {
  const tokens = tokenize(src);
  if (tokens.length === 1) return undefined;
  let at = 0;
  const peek = () => tokens[at]!;
  const next = () => tokens[at++]!;

  const parseOr = (): Predicate => {
    let left = parseAnd();
    while (isKeyword(peek(), "or")) {
      next();
      left = { kind: "or", left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): Predicate => {
    let left = parsePrimary();
    while (isKeyword(peek(), "and")) {
      next();
      left = { kind: "and", left, right: parsePrimary() };
    }
    return left;
  };
  const parsePrimary = (): Predicate => {
    const t = next();
    if (t.kind === "(") {
      const inner = parseOr();
      if (next().kind !== ")") throw predicateError("extra ( seen");
      return inner;
    }
    if (t.kind !== "word" && t.kind !== "quoted") throw predicateError(`bad tag key, at position ${t.pos}`);
    if (UNSUPPORTED_KEYS.has(t.text)) throw predicateError(`deleting by ${t.text} is not supported, at position ${t.pos}`);
    const op = next();
    if (op.kind !== "op" || (op.text !== "=" && op.text !== "!=")) {
      if (op.text === "=~" || op.text === "!~") throw predicateError(`operator: "${op.text}" at position: ${op.pos} is not supported`);
      throw predicateError(`invalid operator "${op.text}" at position: ${op.pos}`);
    }
    const value = next();
    if (value.kind !== "word" && value.kind !== "quoted") throw predicateError(`bad tag value: "${value.text}", at position ${value.pos}`);
    return { kind: "compare", key: t.text, op: op.text, value: value.text };
  };

  const predicate = parseOr();
  const rest = peek();
  if (rest.kind === ")") throw predicateError("extra ) seen");
  if (rest.kind !== "eof") throw predicateError(`bad logical expression, at position ${rest.pos}`);
  return predicate;
}

/** Whether a series (measurement and sorted `[k0, v0, k1, v1, ...]` tags) matches. */
export function matchesSeries(p: Predicate, measurement: string, tags: string[]): boolean {
  if (p.kind === "and") return matchesSeries(p.left, measurement, tags) && matchesSeries(p.right, measurement, tags);
  if (p.kind === "or") return matchesSeries(p.left, measurement, tags) || matchesSeries(p.right, measurement, tags);
  const actual = p.key === "_measurement" ? measurement : tagValue(tags, p.key);
  return (actual === p.value) === (p.op === "=");
}

function tagValue(tags: string[], key: string): string {
  for (let i = 0; i < tags.length; i += 2) if (tags[i] === key) return tags[i + 1]!;
  return "";
}

/**
 * A predicate of `=` comparisons joined by AND, as a measurement and tag equalities (what a
 * tombstone can hold without naming series); undefined for any other predicate. `matchesNothing`
 * when it asks one key for two values.
 */
export function asEqualities(p: Predicate): { measurement?: string; tagEquals: string[]; matchesNothing: boolean } | undefined {
  const pairs = new Map<string, string>();
  let matchesNothing = false;
  const walk = (q: Predicate): boolean => {
    if (q.kind === "or") return false;
    if (q.kind === "and") return walk(q.left) && walk(q.right);
    if (q.op !== "=") return false;
    const seen = pairs.get(q.key);
    if (seen !== undefined && seen !== q.value) matchesNothing = true;
    pairs.set(q.key, q.value);
    return true;
  };
  if (!walk(p)) return undefined;
  const measurement = pairs.get("_measurement");
  pairs.delete("_measurement");
  return { measurement, tagEquals: [...pairs].flat(), matchesNothing };
}
