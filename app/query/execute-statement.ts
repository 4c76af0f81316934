import type { Statement } from "../influxql/parser.ts";
import { executeMeta } from "./meta/execute-meta.ts";
import type { QueryContext } from "./query-context.ts";
import type { StatementResult } from "./result.ts";
import { executeSelect } from "./select/execute-select.ts";

/** One statement's result (without its id); throws StatementError for an error inside the result. */
export function executeStatement(statement: Statement, qc: QueryContext): Promise<Omit<StatementResult, "statement_id">> {
  if (statement.kind === "select") return executeSelect(statement, qc);
  return executeMeta(statement, qc);
}
