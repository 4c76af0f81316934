/**
 * Go's `time.RFC3339Nano` layout, which `time.Time.MarshalJSON` uses for the times of a JSON
 * answer: fraction with trailing zeros trimmed (none when whole seconds), `Z` for a zero offset,
 * otherwise `±hh:mm` (Go drops the seconds of an offset such as a historical LMT).
 */

const NS_PER_SEC = 1_000_000_000n;
const SECONDS_PER_DAY = 86_400;

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => (i < 10 ? "0" : "") + i);

function pad2(n: number): string {
  return TWO_DIGITS[n];
}

function pad4(n: number): string {
  return String(n).padStart(4, "0");
}

/** Civil date of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`). */
function civilDate(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return pad4(year) + "-" + pad2(month) + "-" + pad2(day);
}

// Rows come in time order, so consecutive times mostly share their date.
let lastDays = NaN;
let lastDate = "";

function datePart(days: number): string {
  if (days !== lastDays) {
    lastDays = days;
    lastDate = civilDate(days);
  }
  return lastDate;
}

function fraction(nanos: number): string {
  if (nanos === 0) return "";
  let digits = 9;
  while (nanos % 10 === 0) {
    nanos /= 10;
    digits--;
  }
  return "." + String(nanos).padStart(digits, "0");
}

function zoneSuffix(offsetSeconds: number): string {
  if (offsetSeconds === 0) return "Z";
  const minutes = Math.trunc(offsetSeconds / 60);
  const abs = Math.abs(minutes);
  return (minutes < 0 ? "-" : "+") + pad2(Math.floor(abs / 60)) + ":" + pad2(abs % 60);
}

/** `ns` shown as local time at `offsetSeconds` east of UTC, e.g. `2026-01-01T01:00:00+01:00`. */
export function formatRfc3339WithOffset(ns: bigint, offsetSeconds: number): string {
  let seconds = Number(ns / NS_PER_SEC);
  let nanos = Number(ns % NS_PER_SEC);
  if (nanos < 0) {
    nanos += 1e9;
    seconds -= 1;
  }
  const local = seconds + offsetSeconds;
  const days = Math.floor(local / SECONDS_PER_DAY);
  const ofDay = local - days * SECONDS_PER_DAY;
  return (
    datePart(days) + "T" + pad2(Math.floor(ofDay / 3600)) + ":" + pad2(Math.floor(ofDay / 60) % 60) + ":" +
    pad2(ofDay % 60) + fraction(nanos) + zoneSuffix(offsetSeconds)
  );
}

/** `ns` in UTC, e.g. `2026-01-01T05:00:58.5Z`. */
export function formatRfc3339Nano(ns: bigint): string {
  return formatRfc3339WithOffset(ns, 0);
}
