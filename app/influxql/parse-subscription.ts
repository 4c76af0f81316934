/** CREATE and DROP SUBSCRIPTION. */
import type { CreateSubscriptionStatement, DropSubscriptionStatement } from "./ast.ts";
import { unexpected } from "./parse-error.ts";
import { parseIdent, parseStringList, parseTokens } from "./parse-primitives.ts";
import type { TokenStream } from "./token-stream.ts";

/** `name ON db.rp`; the dot must follow the database directly. */
function parseTarget(ts: TokenStream): { name: string; database: string; retentionPolicy: string } {
  const name = parseIdent(ts);
  parseTokens(ts, ["ON"]);
  const database = parseIdent(ts);
  const dot = ts.scan();
  if (dot.tok !== "DOT") throw unexpected(dot, ["."]);
  return { name, database, retentionPolicy: parseIdent(ts) };
}

/** After CREATE SUBSCRIPTION. */
export function parseCreateSubscription(ts: TokenStream): CreateSubscriptionStatement {
  const target = parseTarget(ts);
  parseTokens(ts, ["DESTINATIONS"]);
  const mode = ts.scanIgnoreWhitespace();
  if (mode.tok !== "ALL" && mode.tok !== "ANY") throw unexpected(mode, ["ALL", "ANY"]);
  return { kind: "create-subscription", ...target, mode: mode.tok, destinations: parseStringList(ts) };
}

/** After DROP SUBSCRIPTION. */
export function parseDropSubscription(ts: TokenStream): DropSubscriptionStatement {
  return { kind: "drop-subscription", ...parseTarget(ts) };
}
