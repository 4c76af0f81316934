import type { SeriesDef } from "../point-batch.ts";

/**
 * Series key → dense numeric id for one bucket, plus the measurement → series lookup queries start
 * from. Rebuilt at start from segment footers and WAL replay, so it needs no file of its own.
 */
export class SeriesIndex {
  private readonly byKey = new Map<string, number>();
  readonly defs: SeriesDef[] = [];
  private readonly byMeasurement = new Map<string, number[]>();

  idOf(def: SeriesDef): number {
    const known = this.byKey.get(def.key);
    if (known !== undefined) return known;
    const id = this.defs.length;
    this.defs.push(def);
    this.byKey.set(def.key, id);
    const list = this.byMeasurement.get(def.measurement);
    if (list) list.push(id);
    else this.byMeasurement.set(def.measurement, [id]);
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
}
