/**
 * The columnar form of one write request, as the line-protocol parser produces it and the engine
 * consumes it. Nothing here is one object per point: points and field values live in parallel
 * typed arrays; only distinct series keys, field keys and string values are JS strings.
 *
 * Timestamps are int64 nanoseconds split into an integer millisecond part (exact in a double for
 * every int64 nanosecond time) and the nanoseconds within that millisecond, so no BigInt is needed.
 */
export const FieldType = {
  Float: 0,
  Integer: 1,
  Unsigned: 2,
  String: 3,
  Boolean: 4,
} as const;
export type FieldType = (typeof FieldType)[keyof typeof FieldType];

export const FIELD_TYPE_NAMES = ["float", "integer", "unsigned", "string", "boolean"] as const;

export interface SeriesDef {
  /** Canonical series key: escaped measurement, then `,key=value` pairs sorted by key (InfluxDB's form). */
  key: string;
  measurement: string;
  /** Tag keys and values, unescaped, sorted by key: [k0, v0, k1, v1, ...]. */
  tags: string[];
}

export interface RejectedLine {
  /** 1-based line number in the request body. */
  line: number;
  message: string;
}

export interface PointBatch {
  /** Distinct series of the accepted points, each interned once per batch. */
  series: SeriesDef[];
  /** Distinct field keys of the accepted points. */
  fieldKeys: string[];

  /** Accepted points (lines); arrays may be longer than the count. */
  pointCount: number;
  pointSeries: Int32Array;
  pointTimeMs: Float64Array;
  /** Nanoseconds within the millisecond, 0..999_999 (also for negative times: ms is floored). */
  pointTimeNs: Int32Array;
  /** 1-based line number of each point, for errors the engine finds later (field type conflicts). */
  pointLine: Int32Array;

  /** Field values of the accepted points, in point order; arrays may be longer than the count. */
  fieldCount: number;
  fieldPoint: Int32Array;
  fieldKey: Int32Array;
  fieldType: Uint8Array;
  /**
   * One 8-byte slot per field value, read according to its type: Float as float64; Boolean as 0 or 1;
   * String as an index into `strings`; Integer and Unsigned as the int64/uint64 bits, little-endian,
   * read through `fieldWords` (lo, hi int32 pairs over the same buffer) so no BigInt is needed.
   */
  fieldValues: Float64Array;
  fieldWords: Int32Array;
  strings: string[];

  /** Lines rejected by the parser, in line order. */
  rejected: RejectedLine[];
  /** Non-blank, non-comment lines seen (accepted + rejected). */
  lineCount: number;
}
