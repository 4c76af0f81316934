/**
 * InfluxDB's rule for database and retention policy names in mappings: printable, not empty, not
 * `.` or `..`, without `/` or `\` (a bucket named `db/rp` stands for that pair, so `/` can't be in
 * either part). The messages are InfluxDB's.
 */
import { invalid } from "../errors.ts";

/** Go's !unicode.IsPrint: controls, format and unassigned characters, and spaces other than ' '. */
const NOT_PRINTABLE = /\p{C}|[^\P{Z} ]/u;

function validName(name: string): boolean {
  return name !== "" && name !== "." && name !== ".." && !/[/\\]/.test(name) && !NOT_PRINTABLE.test(name);
}

export function validateDatabase(name: string): string {
  if (!validName(name)) throw invalid("database must contain at least one character and only be letters, numbers, '_', '-', and '.'");
  return name;
}

export function validateRetentionPolicy(name: string): string {
  if (!validName(name)) throw invalid("retentionPolicy must contain at least one character and only be letters, numbers, '_', '-', and '.'");
  return name;
}
