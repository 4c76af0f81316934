/** EXPLAIN [ANALYZE] [VERBOSE] SELECT ... */
import type { ExplainStatement } from "./ast.ts";
import { unexpected } from "./parse-error.ts";
import { accept } from "./parse-primitives.ts";
import { parseSelectStatement } from "./parse-select.ts";
import type { TokenStream } from "./token-stream.ts";

/** After EXPLAIN. */
export function parseExplain(ts: TokenStream): ExplainStatement {
  const analyze = accept(ts, "ANALYZE");
  const verbose = accept(ts, "VERBOSE");
  const select = ts.scanIgnoreWhitespace();
  if (select.tok !== "SELECT") throw unexpected(select, ["SELECT"]);
  return { kind: "explain", analyze, verbose, statement: parseSelectStatement(ts, "optional") };
}
