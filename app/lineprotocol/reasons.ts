/**
 * Why a line was rejected, in InfluxDB 1.6.7's words (models/points.go and the shard's point
 * validation), so clients and scripts that match on them keep working. Reasons for checks that
 * 1.6.7 does not make (invalid UTF-8, text after a closing quote) use the same style.
 */
export const Reason = {
  missingMeasurement: "missing measurement",
  missingFields: "missing fields",
  missingTagKey: "missing tag key",
  missingTagValue: "missing tag value",
  invalidTagFormat: "invalid tag format",
  duplicateTags: "duplicate tags",
  missingFieldKey: "missing field key",
  missingFieldValue: "missing field value",
  invalidFieldFormat: "invalid field format",
  unbalancedQuotes: "unbalanced quotes",
  invalidNumber: "invalid number",
  invalidFloat: "invalid float",
  invalidBoolean: "invalid boolean",
  badTimestamp: "bad timestamp",
  pointIsInvalid: "point is invalid",
  timeOutOfRange: "time outside range -9223372036854775806 - 9223372036854775806",
  invalidUtf8: "invalid UTF-8",
} as const;

export const MAX_KEY_LENGTH = 65535;

export function maxKeyLengthExceeded(size: number): string {
  return `max key length exceeded: ${size} > ${MAX_KEY_LENGTH}`;
}

export function integerOutOfRange(text: string): string {
  return `unable to parse integer ${text}: strconv.ParseInt: parsing ${goQuote(text)}: value out of range`;
}

export function unsignedOutOfRange(text: string): string {
  return `unable to parse unsigned ${text}: strconv.ParseUint: parsing ${goQuote(text)}: value out of range`;
}

export function timestampOutOfRange(text: string): string {
  return `strconv.ParseInt: parsing ${goQuote(text)}: value out of range`;
}

export function timestampSyntax(text: string): string {
  return `strconv.ParseInt: parsing ${goQuote(text)}: invalid syntax`;
}

/** A syntax error, worded as influxd's `unable to parse '<line>': <reason>`. */
export function parseError(lineText: string, reason: string): string {
  return `unable to parse '${lineText}': ${reason}`;
}

/** Points with a `time` tag are dropped by InfluxDB's shard, not its parser: no `unable to parse`. */
export function timeTagMessage(measurement: string): string {
  return `invalid tag key: input tag "time" on measurement "${measurement}" is invalid`;
}

/** A point whose only fields are named `time` is dropped the same way. */
export function timeFieldMessage(measurement: string): string {
  return `invalid field name: input field "time" on measurement "${measurement}" is invalid`;
}

/** Go's %q for the digit-and-sign strings these messages quote. */
function goQuote(text: string): string {
  return JSON.stringify(text);
}
