import { FIELD_TYPE_NAMES, type FieldType } from "../point-batch.ts";

/**
 * (measurement, field) → type, fixed by the first write, as InfluxDB fixes it; plus a dense id per
 * field name so per-series buffers can index their columns by array position.
 */
export class FieldRegistry {
  private readonly types = new Map<string, Map<string, FieldType>>();
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  typeOf(measurement: string, field: string): FieldType | undefined {
    return this.types.get(measurement)?.get(field);
  }

  define(measurement: string, field: string, type: FieldType): void {
    let m = this.types.get(measurement);
    if (!m) this.types.set(measurement, (m = new Map()));
    if (!m.has(field)) m.set(field, type);
  }

  /** Forgets a dropped measurement's field types, so it may be written again with others. */
  forget(measurement: string): void {
    this.types.delete(measurement);
  }

  fieldsOf(measurement: string): ReadonlyMap<string, FieldType> {
    return this.types.get(measurement) ?? new Map();
  }

  idOf(field: string): number {
    let id = this.ids.get(field);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(field);
      this.ids.set(field, id);
    }
    return id;
  }

  lookupId(field: string): number | undefined {
    return this.ids.get(field);
  }
}

/** InfluxDB's wording, so clients that match on it keep working. */
export function fieldTypeConflictMessage(field: string, measurement: string, got: FieldType, want: FieldType): string {
  return `field type conflict: input field "${field}" on measurement "${measurement}" is type ${FIELD_TYPE_NAMES[got]}, already exists as type ${FIELD_TYPE_NAMES[want]}`;
}
