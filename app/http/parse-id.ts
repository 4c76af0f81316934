import { isId } from "../../storage/meta/id.ts";
import { invalid } from "../errors.ts";

/**
 * An ID from a request (path, query or body), checked the way InfluxDB decodes IDs: a value of the
 * wrong length is 400 `id must have a length of 16 bytes`, a 16-character value that is not a valid
 * ID is 400 `invalid ID` (the spec's examples use both messages).
 */
export function parseId(value: string): string {
  if (value.length !== 16) throw invalid("id must have a length of 16 bytes");
  if (!isId(value)) throw invalid("invalid ID");
  return value;
}

/** parseId for an optional parameter: absent or empty means "not given". */
export function parseOptionalId(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : parseId(value);
}
