import type { Statement } from "../influxql/parser.ts";
import type { QueryContext } from "./query-context.ts";
import type { StatementResult } from "./result.ts";
import { executeStatement } from "./execute-statement.ts";
import { StatementError } from "./statement-error.ts";

/** The error InfluxDB 1.x gives the statements after a failing one. */
const NOT_EXECUTED = "not executed";

/**
 * Runs the statements of one request in order, as InfluxDB 1.6.7's query executor emits them:
 * a failing statement stops the rest, and the executor then sends "not executed" results that
 * (by a quirk of 1.x) reuse the ids from the failing statement up to the second-to-last one.
 * Chunked responses show every emitted result; a non-chunked response merges results of the same
 * statement, a later error replacing an earlier result (see `mergeResults`).
 */
export async function runStatements(statements: Statement[], qc: QueryContext): Promise<StatementResult[]> {
  const emitted: StatementResult[] = [];
  for (let i = 0; i < statements.length; i++) {
    let result: StatementResult;
    try {
      result = { ...(await executeStatement(statements[i], qc)), statement_id: i };
    } catch (e) {
      if (!(e instanceof StatementError)) throw e;
      emitted.push({ statement_id: i, error: e.message });
      for (let k = i; k < statements.length - 1; k++) emitted.push({ statement_id: k, error: NOT_EXECUTED });
      break;
    }
    emitted.push(result);
  }
  return emitted;
}

/** How the non-chunked 1.x handler folds emitted results into one per statement. */
export function mergeResults(emitted: StatementResult[]): StatementResult[] {
  const out: StatementResult[] = [];
  for (const r of emitted) {
    const last = out[out.length - 1];
    if (last === undefined || last.statement_id !== r.statement_id) {
      out.push(r);
      continue;
    }
    if (r.error !== undefined) out[out.length - 1] = r;
    else if (r.series) last.series = [...(last.series ?? []), ...r.series];
  }
  return out;
}
