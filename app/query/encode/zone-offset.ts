/**
 * UTC offsets of the zone named in `tz('...')`. Go keeps the zone with each time and prints the
 * offset in force at that instant; Intl reads the same tz database. Asking Intl costs microseconds,
 * so offsets are remembered per hour (zone transitions fall on whole hours or halves, never twice
 * within one hour, and an hour whose two ends disagree is never cached).
 */

const HOUR = 3600;
/** Enough hours for decades of hourly rows; the cache starts over beyond that. */
const MAX_CACHED_HOURS = 500_000;

interface Zone {
  format: Intl.DateTimeFormat;
  hours: Map<number, number>;
}

const zones = new Map<string, Zone>();

function zoneNamed(name: string): Zone {
  let zone = zones.get(name);
  if (zone === undefined) {
    const format = new Intl.DateTimeFormat("en-US", {
      // Go's "Local" is the process's zone, which is also Intl's default.
      timeZone: name === "Local" ? undefined : name,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    zone = { format, hours: new Map() };
    zones.set(name, zone);
  }
  return zone;
}

function exactOffset(format: Intl.DateTimeFormat, unixSeconds: number): number {
  const wall = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of format.formatToParts(unixSeconds * 1000)) {
    if (part.type in wall) wall[part.type as keyof typeof wall] = Number(part.value);
  }
  const local = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) / 1000;
  return local - unixSeconds;
}

/** Seconds east of UTC in zone `name` (an IANA name, `UTC` or `Local`) at `unixSeconds`. */
export function zoneOffsetSeconds(name: string, unixSeconds: number): number {
  if (name === "UTC") return 0;
  const zone = zoneNamed(name);
  const hour = Math.floor(unixSeconds / HOUR);
  const cached = zone.hours.get(hour);
  if (cached !== undefined) return cached;
  const start = exactOffset(zone.format, hour * HOUR);
  const end = exactOffset(zone.format, hour * HOUR + HOUR - 1);
  if (start !== end) return exactOffset(zone.format, unixSeconds);
  if (zone.hours.size >= MAX_CACHED_HOURS) zone.hours.clear();
  zone.hours.set(hour, start);
  return start;
}
