/**
 * v1 `/query` answers as msgpack, byte for byte as InfluxDB 1.6.7's `msgpackFormatter` writes them.
 * It differs from the JSON shape: `series` is always present (`[]` when empty), `messages` comes
 * before it, a failed statement is `{"error": ...}` alone (no statement_id), `values` is written
 * even when empty, and times are msgp time extensions. A chunked answer is one such document per
 * chunk, back to back.
 */
import type { ResultMessage, ResultSeries, ResultValue, StatementResult } from "../result.ts";
import { epochValue, type Epoch } from "./epoch.ts";
import { MsgpackWriter } from "./msgpack-writer.ts";
import { sortedTagKeys } from "./tag-order.ts";
import { hasTimeColumn, unixSeconds } from "./time-column.ts";

export interface MsgpackOptions {
  /** Times as integers in this unit instead of time extensions. */
  epoch?: Epoch;
}

const NS_PER_SEC = 1_000_000_000n;

function writeValue(w: MsgpackWriter, v: ResultValue): void {
  switch (typeof v) {
    case "number":
      // NaN is a null float by the time InfluxDB encodes it.
      if (Number.isNaN(v)) w.nil();
      else w.float64(v);
      return;
    case "bigint":
      w.int(v);
      return;
    case "string":
      w.string(v);
      return;
    case "boolean":
      w.bool(v);
      return;
    default:
      w.nil();
  }
}

function writeTime(w: MsgpackWriter, ns: bigint, epoch: Epoch | undefined): void {
  if (epoch !== undefined) {
    w.int(epochValue(ns, epoch));
    return;
  }
  const seconds = unixSeconds(ns);
  w.time(seconds, Number(ns - seconds * NS_PER_SEC));
}

function writeSeries(w: MsgpackWriter, series: ResultSeries, epoch: Epoch | undefined): void {
  const tagKeys = series.tags === undefined ? [] : sortedTagKeys(series.tags);
  w.mapHeader(2 + (series.name ? 1 : 0) + (tagKeys.length > 0 ? 1 : 0) + (series.partial ? 1 : 0));
  if (series.name) {
    w.string("name");
    w.string(series.name);
  }
  if (series.tags !== undefined && tagKeys.length > 0) {
    // Go ranges over the tag map in random order; sorted is one of the orders it can produce.
    w.string("tags");
    w.mapHeader(tagKeys.length);
    for (const key of tagKeys) {
      w.string(key);
      w.string(series.tags[key]);
    }
  }
  w.string("columns");
  w.arrayHeader(series.columns.length);
  for (const column of series.columns) w.string(column);
  w.string("values");
  w.arrayHeader(series.values.length);
  const timeFirst = hasTimeColumn(series);
  for (const row of series.values) {
    w.arrayHeader(row.length);
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (i === 0 && timeFirst && typeof v === "bigint") writeTime(w, v, epoch);
      else writeValue(w, v);
    }
  }
  if (series.partial) {
    w.string("partial");
    w.bool(true);
  }
}

function writeMessages(w: MsgpackWriter, messages: ResultMessage[]): void {
  w.string("messages");
  w.arrayHeader(messages.length);
  for (const m of messages) {
    w.mapHeader(2);
    w.string("level");
    w.string(m.level);
    w.string("text");
    w.string(m.text);
  }
}

function writeResult(w: MsgpackWriter, result: StatementResult, epoch: Epoch | undefined): void {
  if (result.error) {
    w.mapHeader(1);
    w.string("error");
    w.string(result.error);
    return;
  }
  const messages = result.messages ?? [];
  const series = result.series ?? [];
  w.mapHeader(2 + (messages.length > 0 ? 1 : 0) + (result.partial ? 1 : 0));
  w.string("statement_id");
  w.int(result.statement_id);
  if (messages.length > 0) writeMessages(w, messages);
  w.string("series");
  w.arrayHeader(series.length);
  for (const s of series) writeSeries(w, s, epoch);
  if (result.partial) {
    w.string("partial");
    w.bool(true);
  }
}

/** One msgpack document `{"results": [...]}`; for chunked output, call it per chunk. */
export function encodeMsgpack(results: StatementResult[], opts: MsgpackOptions = {}): Uint8Array<ArrayBuffer> {
  const w = new MsgpackWriter();
  w.mapHeader(1);
  w.string("results");
  w.arrayHeader(results.length);
  for (const result of results) writeResult(w, result, opts.epoch);
  return w.finish();
}

/** A request-level failure (HTTP 400): `{"error": message}`. */
export function encodeMsgpackError(message: string): Uint8Array<ArrayBuffer> {
  const w = new MsgpackWriter();
  w.mapHeader(1);
  w.string("error");
  w.string(message);
  return w.finish();
}
