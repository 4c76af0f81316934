/**
 * Strings and floats the way Go 1.19's `encoding/json` writes them (the Go that built the recorded
 * InfluxDB 1.6.7 package).
 */

const HEX = "0123456789abcdef";

/** Anything outside the plain path: quote, backslash, controls, HTML characters, U+2028/9, surrogates. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f<>&\u2028\u2029\ud800-\udfff]/;

function escapeUnit(c: number): string {
  switch (c) {
    case 0x22:
      return '\\"';
    case 0x5c:
      return "\\\\";
    case 0x0a:
      return "\\n";
    case 0x0d:
      return "\\r";
    case 0x09:
      return "\\t";
    default:
      // Go before 1.22 has no short form for \b and \f.
      return "\\u" + HEX[c >> 12] + HEX[(c >> 8) & 15] + HEX[(c >> 4) & 15] + HEX[c & 15];
  }
}

/**
 * A JSON string literal with Go's escaping: `<` `>` `&` as `\u003c` `\u003e` `\u0026` (HTML-safe
 * by default), U+2028/U+2029 escaped, other non-ASCII raw. A lone surrogate stands where Go would
 * have met invalid UTF-8, for which it writes `\ufffd`.
 */
export function jsonString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return '"' + s + '"';
  let out = '"';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c && c !== 0x3c && c !== 0x3e && c !== 0x26 && c < 0x2028) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    } else if (c > 0x2029 && (c < 0xdc00 || c > 0xdfff)) {
      continue;
    }
    out += s.slice(from, i);
    out += c >= 0xd800 && c <= 0xdfff ? "\\ufffd" : escapeUnit(c);
    from = i + 1;
  }
  return out + s.slice(from) + '"';
}

/**
 * A float64 as Go writes it: shortest round-trip digits, exponent form below 1e-6 and from 1e21
 * on — the same text as JavaScript's, except that Go keeps the sign of `-0`. InfluxDB turns NaN
 * into a null float before encoding; ±Inf would make Go's `json.Marshal` fail the whole response,
 * so strata writes null for them too.
 */
export function jsonFloat(v: number): string {
  if (!Number.isFinite(v)) return "null";
  if (v === 0 && 1 / v < 0) return "-0";
  return String(v);
}
