/**
 * v1 `/query` answers as CSV, as InfluxDB 1.6.7's `csvFormatter` writes them: a `name,tags,<columns>`
 * header when a statement starts and whenever the columns change between two series of one result,
 * a blank line before each further header, one record per row, nothing for empty or failed
 * statements. The formatter lives for the whole request, so chunks continue the same table.
 */
import { formatFloatF } from "../../influxql/go-float.ts";
import type { ResultSeries, ResultValue, StatementResult } from "../result.ts";
import { csvRecord } from "./csv-record.ts";
import { epochValue, type Epoch } from "./epoch.ts";
import { integerText } from "./integer-text.ts";
import { sortedTagKeys } from "./tag-order.ts";
import { hasTimeColumn } from "./time-column.ts";

export interface CsvOptions {
  /** Integer unit of the time column; nanoseconds when absent (CSV never prints RFC3339). */
  epoch?: Epoch;
}

const TAG_ESCAPE = /[, =]/g;

/** `models.NewTags(tags).HashKey()` without its leading comma: sorted, escaped, empty values left out. */
function tagsText(tags: Record<string, string> | undefined): string {
  if (tags === undefined) return "";
  const pairs: string[] = [];
  for (const key of sortedTagKeys(tags)) {
    const value = tags[key];
    if (value !== "") pairs.push(key.replace(TAG_ESCAPE, "\\$&") + "=" + value.replace(TAG_ESCAPE, "\\$&"));
  }
  return pairs.join(",");
}

function valueText(v: ResultValue): string {
  switch (typeof v) {
    case "number": {
      // NaN reaches the formatter as a null float (an empty field); ±Inf prints as Go's +Inf/-Inf.
      if (Number.isNaN(v)) return "";
      // Without an exponent JavaScript's text is already Go's 'f' form, except for -0.
      const text = String(v);
      return text.includes("e") || text === "0" || !Number.isFinite(v) ? formatFloatF(v) : text;
    }
    case "bigint":
      return integerText(v);
    case "string":
      return v;
    case "boolean":
      return v ? "true" : "false";
    default:
      return "";
  }
}

const RETENTION_POLICY_COLUMNS = ["name", "duration", "shardGroupDuration", "replicaN", "default"];

/**
 * 1.6.7 fills the record slots of a row in place and has no case for Go's plain `int`, so such a
 * value leaves the slot as it was: the header text. The one `int` strata answers with is replicaN
 * of SHOW RETENTION POLICIES, which therefore prints `replicaN`.
 */
function keepsSlot(series: ResultSeries, column: number): boolean {
  return (
    column === 3 && !series.name && series.columns.length === RETENTION_POLICY_COLUMNS.length &&
    series.columns.every((c, i) => c === RETENTION_POLICY_COLUMNS[i])
  );
}

function sameColumns(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

/**
 * A CSV writer for one request: feed it the results of a plain answer once, or each chunk in turn;
 * it returns the text to send for each call.
 */
export function createCsvEncoder(opts: CsvOptions = {}): (results: StatementResult[]) => string {
  const epoch = opts.epoch ?? "ns";
  let statementId = -1;
  let slots: string[] = [];
  const header = (columns: string[]): string => {
    slots = ["name", "tags", ...columns];
    return csvRecord(slots);
  };

  return (results) => {
    const out: string[] = [];
    for (const result of results) {
      const series = result.series ?? [];
      if (result.statement_id !== statementId) {
        if (series.length === 0) continue;
        if (statementId >= 0) out.push("\n");
        statementId = result.statement_id;
        out.push(header(series[0].columns));
      }
      for (let s = 0; s < series.length; s++) {
        const row = series[s];
        if (s > 0 && !sameColumns(series[s - 1].columns, row.columns)) out.push("\n", header(row.columns));
        slots[0] = row.name ?? "";
        slots[1] = tagsText(row.tags);
        const timeFirst = hasTimeColumn(row);
        const kept = row.columns.map((_, i) => keepsSlot(row, i));
        for (const values of row.values) {
          for (let i = 0; i < values.length; i++) {
            if (kept[i]) continue;
            const v = values[i];
            slots[i + 2] = i === 0 && timeFirst && typeof v === "bigint" ? integerText(epochValue(v, epoch)) : valueText(v);
          }
          out.push(csvRecord(slots));
        }
      }
    }
    return out.join("");
  };
}

/** A whole answer at once. */
export function encodeCsv(results: StatementResult[], opts: CsvOptions = {}): string {
  return createCsvEncoder(opts)(results);
}

/** A request-level failure (HTTP 400): an `error` header and the message. */
export function encodeCsvError(message: string): string {
  return csvRecord(["error"]) + csvRecord([message]);
}
