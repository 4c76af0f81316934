/** What a bucket create or update may say: its name and its retention (DECISIONS.md #3). */
import type { RetentionRule } from "../../storage/meta/schema.ts";
import { invalid } from "../errors.ts";

/** "The default data retention period is 30 days." */
const DEFAULT_RETENTION_SECONDS = 2_592_000;

/**
 * The rules to store. Absent: the 30-day default. InfluxDB keeps one retention period per bucket,
 * so only the first rule counts; `[]`, like `everySeconds: 0`, means forever.
 */
export function retentionRulesOf(rules: RetentionRule[] | undefined): RetentionRule[] {
  if (rules === undefined) return [{ type: "expire", everySeconds: DEFAULT_RETENTION_SECONDS }];
  const first = rules[0];
  if (first === undefined) return [{ type: "expire", everySeconds: 0 }];
  const rule: RetentionRule = { type: "expire", everySeconds: first.everySeconds };
  if (first.shardGroupDurationSeconds !== undefined) rule.shardGroupDurationSeconds = first.shardGroupDurationSeconds;
  return [rule];
}

/** InfluxDB's bucket name rules: `_` starts system bucket names only, and quotes break queries. */
export function checkBucketName(name: string): string {
  if (name.trim() === "") throw invalid("bucket name is required");
  if (name.startsWith("_")) throw invalid(`bucket name ${name} is invalid. Buckets may not start with underscore`);
  if (name.includes('"')) throw invalid(`bucket name ${name} is invalid. Bucket names may not include quotation marks`);
  return name;
}
