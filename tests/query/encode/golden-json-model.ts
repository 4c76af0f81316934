/**
 * Recorded JSON answers back into the result model. JSON.parse would round integers beyond 2^53,
 * so this small parser keeps integer-looking numbers as bigint (`-0` and anything with a fraction
 * or exponent stay floats); whether 5 was an integer or the float 5 does not change the JSON.
 */
import type { Epoch } from "../../../app/query/encode/epoch.ts";
import type { ResultSeries, ResultValue, StatementResult } from "../../../app/query/result.ts";
import { epochToNs } from "./golden-fixtures.ts";

export type Json = null | boolean | number | bigint | string | Json[] | { [key: string]: Json };

const NUMBER = /-?\d+(\.\d+)?([eE][+-]?\d+)?/y;
const WHITESPACE = /\s*/y;

class Parser {
  pos = 0;
  constructor(readonly text: string) {}

  skipSpace(): void {
    WHITESPACE.lastIndex = this.pos;
    WHITESPACE.exec(this.text);
    this.pos = WHITESPACE.lastIndex;
  }

  value(): Json {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    if (c === '"') return this.string();
    for (const [word, v] of [["true", true], ["false", false], ["null", null]] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return v;
      }
    }
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (m === null) throw new Error(`bad JSON at ${this.pos}: ${this.text.slice(this.pos, this.pos + 20)}`);
    this.pos = NUMBER.lastIndex;
    return m[1] === undefined && m[2] === undefined && m[0] !== "-0" ? BigInt(m[0]) : Number(m[0]);
  }

  string(): string {
    let end = this.pos + 1;
    while (this.text[end] !== '"') end += this.text[end] === "\\" ? 2 : 1;
    const s = JSON.parse(this.text.slice(this.pos, end + 1));
    this.pos = end + 1;
    return s;
  }

  expect(c: string): void {
    this.skipSpace();
    if (this.text[this.pos] !== c) throw new Error(`expected ${c} at ${this.pos}`);
    this.pos++;
  }

  /** Consumes `close` if it comes next. */
  closes(close: string): boolean {
    this.skipSpace();
    if (this.text[this.pos] !== close) return false;
    this.pos++;
    return true;
  }

  array(): Json[] {
    this.expect("[");
    const out: Json[] = [];
    if (this.closes("]")) return out;
    for (;;) {
      out.push(this.value());
      if (this.closes("]")) return out;
      this.expect(",");
    }
  }

  object(): { [key: string]: Json } {
    this.expect("{");
    const out: { [key: string]: Json } = {};
    if (this.closes("}")) return out;
    for (;;) {
      this.skipSpace();
      const key = this.string();
      this.expect(":");
      out[key] = this.value();
      if (this.closes("}")) return out;
      this.expect(",");
    }
  }
}

/** Every document of a body (one per chunk when chunked). */
export function parseJsonDocuments(text: string): Json[] {
  const p = new Parser(text);
  const docs: Json[] = [];
  for (p.skipSpace(); p.pos < text.length; p.skipSpace()) docs.push(p.value());
  return docs;
}

const RFC3339 = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?(Z|([+-])(\d\d):(\d\d))$/;

export function parseRfc3339(text: string): bigint {
  const m = RFC3339.exec(text);
  if (m === null) throw new Error(`not RFC3339: ${text}`);
  const [, y, mo, d, h, mi, s, frac, zone, sign, oh, om] = m;
  let seconds = BigInt(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) / 1000);
  if (zone !== "Z") seconds -= BigInt((sign === "-" ? -1 : 1) * (+oh * 3600 + +om * 60));
  return seconds * 1_000_000_000n + BigInt((frac ?? "").padEnd(9, "0"));
}

type JsonObject = { [key: string]: Json };

function toSeries(o: JsonObject, epoch: Epoch | undefined): ResultSeries {
  const columns = (o.columns ?? []) as string[];
  const values = ((o.values ?? []) as ResultValue[][]).map((row) => {
    if (columns[0] !== "time") return row;
    const t = row[0];
    const ns = typeof t === "string" ? parseRfc3339(t) : typeof t === "bigint" ? epochToNs(t, epoch) : t;
    return [ns, ...row.slice(1)];
  });
  const series: ResultSeries = { columns, values };
  if (o.name !== undefined) series.name = o.name as string;
  if (o.tags !== undefined) series.tags = o.tags as Record<string, string>;
  if (o.partial === true) series.partial = true;
  return series;
}

/** The results of one `{"results":[...]}` document. */
export function toResults(doc: Json, epoch: Epoch | undefined): StatementResult[] {
  return (((doc as JsonObject).results ?? []) as JsonObject[]).map((r) => {
    const result: StatementResult = { statement_id: Number(r.statement_id) };
    if (r.series !== undefined) result.series = (r.series as JsonObject[]).map((s) => toSeries(s, epoch));
    if (r.messages !== undefined) result.messages = r.messages as unknown as StatementResult["messages"];
    if (r.error !== undefined) result.error = r.error as string;
    if (r.partial === true) result.partial = true;
    return result;
  });
}
