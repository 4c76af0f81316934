/**
 * Resolution of `tz('...')` names the way Go's `time.LoadLocation` answers: "" is UTC, "UTC" and
 * "Local" are built in, anything else must name an IANA zone exactly (Go looks the name up as a
 * file, so case matters).
 */

/** The location name InfluxDB keeps for `tz(name)`, or null when Go would not find the zone. */
export function resolveTimeZone(name: string): string | null {
  if (name === "" || name === "UTC") return "UTC";
  if (name === "Local") return name;
  try {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
    return resolved === name ? name : null;
  } catch {
    return null;
  }
}
