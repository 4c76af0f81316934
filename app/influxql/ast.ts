/**
 * The InfluxQL syntax tree: plain data, discriminated by `kind`, mirroring InfluxDB 1.x's `influxql`
 * AST. Conventions:
 * - Integers that InfluxDB holds as int64/uint64 (integer literals, durations in nanoseconds, query
 *   and shard ids) are bigint, so epoch-nanosecond timestamps stay exact. LIMIT/OFFSET-style counts
 *   and replication factors are numbers.
 * - An empty string means "not given" for names, as in Go (`db..cpu` has retentionPolicy "").
 * - Regexes are kept as their RE2 source text (already checked to be valid RE2 syntax).
 * - Time strings (`'2026-01-01T00:00:00Z'`) stay string literals; the planner decides they are times.
 */

export type BinaryOp =
  | "+" | "-" | "*" | "/" | "%" | "&" | "|" | "^"
  | "AND" | "OR"
  | "=" | "!=" | "=~" | "!~" | "<" | "<=" | ">" | ">=";

/** Casts written `field::integer`; `field` and `tag` restrict what a name may resolve to. */
export type DataType = "float" | "integer" | "unsigned" | "string" | "boolean" | "field" | "tag";

export interface VarRef {
  kind: "varref";
  /** Dotted segments are joined (`a.b`), as InfluxDB does. */
  name: string;
  dataType: DataType | null;
}
export interface Call {
  kind: "call";
  /** Lower-cased. */
  name: string;
  args: Expr[];
}
/** `DISTINCT x` written without parentheses. */
export interface Distinct {
  kind: "distinct";
  name: string;
}
export interface Wildcard {
  kind: "wildcard";
  dataType: "field" | "tag" | null;
}
export interface BinaryExpr {
  kind: "binary";
  op: BinaryOp;
  lhs: Expr;
  rhs: Expr;
}
export interface ParenExpr {
  kind: "paren";
  expr: Expr;
}
export interface RegexLiteral {
  kind: "regex";
  pattern: string;
}
export interface StringLiteral {
  kind: "string";
  value: string;
}
export interface NumberLiteral {
  kind: "number";
  value: number;
}
/** Fits int64. */
export interface IntegerLiteral {
  kind: "integer";
  value: bigint;
}
/** Above int64 max, up to uint64 max. */
export interface UnsignedLiteral {
  kind: "unsigned";
  value: bigint;
}
export interface BooleanLiteral {
  kind: "boolean";
  value: boolean;
}
export interface DurationLiteral {
  kind: "duration";
  /** Nanoseconds. */
  value: bigint;
}

export type Literal =
  | RegexLiteral | StringLiteral | NumberLiteral | IntegerLiteral | UnsignedLiteral | BooleanLiteral | DurationLiteral;
export type Expr = VarRef | Call | Distinct | Wildcard | BinaryExpr | ParenExpr | Literal;

export interface Measurement {
  kind: "measurement";
  database: string;
  retentionPolicy: string;
  /** Empty when `regex` is set, or in an INTO target for `:MEASUREMENT` (the source's name). */
  name: string;
  regex: RegexLiteral | null;
}
export interface SubQuery {
  kind: "subquery";
  statement: SelectStatement;
}
export type Source = Measurement | SubQuery;

export interface Field {
  expr: Expr;
  /** Empty when there is no AS. */
  alias: string;
}

export interface SortField {
  /** Empty for a bare `ORDER BY ASC|DESC`. */
  name: string;
  ascending: boolean;
}

export type FillOption = "null" | "none" | "number" | "previous" | "linear";

/** `SHOW TAG VALUES ... WITH KEY ...`: which tag keys. */
export type TagKeyFilter =
  | { op: "=" | "!="; key: string }
  | { op: "=~" | "!~"; regex: RegexLiteral }
  | { op: "IN"; keys: string[] };

export interface SelectStatement {
  kind: "select";
  fields: Field[];
  /** INTO target; its name is empty for `:MEASUREMENT`. */
  target: Measurement | null;
  sources: Source[];
  condition: Expr | null;
  /** GROUP BY expressions: `time(...)` calls, tag references, wildcards, regexes. */
  dimensions: Expr[];
  fill: FillOption;
  /** The fill(<number>) value: bigint for an integer, number for a float. */
  fillValue: bigint | number | null;
  sortFields: SortField[];
  /** 0 means none, as in InfluxDB. */
  limit: number;
  offset: number;
  slimit: number;
  soffset: number;
  /** tz('...') name; `tz('')` is UTC. */
  timeZone: string | null;
  /** No function call among the fields. */
  isRawQuery: boolean;
}

interface Cardinality {
  exact: boolean;
  database: string;
  sources: Source[];
  condition: Expr | null;
  dimensions: Expr[];
  limit: number;
  offset: number;
}

export interface ShowSeriesCardinalityStatement extends Cardinality {
  kind: "show-series-cardinality";
}
export interface ShowMeasurementCardinalityStatement extends Cardinality {
  kind: "show-measurement-cardinality";
}
export interface ShowTagKeyCardinalityStatement extends Cardinality {
  kind: "show-tag-key-cardinality";
}
export interface ShowFieldKeyCardinalityStatement extends Cardinality {
  kind: "show-field-key-cardinality";
}
export interface ShowTagValuesCardinalityStatement extends Cardinality {
  kind: "show-tag-values-cardinality";
  withKey: TagKeyFilter;
}

export interface ShowSeriesStatement {
  kind: "show-series";
  database: string;
  sources: Source[];
  condition: Expr | null;
  sortFields: SortField[];
  limit: number;
  offset: number;
}
export interface ShowMeasurementsStatement {
  kind: "show-measurements";
  database: string;
  retentionPolicy: string;
  /** `ON *` */
  wildcardDatabase: boolean;
  /** `ON db.*` */
  wildcardRetentionPolicy: boolean;
  /** WITH MEASUREMENT = name | =~ /regex/ */
  source: Measurement | null;
  condition: Expr | null;
  sortFields: SortField[];
  limit: number;
  offset: number;
}
export interface ShowTagKeysStatement {
  kind: "show-tag-keys";
  database: string;
  sources: Source[];
  withKey: TagKeyFilter | null;
  condition: Expr | null;
  sortFields: SortField[];
  limit: number;
  offset: number;
  slimit: number;
  soffset: number;
}
export interface ShowTagValuesStatement {
  kind: "show-tag-values";
  database: string;
  sources: Source[];
  withKey: TagKeyFilter;
  condition: Expr | null;
  /** Accepted by the grammar, ignored by InfluxDB. */
  sortFields: SortField[];
  limit: number;
  offset: number;
}
export interface ShowFieldKeysStatement {
  kind: "show-field-keys";
  database: string;
  sources: Source[];
  sortFields: SortField[];
  limit: number;
  offset: number;
}
export interface ShowRetentionPoliciesStatement {
  kind: "show-retention-policies";
  database: string;
}
export interface ShowStatsStatement {
  kind: "show-stats";
  module: string;
}
export interface ShowDiagnosticsStatement {
  kind: "show-diagnostics";
  module: string;
}
export interface ShowGrantsForUserStatement {
  kind: "show-grants";
  user: string;
}
/** Statements with nothing but their keywords. */
export interface BareStatement {
  kind:
    | "show-databases"
    | "show-continuous-queries"
    | "show-queries"
    | "show-shards"
    | "show-shard-groups"
    | "show-subscriptions"
    | "show-users";
}

export interface DeleteStatement {
  kind: "delete";
  sources: Source[];
  condition: Expr | null;
}
export interface DropSeriesStatement {
  kind: "drop-series";
  sources: Source[];
  condition: Expr | null;
}
export interface DropMeasurementStatement {
  kind: "drop-measurement";
  name: string;
}
export interface DropShardStatement {
  kind: "drop-shard";
  id: bigint;
}
export interface ExplainStatement {
  kind: "explain";
  analyze: boolean;
  verbose: boolean;
  statement: SelectStatement;
}

export interface CreateDatabaseStatement {
  kind: "create-database";
  name: string;
  /** A WITH clause was given. */
  retentionPolicyCreate: boolean;
  retentionPolicyDuration: bigint | null;
  retentionPolicyReplication: number | null;
  retentionPolicyName: string;
  /** 0 when not given. */
  retentionPolicyShardGroupDuration: bigint;
  futureWriteLimit: bigint | null;
  pastWriteLimit: bigint | null;
}
export interface DropDatabaseStatement {
  kind: "drop-database";
  name: string;
}
export interface CreateRetentionPolicyStatement {
  kind: "create-retention-policy";
  name: string;
  database: string;
  /** 0 for INF. */
  duration: bigint;
  replication: number;
  /** 0 when not given. */
  shardGroupDuration: bigint;
  isDefault: boolean;
  futureWriteLimit: bigint;
  pastWriteLimit: bigint;
}
export interface AlterRetentionPolicyStatement {
  kind: "alter-retention-policy";
  name: string;
  database: string;
  duration: bigint | null;
  replication: number | null;
  shardGroupDuration: bigint | null;
  isDefault: boolean;
  futureWriteLimit: bigint | null;
  pastWriteLimit: bigint | null;
}
export interface DropRetentionPolicyStatement {
  kind: "drop-retention-policy";
  name: string;
  database: string;
}

export type Privilege = "READ" | "WRITE" | "ALL PRIVILEGES";

export interface CreateUserStatement {
  kind: "create-user";
  name: string;
  password: string;
  admin: boolean;
}
export interface DropUserStatement {
  kind: "drop-user";
  name: string;
}
export interface SetPasswordUserStatement {
  kind: "set-password";
  name: string;
  password: string;
}
export interface GrantStatement {
  kind: "grant";
  privilege: Privilege;
  database: string;
  user: string;
}
export interface GrantAdminStatement {
  kind: "grant-admin";
  user: string;
}
export interface RevokeStatement {
  kind: "revoke";
  privilege: Privilege;
  database: string;
  user: string;
}
export interface RevokeAdminStatement {
  kind: "revoke-admin";
  user: string;
}
export interface KillQueryStatement {
  kind: "kill-query";
  queryId: bigint;
  /** Empty when no ON host. */
  host: string;
}

export interface CreateContinuousQueryStatement {
  kind: "create-continuous-query";
  name: string;
  database: string;
  source: SelectStatement;
  /** 0 when not given. */
  resampleEvery: bigint;
  resampleFor: bigint;
}
export interface DropContinuousQueryStatement {
  kind: "drop-continuous-query";
  name: string;
  database: string;
}
export interface CreateSubscriptionStatement {
  kind: "create-subscription";
  name: string;
  database: string;
  retentionPolicy: string;
  mode: "ALL" | "ANY";
  destinations: string[];
}
export interface DropSubscriptionStatement {
  kind: "drop-subscription";
  name: string;
  database: string;
  retentionPolicy: string;
}

export type Statement =
  | SelectStatement
  | ShowSeriesCardinalityStatement
  | ShowMeasurementCardinalityStatement
  | ShowTagKeyCardinalityStatement
  | ShowFieldKeyCardinalityStatement
  | ShowTagValuesCardinalityStatement
  | ShowSeriesStatement
  | ShowMeasurementsStatement
  | ShowTagKeysStatement
  | ShowTagValuesStatement
  | ShowFieldKeysStatement
  | ShowRetentionPoliciesStatement
  | ShowStatsStatement
  | ShowDiagnosticsStatement
  | ShowGrantsForUserStatement
  | BareStatement
  | DeleteStatement
  | DropSeriesStatement
  | DropMeasurementStatement
  | DropShardStatement
  | ExplainStatement
  | CreateDatabaseStatement
  | DropDatabaseStatement
  | CreateRetentionPolicyStatement
  | AlterRetentionPolicyStatement
  | DropRetentionPolicyStatement
  | CreateUserStatement
  | DropUserStatement
  | SetPasswordUserStatement
  | GrantStatement
  | GrantAdminStatement
  | RevokeStatement
  | RevokeAdminStatement
  | KillQueryStatement
  | CreateContinuousQueryStatement
  | DropContinuousQueryStatement
  | CreateSubscriptionStatement
  | DropSubscriptionStatement;
