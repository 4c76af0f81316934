/** CREATE and DROP CONTINUOUS QUERY, with InfluxDB's checks on the CQ's GROUP BY time. */
import type { CreateContinuousQueryStatement, DropContinuousQueryStatement, SelectStatement } from "./ast.ts";
import { DurationError, formatDuration, parseDuration } from "./duration.ts";
import { errorAt, plainError, unexpected } from "./parse-error.ts";
import { accept, parseIdent, parseTokens } from "./parse-primitives.ts";
import { parseSelectStatement } from "./parse-select.ts";
import type { TokenStream } from "./token-stream.ts";

/** The GROUP BY time(...) interval (0 when absent), or the message InfluxDB gives for a bad one. */
function groupByInterval(s: SelectStatement): { interval: bigint; error: string | null } {
  for (const d of s.dimensions) {
    if (d.kind !== "call" || d.name !== "time") continue;
    if (d.args.length < 1 || d.args.length > 2) return { interval: 0n, error: "time dimension expected 1 or 2 arguments" };
    const arg = d.args[0];
    if (arg.kind !== "duration") return { interval: 0n, error: "time dimension must have duration argument" };
    return { interval: arg.value, error: null };
  }
  return { interval: 0n, error: null };
}

/** A duration after EVERY or FOR. */
function parseResampleDuration(ts: TokenStream): bigint {
  const t = ts.scanIgnoreWhitespace();
  if (t.tok !== "DURATIONVAL") throw unexpected(t, ["duration"]);
  try {
    return parseDuration(t.lit);
  } catch (e) {
    if (e instanceof DurationError) throw errorAt(e.message, t.pos);
    throw e;
  }
}

/** After CREATE CONTINUOUS QUERY. */
export function parseCreateContinuousQuery(ts: TokenStream): CreateContinuousQueryStatement {
  const name = parseIdent(ts);
  parseTokens(ts, ["ON"]);
  const database = parseIdent(ts);

  let resampleEvery = 0n;
  let resampleFor = 0n;
  if (accept(ts, "RESAMPLE")) {
    if (accept(ts, "EVERY")) resampleEvery = parseResampleDuration(ts);
    if (accept(ts, "FOR")) resampleFor = parseResampleDuration(ts);
    if (resampleEvery === 0n && resampleFor === 0n) throw unexpected(ts.scanIgnoreWhitespace(), ["EVERY", "FOR"]);
  }

  parseTokens(ts, ["BEGIN", "SELECT"]);
  const source = parseSelectStatement(ts, "required");
  if (!source.isRawQuery) {
    const { interval, error } = groupByInterval(source);
    if (interval === 0n || error !== null) {
      // Go steps back two tokens to point its error at the end of the SELECT.
      ts.unscan();
      ts.unscan();
      const expected = ["GROUP BY time(...)"];
      if (error !== null) expected.push(error);
      throw unexpected(ts.scanIgnoreWhitespace(), expected);
    }
  }
  parseTokens(ts, ["END"]);

  let { interval, error } = groupByInterval(source);
  if (error !== null) throw plainError(error);
  if (resampleFor !== 0n) {
    if (resampleEvery !== 0n && resampleEvery > interval) interval = resampleEvery;
    if (interval > resampleFor) {
      throw plainError(
        "FOR duration must be >= GROUP BY time duration: must be a minimum of " +
          `${formatDuration(interval)}, got ${formatDuration(resampleFor)}`,
      );
    }
  }
  return { kind: "create-continuous-query", name, database, source, resampleEvery, resampleFor };
}

/** After DROP CONTINUOUS QUERY. */
export function parseDropContinuousQuery(ts: TokenStream): DropContinuousQueryStatement {
  const name = parseIdent(ts);
  parseTokens(ts, ["ON"]);
  return { kind: "drop-continuous-query", name, database: parseIdent(ts) };
}
