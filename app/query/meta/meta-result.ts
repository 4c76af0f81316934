import type { StatementResult } from "../result.ts";

/** A statement's result before the runner numbers it. */
export type MetaResult = Omit<StatementResult, "statement_id">;
