/**
 * One point as a plain object: the representation for tests, the CLI and replication, where
 * convenience matters more than speed (times are BigInt nanoseconds here, unlike the batch).
 */
export type FieldValue =
  | { type: "float"; value: number }
  | { type: "integer"; value: bigint }
  | { type: "unsigned"; value: bigint }
  | { type: "string"; value: string }
  | { type: "boolean"; value: boolean };

export interface LinePoint {
  measurement: string;
  tags?: Record<string, string>;
  fields: Record<string, FieldValue>;
  /** Nanoseconds since the epoch (BigInt or decimal text); absent means the receive time. */
  time?: bigint | string;
}
