/**
 * The rules of explicit measurement schemas (DECISIONS.md #9, SEMANTICS.md §7), with the spec's
 * own error messages: one `timestamp` column named `time`, at least one field, unique names, names
 * as InfluxDB Cloud allows them. A field without `dataType` is a string field, as in Cloud.
 */
import type { MeasurementColumn } from "../../storage/meta/schema.ts";
import { invalid } from "../errors.ts";

/** 1 to 128 characters, not starting with `_` or a digit, no quotes. */
function validName(name: string): boolean {
  return name.length >= 1 && name.length <= 128 && !/^[_0-9]/.test(name) && !/['"]/.test(name);
}

export function checkMeasurementName(name: string): string {
  if (!validName(name)) throw invalid("name is invalid");
  return name;
}

/** The columns to store, normalized (fields carry their data type). */
export function checkColumns(columns: MeasurementColumn[] | undefined): MeasurementColumn[] {
  if (columns === undefined || columns.length === 0) throw invalid("columns is required");
  const names = new Set<string>();
  const out: MeasurementColumn[] = [];
  for (const c of columns) {
    if (names.has(c.name)) throw invalid("Duplicate column names");
    names.add(c.name);
    if (c.type === "timestamp") {
      if (c.name !== "time") throw invalid(`Timestamp column must be named "time", not "${c.name}"`);
    } else if (!validName(c.name)) {
      throw invalid(`column name "${c.name}" is invalid`);
    }
    if (c.type !== "field" && c.dataType !== undefined) throw invalid(`column "${c.name}": dataType is only valid on field columns`);
    out.push(c.type === "field" ? { name: c.name, type: c.type, dataType: c.dataType ?? "string" } : { name: c.name, type: c.type });
  }
  if (!out.some((c) => c.type === "field")) throw invalid("At least one field column is required");
  if (!out.some((c) => c.type === "timestamp")) throw invalid("Timestamp column is required");
  return out;
}

/** An update may only add columns: every existing one stays, with its type. */
export function checkColumnUpdate(existing: MeasurementColumn[], columns: MeasurementColumn[] | undefined): MeasurementColumn[] {
  const next = checkColumns(columns);
  const byName = new Map(next.map((c) => [c.name, c]));
  for (const old of existing) {
    const now = byName.get(old.name);
    if (!now) throw invalid("Unable to delete columns from schema");
    if (now.type !== old.type || now.dataType !== old.dataType) throw invalid(`Unable to change the type of column "${old.name}"`);
  }
  return next;
}
