/** A statement failed in a way InfluxDB reports inside the statement's result (HTTP 200), e.g. `database not found: x`. */
export class StatementError extends Error {
  override name = "StatementError";
}
