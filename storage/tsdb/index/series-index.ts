import type { SeriesDef } from "../point-batch.ts";

/**
 * Series key → dense numeric id for one bucket, plus the measurement → series lookup queries start
 * from. Rebuilt at start from segment footers and WAL replay, so it needs no file of its own.
 */
export class SeriesIndex {
  private readonly byKey = new Map<string, number>();
  readonly defs: SeriesDef[] = [];
  private readonly byMeasurement = new Map<string, number[]>();
  /** measurement NUL tag key → tag value → series ids, ascending: tag predicates select series without scanning them all. */
  private readonly byTag = new Map<string, Map<string, number[]>>();

  idOf(def: SeriesDef): number {
    const known = this.byKey.get(def.key);
    if (known !== undefined) return known;
    const id = this.defs.length;
    this.defs.push(def);
    this.byKey.set(def.key, id);
    const list = this.byMeasurement.get(def.measurement);
    if (list) list.push(id);
    else this.byMeasurement.set(def.measurement, [id]);
    for (let i = 0; i < def.tags.length; i += 2) {
      const k = `${def.measurement}\u0000${def.tags[i]}`;
      let values = this.byTag.get(k);
      if (!values) this.byTag.set(k, (values = new Map()));
      const ids = values.get(def.tags[i + 1]);
      if (ids) ids.push(id);
      else values.set(def.tags[i + 1], [id]);
    }
    return id;
  }

  lookup(key: string): number | undefined {
    return this.byKey.get(key);
  }

  measurements(): string[] {
    return [...this.byMeasurement.keys()].sort();
  }

  seriesOf(measurement: string): readonly number[] {
    return this.byMeasurement.get(measurement) ?? [];
  }

  /** Series of the measurement whose tag `key` is `value`, in id order. */
  seriesWithTag(measurement: string, key: string, value: string): readonly number[] {
    return this.byTag.get(`${measurement}\u0000${key}`)?.get(value) ?? [];
  }
}
