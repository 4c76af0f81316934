/**
 * InfluxQL parse errors. The message is exactly the text InfluxDB 1.x puts after
 * `error parsing query: ` in its HTTP response, position suffix included where InfluxDB adds one.
 */
import type { Pos } from "./rune-reader.ts";
import type { Tok } from "./scanner.ts";
import { tokenText } from "./tokens.ts";

export class InfluxQLParseError extends Error {
  override readonly name = "InfluxQLParseError";
}

const at = (pos: Pos) => ` at line ${pos.line + 1}, char ${pos.char + 1}`;

/** What Go's `tokstr` shows for a token: its literal, else the token's name. */
function foundText(t: Tok): string {
  return t.lit !== "" ? t.lit : tokenText(t.tok);
}

/** `found X, expected A, B at line L, char C`. */
export function unexpected(found: Tok, expected: readonly string[]): InfluxQLParseError {
  return new InfluxQLParseError(`found ${foundText(found)}, expected ${expected.join(", ")}${at(found.pos)}`);
}

/**
 * A message with a position. Go's parser leaves the position at zero for some checks made after
 * the fact (`database not supported`), which prints as line 1, char 1.
 */
export function errorAt(message: string, pos: Pos = { line: 0, char: 0 }): InfluxQLParseError {
  return new InfluxQLParseError(message + at(pos));
}

/** A message InfluxDB reports without any position. */
export function plainError(message: string): InfluxQLParseError {
  return new InfluxQLParseError(message);
}
