import type { Statement } from "../../influxql/parser.ts";
import type { QueryContext } from "../query-context.ts";
import type { StatementResult } from "../result.ts";
import { StatementError } from "../statement-error.ts";

export async function executeMeta(statement: Statement, _qc: QueryContext): Promise<Omit<StatementResult, "statement_id">> {
  throw new StatementError(`${statement.kind} is not supported yet`);
}
