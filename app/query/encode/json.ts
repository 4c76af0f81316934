/**
 * v1 `/query` answers as JSON, byte for byte as InfluxDB 1.6.7 writes them: Go's `encoding/json`
 * over its `Response` / `Result` / `models.Row` structs (fields in struct order, empty ones
 * omitted), then a newline.
 */
import type { ResultMessage, ResultSeries, ResultValue, StatementResult } from "../result.ts";
import { epochValue, type Epoch } from "./epoch.ts";
import { integerText } from "./integer-text.ts";
import { indentJson } from "./json-indent.ts";
import { jsonFloat, jsonString } from "./json-scalar.ts";
import { formatRfc3339Nano, formatRfc3339WithOffset } from "./rfc3339.ts";
import { sortedTagKeys } from "./tag-order.ts";
import { hasTimeColumn, unixSeconds } from "./time-column.ts";
import { zoneOffsetSeconds } from "./zone-offset.ts";

export interface JsonOptions {
  /** Times as integers in this unit instead of RFC3339 text. */
  epoch?: Epoch;
  /** `pretty=true`: Go's `json.MarshalIndent` with four spaces. */
  pretty?: boolean;
  /** The zone of each statement that has `tz('...')`, by `statement_id`; its times print with offsets. */
  timeZones?: ReadonlyMap<number, string>;
}

const INDENT = "    ";

type TimeText = (ns: bigint) => string;

function timeText(opts: JsonOptions, statementId: number): TimeText {
  const { epoch } = opts;
  if (epoch !== undefined) return (ns) => integerText(epochValue(ns, epoch));
  const zone = opts.timeZones?.get(statementId);
  if (zone === undefined) return (ns) => '"' + formatRfc3339Nano(ns) + '"';
  return (ns) => '"' + formatRfc3339WithOffset(ns, zoneOffsetSeconds(zone, Number(unixSeconds(ns)))) + '"';
}

function valueJson(v: ResultValue): string {
  switch (typeof v) {
    case "number":
      return jsonFloat(v);
    case "bigint":
      return integerText(v);
    case "string":
      return jsonString(v);
    case "boolean":
      return v ? "true" : "false";
    default:
      return "null";
  }
}

function rowsJson(values: ResultValue[][], timeFirst: boolean, time: TimeText): string {
  const rows = new Array<string>(values.length);
  // Tag columns repeat one string down a series: each column remembers its last string's JSON.
  const width = values.length > 0 ? values[0].length : 0;
  const lastString = new Array<string | undefined>(width);
  const lastJson = new Array<string>(width);
  const cell = (v: ResultValue, i: number): string => {
    if (typeof v === "number") return jsonFloat(v);
    if (typeof v !== "string") return valueJson(v);
    if (v !== lastString[i]) {
      lastString[i] = v;
      lastJson[i] = jsonString(v);
    }
    return lastJson[i];
  };
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    if (row.length === 0) {
      rows[r] = "[]";
      continue;
    }
    const first = row[0];
    let text = "[" + (timeFirst && typeof first === "bigint" ? time(first) : cell(first, 0));
    for (let i = 1; i < row.length; i++) text += "," + cell(row[i], i);
    rows[r] = text + "]";
  }
  return "[" + rows.join(",") + "]";
}

function seriesJson(series: ResultSeries, time: TimeText): string {
  const fields: string[] = [];
  if (series.name) fields.push('"name":' + jsonString(series.name));
  const tags = series.tags;
  if (tags !== undefined) {
    const keys = sortedTagKeys(tags);
    if (keys.length > 0) {
      fields.push('"tags":{' + keys.map((k) => jsonString(k) + ":" + jsonString(tags[k])).join(",") + "}");
    }
  }
  if (series.columns.length > 0) fields.push('"columns":[' + series.columns.map(jsonString).join(",") + "]");
  if (series.values.length > 0) fields.push('"values":' + rowsJson(series.values, hasTimeColumn(series), time));
  if (series.partial) fields.push('"partial":true');
  return "{" + fields.join(",") + "}";
}

function messageJson(m: ResultMessage): string {
  return '{"level":' + jsonString(m.level) + ',"text":' + jsonString(m.text) + "}";
}

function resultJson(result: StatementResult, opts: JsonOptions): string {
  let out = '{"statement_id":' + result.statement_id;
  if (result.series !== undefined && result.series.length > 0) {
    const time = timeText(opts, result.statement_id);
    out += ',"series":[' + result.series.map((s) => seriesJson(s, time)).join(",") + "]";
  }
  if (result.messages !== undefined && result.messages.length > 0) {
    out += ',"messages":[' + result.messages.map(messageJson).join(",") + "]";
  }
  if (result.partial) out += ',"partial":true';
  if (result.error) out += ',"error":' + jsonString(result.error);
  return out + "}";
}

function document(compact: string, pretty: boolean | undefined): string {
  return (pretty ? indentJson(compact, INDENT) : compact) + "\n";
}

/** A whole answer: `{"results":[...]}` and a newline (`{}` when there are no results). */
export function encodeJson(results: StatementResult[], opts: JsonOptions = {}): string {
  const compact = results.length === 0 ? "{}" : '{"results":[' + results.map((r) => resultJson(r, opts)).join(",") + "]}";
  return document(compact, opts.pretty);
}

/** One line of a chunked answer: InfluxDB sends each chunk as its own one-result response. */
export function encodeJsonChunk(chunk: StatementResult, opts: JsonOptions = {}): string {
  return encodeJson([chunk], opts);
}

/** A request-level failure (HTTP 400 and the like): `{"error":"..."}` and a newline. */
export function encodeJsonError(message: string, opts: Pick<JsonOptions, "pretty"> = {}): string {
  return document('{"error":' + jsonString(message) + "}", opts.pretty);
}
