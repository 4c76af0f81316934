/**
 * Recorded CSV answers back into the result model. CSV has no types; the guess below (integers as
 * bigint, other numbers that print back the same as floats, true/false as booleans, empty as null)
 * is enough because every candidate type prints the same text.
 */
import { formatFloatF } from "../../../app/influxql/go-float.ts";
import type { Epoch } from "../../../app/query/encode/epoch.ts";
import type { ResultSeries, ResultValue, StatementResult } from "../../../app/query/result.ts";
import { epochToNs } from "./golden-fixtures.ts";

/** RFC 4180 records; an empty line is the record `[]` (InfluxDB's separator between tables). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === "\n") {
      records.push([]);
      i++;
      continue;
    }
    const record: string[] = [];
    for (;;) {
      let field = "";
      if (text[i] === '"') {
        for (i++; ; i++) {
          if (text[i] === '"' && text[i + 1] === '"') {
            field += '"';
            i++;
          } else if (text[i] === '"') {
            i++;
            break;
          } else field += text[i];
        }
      } else {
        while (i < text.length && text[i] !== "," && text[i] !== "\n") field += text[i++];
      }
      record.push(field);
      if (text[i++] !== ",") break;
    }
    records.push(record);
  }
  return records;
}

function cellValue(cell: string): ResultValue {
  if (cell === "") return null;
  if (cell === "true" || cell === "false") return cell === "true";
  if (/^-?\d+$/.test(cell) && cell !== "-0") return BigInt(cell);
  const n = Number(cell);
  return !Number.isNaN(n) && formatFloatF(n) === cell ? n : cell;
}

/** `k=v,k2=v2` with line-protocol escapes. */
function parseTags(text: string): Record<string, string> | undefined {
  if (text === "") return undefined;
  const unescape = (s: string) => s.replace(/\\([, =])/g, "$1");
  const tags: Record<string, string> = {};
  for (const pair of text.split(/(?<!\\),/)) {
    const [key, value] = pair.split(/(?<!\\)=/);
    tags[unescape(key)] = unescape(value);
  }
  return tags;
}

/**
 * One result per table (a header and its rows); a table change inside a statement and a new
 * statement print the same, so either reading re-encodes the same. Consecutive rows with the same
 * name and tags form a series.
 */
export function toResults(text: string, epoch: Epoch | undefined): StatementResult[] {
  const results: StatementResult[] = [];
  let columns: string[] | null = null;
  for (const record of parseCsv(text)) {
    if (record.length === 0) {
      columns = null;
      continue;
    }
    if (columns === null) {
      columns = record.slice(2);
      results.push({ statement_id: results.length, series: [] });
      continue;
    }
    const series = results.at(-1)!.series!;
    const [name, tagText, ...cells] = record;
    let current: ResultSeries | undefined = series.at(-1);
    if (current === undefined || (current.name ?? "") !== name || JSON.stringify(current.tags) !== JSON.stringify(parseTags(tagText))) {
      current = { columns, values: [] };
      if (name !== "") current.name = name;
      const tags = parseTags(tagText);
      if (tags !== undefined) current.tags = tags;
      series.push(current);
    }
    const timeFirst = columns[0] === "time";
    current.values.push(cells.map((c, i) => (i === 0 && timeFirst ? epochToNs(BigInt(c), epoch) : cellValue(c))));
  }
  return results;
}
