/**
 * InfluxQL parser entry point: query text (one or more `;`-separated statements) to syntax trees,
 * with InfluxDB 1.x's grammar and error messages.
 */
import type { Statement } from "./ast.ts";
import { unexpected } from "./parse-error.ts";
import type { BoundParams } from "./params.ts";
import { parseStatement } from "./statement-tree.ts";
import { TokenStream } from "./token-stream.ts";

export type * from "./ast.ts";
export { InfluxQLParseError } from "./parse-error.ts";
export { type BoundParams, decodeParams, QueryParamsError } from "./params.ts";
export { formatExpr, formatQuery, formatStatement } from "./format.ts";

const NO_PARAMS: BoundParams = new Map();

/**
 * Parses a query. `params` are the bound parameters from `decodeParams` (the `params` form
 * value); they are substituted for `$name` tokens while scanning, as InfluxDB does. Throws
 * InfluxQLParseError. Empty statements (`;;`, a trailing `;`, an empty query) are skipped.
 */
export function parseQuery(text: string, params: BoundParams = NO_PARAMS): Statement[] {
  const ts = new TokenStream(text, params);
  const statements: Statement[] = [];
  let separated = true;
  for (;;) {
    const t = ts.scanIgnoreWhitespace();
    if (t.tok === "EOF") return statements;
    if (t.tok === "SEMICOLON") {
      separated = true;
      continue;
    }
    if (!separated) throw unexpected(t, [";"]);
    ts.unscan();
    statements.push(parseStatement(ts));
    separated = false;
  }
}
