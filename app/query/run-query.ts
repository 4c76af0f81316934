import type { Statement } from "../influxql/parser.ts";
import type { QueryContext } from "./query-context.ts";
import { type ChunkStyle, DEFAULT_CHUNK_SIZE } from "./encode/chunk.ts";
import type { ResultSeries, StatementResult } from "./result.ts";
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

/**
 * How the non-chunked 1.x handler folds emitted results into one per statement. Its emitter cuts
 * a `rows` statement's series every DEFAULT_CHUNK_SIZE values even then, marking all pieces but
 * the last partial; the handler appends each piece to the first, which keeps its mark — so a
 * series of more than 10,000 values answers with `"partial": true`.
 */
export function mergeResults(emitted: StatementResult[], styleOf: (result: StatementResult) => ChunkStyle): StatementResult[] {
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
  for (const r of out) {
    if (r.series === undefined || styleOf(r) !== "rows" || !r.series.some(isCut)) continue;
    r.series = r.series.map((s) => (isCut(s) ? { ...s, partial: true } : s));
  }
  return out;
}

function isCut(series: ResultSeries): boolean {
  return series.values.length > DEFAULT_CHUNK_SIZE;
}
