/**
 * Points between the storage layer and the result rows: aggregated values, raw rows of a raw
 * query, transform outputs. A stream is an array of points in the order InfluxDB's iterators emit
 * them (by measurement, then series tags, then time), carrying the iterator's value type.
 */
import type { DT } from "./data-type.ts";
import type { Tags } from "./tags.ts";
import type { Value } from "./value.ts";

export interface Point {
  name: string;
  tags: Tags;
  time: bigint;
  /** null when `nil` (a filled or missing value). */
  value: Value;
  nil: boolean;
  /** Auxiliary values (fields and tags read at this point); undefined is a missing field. */
  aux: (Value | undefined)[] | null;
  /** How many points a partial aggregate stands for (weights means when combining). */
  aggregated: number;
}

export interface Stream {
  type: DT;
  points: Point[];
}

/** Sentinel time of a point that takes its window's start (Go's ZeroTime). */
export const ZERO_TIME = -9223372036854775808n;

export function point(name: string, tags: Tags, time: bigint, value: Value, aux: (Value | undefined)[] | null = null, aggregated = 0): Point {
  return { name, tags, time, value, nil: value === null, aux, aggregated };
}
