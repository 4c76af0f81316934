/** KILL QUERY <id> [ON host] */
import type { KillQueryStatement } from "./ast.ts";
import { accept, parseIdent, parseUInt64 } from "./parse-primitives.ts";
import type { TokenStream } from "./token-stream.ts";

/** After KILL QUERY. */
export function parseKillQuery(ts: TokenStream): KillQueryStatement {
  const queryId = parseUInt64(ts);
  return { kind: "kill-query", queryId, host: accept(ts, "ON") ? parseIdent(ts) : "" };
}
