/** FROM sources: `m`, `rp.m`, `db.rp.m`, `db..m`, `/regex/`, `db.rp./regex/`, `(SELECT ...)`. */
import type { Measurement, Source } from "./ast.ts";
import { parseRegex } from "./parse-expr.ts";
import { parseSegmentedIdents, parseTokens } from "./parse-primitives.ts";
import { parseSelectStatement } from "./parse-select.ts";
import type { TokenStream } from "./token-stream.ts";

export function parseSources(ts: TokenStream, subqueries: boolean): Source[] {
  const sources: Source[] = [];
  for (;;) {
    sources.push(parseSource(ts, subqueries));
    if (ts.scanIgnoreWhitespace().tok !== "COMMA") {
      ts.unscan();
      return sources;
    }
  }
}

export function parseSource(ts: TokenStream, subqueries: boolean): Source {
  const m: Measurement = { kind: "measurement", database: "", retentionPolicy: "", name: "", regex: null };
  const leading = parseRegex(ts);
  if (leading !== null) return { ...m, regex: leading };

  if (subqueries) {
    const t = ts.scanIgnoreWhitespace();
    if (t.tok === "LPAREN") {
      ts.enter(t);
      parseTokens(ts, ["SELECT"]);
      const statement = parseSelectStatement(ts, "subquery");
      parseTokens(ts, ["RPAREN"]);
      ts.leave();
      return { kind: "subquery", statement };
    }
    ts.unscan();
  }

  const idents = parseSegmentedIdents(ts);
  if (idents.length === 3) return { ...m, database: idents[0], retentionPolicy: idents[1], name: idents[2] };
  // A regex may follow the dots: `rp./re/`, `db.rp./re/`, `db../re/`.
  const regex = parseRegex(ts);
  if (idents.length === 1) {
    return regex !== null ? { ...m, retentionPolicy: idents[0], regex } : { ...m, name: idents[0] };
  }
  return regex !== null
    ? { ...m, database: idents[0], retentionPolicy: idents[1], regex }
    : { ...m, retentionPolicy: idents[0], name: idents[1] };
}
