/**
 * Recorded msgpack answers back into the result model. A decoder of our own, because the wire
 * type is the point: integers (any int/uint form) become bigint, float64 stays a number, and the
 * msgp time extension becomes bigint nanoseconds.
 */
import type { Epoch } from "../../../app/query/encode/epoch.ts";
import type { ResultSeries, ResultValue, StatementResult } from "../../../app/query/result.ts";
import { epochToNs } from "./golden-fixtures.ts";

/** A decoded time extension (type 5). */
export class Time {
  constructor(readonly ns: bigint) {}
}

type Msg = null | boolean | number | bigint | string | Time | Msg[] | Map<string, Msg>;

class Reader {
  pos = 0;
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private take(n: number): number {
    const at = this.pos;
    this.pos += n;
    return at;
  }

  private str(n: number): string {
    return new TextDecoder().decode(this.bytes.subarray(this.take(n), this.pos));
  }

  private arr(n: number): Msg[] {
    return Array.from({ length: n }, () => this.value());
  }

  private map(n: number): Map<string, Msg> {
    const m = new Map<string, Msg>();
    for (let i = 0; i < n; i++) m.set(this.value() as string, this.value());
    return m;
  }

  value(): Msg {
    const b = this.bytes[this.take(1)];
    const v = this.view;
    if (b <= 0x7f) return BigInt(b);
    if (b >= 0xe0) return BigInt(b - 0x100);
    if ((b & 0xe0) === 0xa0) return this.str(b & 0x1f);
    if ((b & 0xf0) === 0x90) return this.arr(b & 0x0f);
    if ((b & 0xf0) === 0x80) return this.map(b & 0x0f);
    switch (b) {
      case 0xc0: return null;
      case 0xc2: return false;
      case 0xc3: return true;
      case 0xcb: return v.getFloat64(this.take(8));
      case 0xcc: return BigInt(v.getUint8(this.take(1)));
      case 0xcd: return BigInt(v.getUint16(this.take(2)));
      case 0xce: return BigInt(v.getUint32(this.take(4)));
      case 0xcf: return v.getBigUint64(this.take(8));
      case 0xd0: return BigInt(v.getInt8(this.take(1)));
      case 0xd1: return BigInt(v.getInt16(this.take(2)));
      case 0xd2: return BigInt(v.getInt32(this.take(4)));
      case 0xd3: return v.getBigInt64(this.take(8));
      case 0xd9: return this.str(v.getUint8(this.take(1)));
      case 0xda: return this.str(v.getUint16(this.take(2)));
      case 0xdc: return this.arr(v.getUint16(this.take(2)));
      case 0xde: return this.map(v.getUint16(this.take(2)));
      case 0xc7: {
        const at = this.take(14);
        if (v.getUint8(at) !== 12 || v.getInt8(at + 1) !== 5) throw new Error(`unexpected ext at ${at}`);
        return new Time(v.getBigInt64(at + 2) * 1_000_000_000n + BigInt(v.getInt32(at + 10)));
      }
      default:
        throw new Error(`msgpack type 0x${b.toString(16)} not expected in an InfluxDB answer`);
    }
  }
}

/** Every document of a body (one per chunk when chunked). */
export function decodeMsgpackDocuments(bytes: Uint8Array): Map<string, Msg>[] {
  const r = new Reader(bytes);
  const docs: Map<string, Msg>[] = [];
  while (r.pos < bytes.length) docs.push(r.value() as Map<string, Msg>);
  return docs;
}

function toSeries(m: Map<string, Msg>, epoch: Epoch | undefined): ResultSeries {
  const columns = m.get("columns") as string[];
  const values = (m.get("values") as Msg[][]).map((row) =>
    row.map((v, i): ResultValue => {
      if (v instanceof Time) return v.ns;
      if (i === 0 && columns[0] === "time" && typeof v === "bigint") return epochToNs(v, epoch);
      return v as ResultValue;
    }),
  );
  const series: ResultSeries = { columns, values };
  if (m.has("name")) series.name = m.get("name") as string;
  if (m.has("tags")) series.tags = Object.fromEntries(m.get("tags") as Map<string, string>);
  if (m.get("partial") === true) series.partial = true;
  return series;
}

/**
 * The results of one document. A failed statement carries no statement_id on this wire; its
 * position stands in (the goldens have failures only in single-statement queries).
 */
export function toResults(doc: Map<string, Msg>, epoch: Epoch | undefined): StatementResult[] {
  return (doc.get("results") as Map<string, Msg>[]).map((m, position) => {
    if (m.has("error")) return { statement_id: position, error: m.get("error") as string };
    const result: StatementResult = {
      statement_id: Number(m.get("statement_id")),
      series: (m.get("series") as Map<string, Msg>[]).map((s) => toSeries(s, epoch)),
    };
    if (m.has("messages")) {
      result.messages = (m.get("messages") as Map<string, string>[]).map((x) => ({
        level: x.get("level") as string,
        text: x.get("text") as string,
      }));
    }
    if (m.get("partial") === true) result.partial = true;
    return result;
  });
}
