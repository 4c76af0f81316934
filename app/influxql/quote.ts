/** Quoting of strings and identifiers when InfluxQL statements are printed back. */
import { lookupKeyword } from "./tokens.ts";

const isIdentFirst = (c: string) => (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_";
const isIdentChar = (c: string) => isIdentFirst(c) || (c >= "0" && c <= "9");

/** `'...'` with newline, backslash and single quote escaped. */
export function quoteString(s: string): string {
  return "'" + s.replace(/[\n\\']/g, (c) => (c === "\n" ? "\\n" : "\\" + c)) + "'";
}

/** Whether an identifier must be double-quoted to read back as the same identifier. */
function identNeedsQuotes(ident: string): boolean {
  if (lookupKeyword(ident) !== "IDENT") return true;
  let first = true;
  for (const c of ident) {
    if (first ? !isIdentFirst(c) : !isIdentChar(c)) return true;
    first = false;
  }
  return false;
}

/**
 * Joins identifier segments with dots, quoting as Go's `QuoteIdent` does: every segment but the
 * last is quoted when non-empty, and an empty first or last segment is written as `""`.
 */
export function quoteIdent(...segments: string[]): string {
  const last = segments.length - 1;
  return segments
    .map((segment, i) => {
      const quote =
        identNeedsQuotes(segment) || (i < last && segment !== "") || ((i === 0 || i === last) && segment === "");
      const escaped = segment.replace(/[\n\\"]/g, (c) => (c === "\n" ? "\\n" : "\\" + c));
      return quote ? `"${escaped}"` : escaped;
    })
    .join(".");
}
