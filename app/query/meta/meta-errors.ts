/** InfluxDB 1.x's wording of meta-statement errors, which clients match on. */
import { StatementError } from "../statement-error.ts";

const fail = (text: string) => new StatementError(text);

export const databaseNameRequired = () => fail("database name required");
export const databaseNotFound = (name: string) => fail(`database not found: ${name}`);
export const retentionPolicyNotFound = (name: string) => fail(`retention policy not found: ${name}`);
export const defaultRetentionPolicyNotSet = (db: string) => fail(`default retention policy not set for: ${db}`);
export const invalidName = () => fail("invalid name");
export const nameTooLong = () => fail("name too long");
export const durationTooLow = () => fail("retention policy duration must be at least 1h0m0s");
export const incompatibleDurations = () => fail("retention policy duration must be greater than the shard duration");
export const retentionPolicyExists = () => fail("retention policy already exists");
export const retentionPolicyConflict = () => fail("retention policy conflicts with an existing policy");
export const replicationTooLow = () => fail("replication factor must be greater than 0");
export const timeNotSupported = (what: string) => fail(`${what} doesn't support time in WHERE clause`);

/** For statements whose effect strata cannot provide; better refused than faked. */
export const notSupported = (what: string, hint = "") => fail(`${what} is not supported by strata${hint === "" ? "" : `; ${hint}`}`);
