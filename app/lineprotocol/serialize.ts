/**
 * Points → line protocol text that parseLineProtocol reads back to the same points.
 *
 * Some strings have no line-protocol spelling, because InfluxDB's escaping has no escape for a
 * backslash in keys: a key or tag value ending in a backslash, a field key with an odd run of
 * backslashes before `,`, ` ` or `=`, a newline in a key, a measurement starting with `#` (a
 * comment) or with a tab or NUL (skipped as leading whitespace). Those throw a RangeError rather
 * than write a line that would read back differently. Readers drop a field named `time` and
 * refuse a tag named `time`, as InfluxDB does; the serializer writes what it is given.
 */
import type { FieldValue, LinePoint } from "./point.ts";
import type { Precision } from "./precision.ts";
import { escapeTag } from "./escape.ts";

export type { FieldValue, LinePoint } from "./point.ts";

const NS_PER_UNIT: Record<Precision, bigint> = {
  ns: 1n,
  us: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** One point as one line (no trailing newline); its time is written in `precision` units, truncated. */
export function serializePoint(point: LinePoint, precision: Precision = "ns"): string {
  const m = point.measurement;
  checkKey(m, "measurement");
  if (m[0] === "#" || m[0] === "\t" || m[0] === "\0") {
    throw new RangeError(`measurement ${JSON.stringify(m)} cannot start a line`);
  }
  let line = escapeMeasurement(m);
  const tags = point.tags ?? {};
  for (const k of Object.keys(tags).sort(byEscapedBytes)) {
    const v = tags[k];
    if (v === "") continue; // InfluxDB drops tags with empty values
    checkKey(k, "tag key");
    checkKey(v, "tag value");
    line += `,${escapeTag(k)}=${escapeTag(v)}`;
  }
  const keys = Object.keys(point.fields);
  if (keys.length === 0) throw new RangeError("a point needs at least one field");
  // Tabs and NULs before the first field key are skipped as whitespace, so such a key must not
  // come first. If every key starts that way, a leading `time` field (which readers drop, as
  // InfluxDB does) takes the first place.
  const first = keys.findIndex((k) => k[0] !== "\t" && k[0] !== "\0");
  if (first > 0) keys.unshift(...keys.splice(first, 1));
  line += first < 0 ? " time=0," : " ";
  for (let i = 0; i < keys.length; i++) {
    if (i > 0) line += ",";
    line += `${escapeFieldKey(keys[i])}=${formatValue(keys[i], point.fields[keys[i]])}`;
  }
  if (point.time !== undefined) line += ` ${BigInt(point.time) / NS_PER_UNIT[precision]}`;
  return line;
}

/** Points as a request body, one line each. */
export function serializePoints(points: Iterable<LinePoint>, precision: Precision = "ns"): string {
  let body = "";
  for (const p of points) body += `${serializePoint(p, precision)}\n`;
  return body;
}

function checkKey(s: string, what: string): void {
  if (s === "") throw new RangeError(`empty ${what}`);
  if (s.endsWith("\\")) throw new RangeError(`${what} ${JSON.stringify(s)} ends with a backslash`);
  if (s.includes("\n")) throw new RangeError(`${what} ${JSON.stringify(s)} contains a newline`);
}

/** `,` and ` ` always; `=` and `"` only after a backslash, where they would otherwise be unescaped. */
function escapeMeasurement(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "," || c === " " || ((c === "=" || c === '"') && s[i - 1] === "\\")) out += "\\";
    out += c;
  }
  return out;
}

/**
 * `,` ` ` `=` always, `"` after a backslash. A run of backslashes before `,` ` ` `=` must be
 * written with one more backslash, and that only reads back when the run is even: InfluxDB's
 * field scanner pairs backslashes, so an odd count would leave the character unescaped.
 */
function escapeFieldKey(s: string): string {
  checkKey(s, "field key");
  let out = "";
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const special = c === "," || c === " " || c === "=";
    if (special && run % 2 === 1) {
      throw new RangeError(`field key ${JSON.stringify(s)} has an odd run of backslashes before ${JSON.stringify(c)}`);
    }
    if (special || (c === '"' && run > 0)) out += "\\";
    out += c;
    run = c === "\\" ? run + 1 : 0;
  }
  return out;
}

function formatValue(key: string, f: FieldValue): string {
  switch (f.type) {
    case "float":
      if (!Number.isFinite(f.value)) throw new RangeError(`field ${key}: ${f.value} is not a finite float`);
      return Object.is(f.value, -0) ? "-0" : String(f.value);
    case "integer":
      if (f.value < INT64_MIN || f.value > INT64_MAX) throw new RangeError(`field ${key}: ${f.value} is not an int64`);
      return `${f.value}i`;
    case "unsigned":
      if (f.value < 0n || f.value > UINT64_MAX) throw new RangeError(`field ${key}: ${f.value} is not a uint64`);
      return `${f.value}u`;
    case "string":
      return `"${f.value.replace(/[\\"]/g, "\\$&")}"`;
    case "boolean":
      return f.value ? "true" : "false";
  }
}

/** The parser sorts tags anyway; writing them in series-key order keeps the text canonical. */
function byEscapedBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(escapeTag(a)), Buffer.from(escapeTag(b)));
}
