/**
 * Backslash escapes of line protocol, as InfluxDB 1.x applies them. A backslash escapes only the
 * characters listed for each element; before any other character it is a literal backslash.
 *
 * - measurement and field keys: `,` ` ` `=` `"` (pkg/escape)
 * - tag keys and tag values: `,` ` ` `=`
 * - string field values: `"` and `\`
 */

const COMMA = 44;
const SPACE = 32;
const EQUALS = 61;
const QUOTE = 34;
const BACKSLASH = 92;

function isNameEscape(c: number): boolean {
  return c === COMMA || c === SPACE || c === EQUALS || c === QUOTE;
}

function isTagEscape(c: number): boolean {
  return c === COMMA || c === SPACE || c === EQUALS;
}

function unescapeWith(raw: string, escapes: (c: number) => boolean): string {
  if (raw.indexOf("\\") < 0) return raw;
  let out = "";
  let from = 0;
  for (let i = 0; i < raw.length - 1; i++) {
    if (raw.charCodeAt(i) === BACKSLASH && escapes(raw.charCodeAt(i + 1))) {
      out += raw.slice(from, i);
      from = i + 1;
      i++;
    }
  }
  return out + raw.slice(from);
}

/** Measurement names and field keys. */
export function unescapeName(raw: string): string {
  return unescapeWith(raw, isNameEscape);
}

export function unescapeTag(raw: string): string {
  return unescapeWith(raw, isTagEscape);
}

/** The inside of a string field value (between the quotes). */
export function unescapeStringValue(raw: string): string {
  if (raw.indexOf("\\") < 0) return raw;
  let out = "";
  let from = 0;
  for (let i = 0; i < raw.length - 1; i++) {
    const next = raw.charCodeAt(i + 1);
    if (raw.charCodeAt(i) === BACKSLASH && (next === BACKSLASH || next === QUOTE)) {
      out += raw.slice(from, i);
      from = i + 1;
      i++;
    }
  }
  return out + raw.slice(from);
}

/** The measurement as it appears in a canonical series key: only `,` and ` ` escaped (models.MakeKey). */
export function escapeMeasurementForKey(name: string): string {
  return /[, ]/.test(name) ? name.replace(/[, ]/g, "\\$&") : name;
}

/** Tag keys and values in a canonical series key and in line protocol. */
export function escapeTag(s: string): string {
  return /[, =]/.test(s) ? s.replace(/[, =]/g, "\\$&") : s;
}
