import type { SelectStatement } from "../../influxql/parser.ts";
import type { QueryContext } from "../query-context.ts";
import type { StatementResult } from "../result.ts";
import { StatementError } from "../statement-error.ts";

export async function executeSelect(_statement: SelectStatement, _qc: QueryContext): Promise<Omit<StatementResult, "statement_id">> {
  throw new StatementError("SELECT is not supported yet");
}
