/**
 * Strings that InfluxQL reads as times: `2006-01-02`, `2006-01-02 15:04:05.999999` (in the
 * statement's tz(), UTC by default) and RFC3339 with nanoseconds, parsed as Go's `time.Parse`
 * parses those layouts. Times are int64 nanoseconds as bigint.
 */
import { zoneOffsetSeconds } from "../encode/zone-offset.ts";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}.+/;
const SPACED = /^(\d{4})-(\d{2})-(\d{2}) (\d{1,2}):(\d{2}):(\d{2})(?:[.,](\d+))?$/;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{1,2}):(\d{2}):(\d{2})(?:[.,](\d+))?(Z|[+-]\d{2}:\d{2})$/;

export class InvalidTimeError extends Error {
  constructor() {
    super("invalid timestamp string");
  }
}

/** Go's `StringLiteral.IsTimeLiteral`. */
export function isTimeString(s: string): boolean {
  return DATE_TIME.test(s) || DATE.test(s);
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

/** Go's `StringLiteral.ToTimeLiteral`; throws InvalidTimeError. */
export function parseTimeString(s: string, tz: string | null): bigint {
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
