/**
 * Strings that InfluxQL reads as times: `2006-01-02`, `2006-01-02 15:04:05.999999` (in the
 * statement's tz(), UTC by default) and RFC3339 with nanoseconds, parsed as Go's `time.Parse`
 * parses those layouts. Times are int64 nanoseconds as bigint.
 */
import { zoneOffsetSeconds } from "../encode/zone-offset.ts";
import { StatementError } from "../statement-error.ts";
import { daysFromCivil } from "../days-from-civil.ts";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}.+/;
const SPACED = /^(\d{4})-(\d{2})-(\d{2}) (\d{1,2}):(\d{2}):(\d{2})(?:[.,](\d+))?$/;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{1,2}):(\d{2}):(\d{2})(?:[.,](\d+))?(Z|[+-]\d{2}:\d{2})$/;

/** InfluxDB reports a date-like string that is no valid time inside the statement's result. */
export class InvalidTimeError extends StatementError {
  constructor() {
    super("invalid timestamp string");
  }
}

/**
 * Go's `StringLiteral.IsTimeLiteral`: `DATE_TIME` or `DATE` above, checked without running them
 * (a statement tests each string it compares with time).
 */
export function isTimeString(s: string): boolean {
  if (s.length < 10 || s[4] !== "-" || s[7] !== "-") return false;
  if (digitsAt(s, 0, 4) < 0 || digitsAt(s, 5, 2) < 0 || digitsAt(s, 8, 2) < 0) return false;
  return s.length === 10 || !isLineTerminator(s.charCodeAt(10));
}

/** What `.` in a regular expression does not match. */
function isLineTerminator(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function wallNanos(y: number, mo: number, d: number, h: number, mi: number, s: number, frac: string | undefined): bigint | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, 0);
  const ns = frac === undefined ? 0n : BigInt(frac.slice(0, 9).padEnd(9, "0"));
  return BigInt(date.getTime()) * 1_000_000n + ns;
}

/** Wall-clock nanoseconds in zone `tz` (null: UTC) to UTC, choosing the offset in force then. */
function fromWall(wall: bigint, tz: string | null): bigint {
  if (tz === null || tz === "UTC") return wall;
  const wallSeconds = Number(wall / 1_000_000_000n);
  let offset = zoneOffsetSeconds(tz, wallSeconds);
  offset = zoneOffsetSeconds(tz, wallSeconds - offset);
  return wall - BigInt(offset) * 1_000_000_000n;
}

function digitsAt(s: string, at: number, count: number): number {
  let v = 0;
  for (let i = at; i < at + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * `YYYY-MM-DDTHH:MM:SSZ`, the form dashboards and clients send, read without regular expressions
 * or Date objects (a statement usually has two): undefined for anything else, which the general
 * parse below handles.
 */
function plainUtc(s: string): bigint | undefined {
  if (s.length !== 20 || s.charCodeAt(19) !== 0x5a) return undefined;
  if (s[4] !== "-" || s[7] !== "-" || s[10] !== "T" || s[13] !== ":" || s[16] !== ":") return undefined;
  const y = digitsAt(s, 0, 4);
  const mo = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
  const h = digitsAt(s, 11, 2);
  const mi = digitsAt(s, 14, 2);
  const sec = digitsAt(s, 17, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || (d > 28 && d > daysIn(y, mo)) || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return undefined;
  return BigInt(daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec) * 1_000_000_000n;
}

/** Go's `StringLiteral.ToTimeLiteral`; throws InvalidTimeError. */
export function parseTimeString(s: string, tz: string | null): bigint {
  const utc = plainUtc(s);
  if (utc !== undefined) return utc;
  if (DATE_TIME.test(s)) {
    const spaced = SPACED.exec(s);
    if (spaced) {
      const wall = wallNanos(+spaced[1], +spaced[2], +spaced[3], +spaced[4], +spaced[5], +spaced[6], spaced[7]);
      if (wall !== undefined) return fromWall(wall, tz);
    }
    const rfc = RFC3339.exec(s);
    if (rfc) {
      const wall = wallNanos(+rfc[1], +rfc[2], +rfc[3], +rfc[4], +rfc[5], +rfc[6], rfc[7]);
      if (wall !== undefined) {
        const zone = rfc[8];
        if (zone === "Z") return wall;
        const sign = zone[0] === "-" ? -1n : 1n;
        const offset = BigInt(+zone.slice(1, 3) * 3600 + +zone.slice(4, 6) * 60);
        return wall - sign * offset * 1_000_000_000n;
      }
    }
    throw new InvalidTimeError();
  }
  if (DATE.test(s)) {
    const wall = wallNanos(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10), 0, 0, 0, undefined);
    if (wall === undefined) throw new InvalidTimeError();
    return fromWall(wall, tz);
  }
  throw new InvalidTimeError();
}
