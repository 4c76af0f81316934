/**
 * Small grammar pieces shared by all statements: identifiers, strings, integers, durations,
 * keyword sequences. Each mirrors the Go parser method of the same purpose, errors included.
 */
import { DurationError, parseDuration } from "./duration.ts";
import { errorAt, unexpected } from "./parse-error.ts";
import { quoteIdent } from "./quote.ts";
import type { TokenStream } from "./token-stream.ts";
import { type Token, tokenText } from "./tokens.ts";

const INT64_MAX = 9223372036854775807n;
const UINT64_MAX = 18446744073709551615n;
const COLON = 58;
const DOT = 46;
const SLASH = 47;

/** Consumes `tok` when it is the next token; otherwise leaves the token unread. */
export function accept(ts: TokenStream, tok: Token): boolean {
  if (ts.scanIgnoreWhitespace().tok === tok) return true;
  ts.unscan();
  return false;
}

export function parseIdent(ts: TokenStream): string {
  const t = ts.scanIgnoreWhitespace();
  if (t.tok !== "IDENT") throw unexpected(t, ["identifier"]);
  return t.lit;
}

export function parseIdentList(ts: TokenStream): string[] {
  const idents = [parseIdent(ts)];
  for (;;) {
    if (ts.scanIgnoreWhitespace().tok !== "COMMA") {
      ts.unscan();
      return idents;
    }
    idents.push(parseIdent(ts));
  }
}

export function parseString(ts: TokenStream): string {
  const t = ts.scanIgnoreWhitespace();
  if (t.tok !== "STRING") throw unexpected(t, ["string"]);
  return t.lit;
}

export function parseStringList(ts: TokenStream): string[] {
  const strs = [parseString(ts)];
  for (;;) {
    if (ts.scanIgnoreWhitespace().tok !== "COMMA") {
      ts.unscan();
      return strs;
    }
    strs.push(parseString(ts));
  }
}

/** Consumes exactly these keywords/tokens in order. */
export function parseTokens(ts: TokenStream, toks: readonly Token[]): void {
  for (const expected of toks) {
    const t = ts.scanIgnoreWhitespace();
    if (t.tok !== expected) throw unexpected(t, [tokenText(expected)]);
  }
}

/** An integer in [min, max] (Go's `ParseInt`, which reads it with `strconv.Atoi`). */
export function parseBoundedInt(ts: TokenStream, min: number, max: number): number {
  const t = ts.scanIgnoreWhitespace();
  if (t.tok !== "INTEGER") throw unexpected(t, ["integer"]);
  const n = BigInt(t.lit);
  if (n > INT64_MAX || n < -INT64_MAX - 1n) {
    throw errorAt(`strconv.Atoi: parsing "${t.lit}": value out of range`, t.pos);
  }
  if (n < BigInt(min) || n > BigInt(max)) {
    throw errorAt(`invalid value ${n}: must be ${min} <= n <= ${max}`, t.pos);
  }
  return Number(n);
}

/** A uint64 (query and shard ids). */
export function parseUInt64(ts: TokenStream): bigint {
  const t = ts.scanIgnoreWhitespace();
  if (t.tok !== "INTEGER") throw unexpected(t, ["integer"]);
  if (!/^\d+$/.test(t.lit)) throw errorAt(`strconv.ParseUint: parsing "${t.lit}": invalid syntax`, t.pos);
  const n = BigInt(t.lit);
  if (n > UINT64_MAX) throw errorAt(`strconv.ParseUint: parsing "${t.lit}": value out of range`, t.pos);
  return n;
}

/** A duration value after a DURATION-like keyword; INF reads as 0 (infinite retention). */
export function parseDurationToken(ts: TokenStream): bigint {
  const t = ts.scanIgnoreWhitespace();
  if (t.tok !== "DURATIONVAL" && t.tok !== "INF") throw unexpected(t, ["duration"]);
  if (t.tok === "INF") return 0n;
  try {
    return parseDuration(t.lit);
  } catch (e) {
    if (e instanceof DurationError) throw errorAt(e.message, t.pos);
    throw e;
  }
}

/**
 * `<tok> <n>` when the next token is `tok` (LIMIT, OFFSET, SLIMIT, SOFFSET), else 0. Go reads the
 * number ignoring range errors, which saturates at int64 max.
 */
export function parseOptionalTokenAndInt(ts: TokenStream, tok: Token): number {
  if (ts.scanIgnoreWhitespace().tok !== tok) {
    ts.unscan();
    return 0;
  }
  const t = ts.scanIgnoreWhitespace();
  if (t.tok !== "INTEGER") throw unexpected(t, ["integer"]);
  let n = BigInt(t.lit);
  if (n > INT64_MAX) n = INT64_MAX;
  if (n < 0n) throw errorAt(`${tokenText(tok)} must be >= 0`, t.pos);
  return Number(n);
}

/**
 * Dotted identifiers: `db.rp.m`, `db..m`, `"a b".c`. Stops before a `/regex/` or `:MEASUREMENT`
 * segment, which the caller reads. Deciding by the raw next character (not the next token) is
 * Go's behaviour and is kept.
 */
export function parseSegmentedIdents(ts: TokenStream): string[] {
  const idents = [parseIdent(ts)];
  for (;;) {
    if (ts.scan().tok !== "DOT") {
      ts.unscan();
      break;
    }
    const ch = ts.peekRune();
    if (ch === SLASH || ch === COLON) break;
    if (ch === DOT) {
      idents.push("");
      continue;
    }
    idents.push(parseIdent(ts));
  }
  if (idents.length > 3) throw errorAt(`too many segments in ${quoteIdent(...idents)}`);
  return idents;
}
