/** Data removal: DELETE, DROP SERIES, DROP MEASUREMENT, DROP SHARD. */
import type {
  DeleteStatement,
  DropMeasurementStatement,
  DropSeriesStatement,
  DropShardStatement,
  Expr,
  Source,
} from "./ast.ts";
import { parseCondition } from "./parse-clauses.ts";
import { errorAt, unexpected } from "./parse-error.ts";
import { parseIdent, parseUInt64 } from "./parse-primitives.ts";
import { parseSources } from "./parse-sources.ts";
import type { TokenStream } from "./token-stream.ts";

/**
 * `[FROM sources] [WHERE condition]` with at least one of the two. `allowRetentionPolicy`: DELETE
 * accepts `rp.m`, DROP SERIES does not; neither accepts a database. When several sources break
 * the rules, InfluxDB reports the last violation it saw.
 */
function parseFromWhere(ts: TokenStream, allowRetentionPolicy: boolean): { sources: Source[]; condition: Expr | null } {
  const first = ts.scanIgnoreWhitespace();
  let sources: Source[] = [];
  if (first.tok === "FROM") {
    sources = parseSources(ts, false);
    let violation = "";
    for (const s of sources) {
      if (s.kind !== "measurement") continue;
      if (s.database !== "") violation = "database not supported";
      if (!allowRetentionPolicy && s.retentionPolicy !== "") violation = "retention policy not supported";
    }
    if (violation !== "") throw errorAt(violation);
  } else {
    ts.unscan();
  }
  const condition = parseCondition(ts);
  if (condition === null && sources.length === 0) throw unexpected(first, ["FROM", "WHERE"]);
  return { sources, condition };
}

/** After DELETE. */
export function parseDelete(ts: TokenStream): DeleteStatement {
  return { kind: "delete", ...parseFromWhere(ts, true) };
}

/** After DROP SERIES. */
export function parseDropSeries(ts: TokenStream): DropSeriesStatement {
  return { kind: "drop-series", ...parseFromWhere(ts, false) };
}

/** After DROP MEASUREMENT. */
export function parseDropMeasurement(ts: TokenStream): DropMeasurementStatement {
  return { kind: "drop-measurement", name: parseIdent(ts) };
}

/** After DROP SHARD. */
export function parseDropShard(ts: TokenStream): DropShardStatement {
  return { kind: "drop-shard", id: parseUInt64(ts) };
}
