/**
 * v1 `/query` answers as JSON, byte for byte as InfluxDB 1.6.7 writes them: Go's `encoding/json`
 * over its `Response` / `Result` / `models.Row` structs (fields in struct order, empty ones
 * omitted), then a newline.
 */
import type { ResultMessage, ResultSeries, ResultValue, StatementResult } from "../result.ts";
import { epochValue, type Epoch } from "./epoch.ts";
import { indentJson } from "./json-indent.ts";
import { JsonWriter } from "./json-writer.ts";
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

const QUOTE = 0x22;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** One writer for every answer: encoding is synchronous, and its buffer is reused. */
const out = new JsonWriter();

type TimeWriter = (ns: bigint) => void;

function timeWriter(opts: JsonOptions, statementId: number): TimeWriter {
  const { epoch } = opts;
  if (epoch !== undefined) return (ns) => out.int64(epochValue(ns, epoch));
  const zone = opts.timeZones?.get(statementId);
  const text = zone === undefined ? formatRfc3339Nano : (ns: bigint) => formatRfc3339WithOffset(ns, zoneOffsetSeconds(zone, Number(unixSeconds(ns))));
  return (ns) => {
    out.byte(QUOTE);
    out.text(text(ns));
    out.byte(QUOTE);
  };
}

function writeScalar(v: Exclude<ResultValue, string>): void {
  switch (typeof v) {
    case "number":
      if (!out.shortDecimal(v)) out.text(jsonFloat(v));
      return;
    case "bigint":
      out.int64(v);
      return;
    case "boolean":
      out.text(v ? "true" : "false");
      return;
    default:
      out.text("null");
  }
}

function writeRows(values: ResultValue[][], timeFirst: boolean, time: TimeWriter): void {
  // Tag columns repeat one string down a series: each column remembers its last string's JSON.
  const width = values.length > 0 ? values[0].length : 0;
  const lastString = new Array<string | undefined>(width);
  const lastJson = new Array<string>(width);
  const cell = (v: ResultValue, i: number): void => {
    if (typeof v !== "string") {
      writeScalar(v);
      return;
    }
    if (v !== lastString[i]) {
      lastString[i] = v;
      lastJson[i] = jsonString(v);
    }
    out.text(lastJson[i]);
  };
  out.byte(OPEN_ARRAY);
  for (let r = 0; r < values.length; r++) {
    if (r > 0) out.byte(COMMA);
    const row = values[r];
    out.byte(OPEN_ARRAY);
    for (let i = 0; i < row.length; i++) {
      if (i > 0) out.byte(COMMA);
      const v = row[i];
      if (i === 0 && timeFirst && typeof v === "bigint") time(v);
      else cell(v, i);
    }
    out.byte(CLOSE_ARRAY);
  }
  out.byte(CLOSE_ARRAY);
}

function writeSeries(series: ResultSeries, time: TimeWriter): void {
  // Members in struct order, empty ones omitted: a comma goes before each but the first.
  let members = 0;
  const member = (name: string) => out.text((members++ === 0 ? '{"' : ',"') + name + '":');
  if (series.name) {
    member("name");
    out.text(jsonString(series.name));
  }
  const tags = series.tags;
  if (tags !== undefined) {
    const keys = sortedTagKeys(tags);
    if (keys.length > 0) {
      member("tags");
      out.text("{" + keys.map((k) => jsonString(k) + ":" + jsonString(tags[k])).join(",") + "}");
    }
  }
  if (series.columns.length > 0) {
    member("columns");
    out.text("[" + series.columns.map(jsonString).join(",") + "]");
  }
  if (series.values.length > 0) {
    member("values");
    writeRows(series.values, hasTimeColumn(series), time);
  }
  if (series.partial) {
    member("partial");
    out.text("true");
  }
  out.text(members === 0 ? "{}" : "}");
}

function messageJson(m: ResultMessage): string {
  return '{"level":' + jsonString(m.level) + ',"text":' + jsonString(m.text) + "}";
}

function writeResult(result: StatementResult, opts: JsonOptions): void {
  out.text('{"statement_id":' + result.statement_id);
  if (result.series !== undefined && result.series.length > 0) {
    const time = timeWriter(opts, result.statement_id);
    out.text(',"series":[');
    result.series.forEach((s, i) => {
      if (i > 0) out.byte(COMMA);
      writeSeries(s, time);
    });
    out.byte(CLOSE_ARRAY);
  }
  if (result.messages !== undefined && result.messages.length > 0) {
    out.text(',"messages":[' + result.messages.map(messageJson).join(",") + "]");
  }
  if (result.partial) out.text(',"partial":true');
  if (result.error) out.text(',"error":' + jsonString(result.error));
  out.text("}");
}

const utf8 = new TextDecoder();
const toUtf8 = new TextEncoder();

/**
 * A whole answer as UTF-8: `{"results":[...]}` and a newline (`{}` when there are no results).
 * What /query sends; `pretty` answers are indented as text first. Unless pretty, the bytes are a
 * view of a buffer the next answer reuses: compress or copy them before encoding another.
 */
export function encodeJsonBytes(results: StatementResult[], opts: JsonOptions = {}): Uint8Array<ArrayBuffer> {
  out.reset();
  if (results.length === 0) out.text("{}");
  else {
    out.text('{"results":[');
    results.forEach((r, i) => {
      if (i > 0) out.byte(COMMA);
      writeResult(r, opts);
    });
    out.text("]}");
  }
  if (opts.pretty) return toUtf8.encode(indentJson(utf8.decode(out.finish()), INDENT) + "\n");
  out.byte(0x0a);
  return out.finish();
}

/** A whole answer as text. */
export function encodeJson(results: StatementResult[], opts: JsonOptions = {}): string {
  return utf8.decode(encodeJsonBytes(results, opts));
}

/** One line of a chunked answer: InfluxDB sends each chunk as its own one-result response. */
export function encodeJsonChunk(chunk: StatementResult, opts: JsonOptions = {}): string {
  return encodeJson([chunk], opts);
}

/** A request-level failure (HTTP 400 and the like): `{"error":"..."}` and a newline. */
export function encodeJsonError(message: string, opts: Pick<JsonOptions, "pretty"> = {}): string {
  const compact = '{"error":' + jsonString(message) + "}";
  return (opts.pretty ? indentJson(compact, INDENT) : compact) + "\n";
}
