/**
 * Every InfluxQL statement but SELECT, answered as InfluxDB 1.6.7 answers it. Statements that
 * change state and arrive over GET succeed with 1.x's deprecation warning (DELETE excepted, as
 * in 1.x).
 */
import { formatStatement, type Statement } from "../../influxql/parser.ts";
import type { QueryContext } from "../query-context.ts";
import * as admin from "./admin-statements.ts";
import { createDatabase, dropDatabase, showDatabases } from "./database-statements.ts";
import { deleteStatement, dropMeasurement, dropSeries } from "./delete-statements.ts";
import type { MetaResult } from "./meta-result.ts";
import { notSupported } from "./meta-errors.ts";
import { alterRetentionPolicy, createRetentionPolicy, dropRetentionPolicy, showRetentionPolicies } from "./retention-policy-statements.ts";
import { showCardinality } from "./show-cardinality.ts";
import { showFieldKeys } from "./show-field-keys.ts";
import { showMeasurements } from "./show-measurements.ts";
import { showSeries } from "./show-series.ts";
import { showTagKeys } from "./show-tag-keys.ts";
import { showTagValues } from "./show-tag-values.ts";

const WARN_OVER_GET = new Set<Statement["kind"]>([
  "alter-retention-policy", "create-continuous-query", "create-database", "create-retention-policy",
  "create-subscription", "create-user", "drop-continuous-query", "drop-database", "drop-measurement",
  "drop-series", "drop-retention-policy", "drop-shard", "drop-subscription", "drop-user", "grant",
  "grant-admin", "revoke", "revoke-admin", "set-password",
]);

const V1_USERS_HINT = "manage v1 users with /api/v2/legacy/authorizations";
const USER_STATEMENTS = {
  "create-user": "CREATE USER",
  "drop-user": "DROP USER",
  "set-password": "SET PASSWORD",
  grant: "GRANT",
  "grant-admin": "GRANT",
  revoke: "REVOKE",
  "revoke-admin": "REVOKE",
} as const;

export async function executeMeta(statement: Statement, qc: QueryContext): Promise<MetaResult> {
  const result = await dispatch(statement, qc);
  if (qc.viaGet && WARN_OVER_GET.has(statement.kind)) {
    const text = `deprecated use of '${formatStatement(statement)}' in a read only context, please use a POST request instead`;
    return { ...result, messages: [...(result.messages ?? []), { level: "warning", text }] };
  }
  return result;
}

async function dispatch(s: Statement, qc: QueryContext): Promise<MetaResult> {
  switch (s.kind) {
    case "show-databases":
      return showDatabases(qc);
    case "create-database":
      return createDatabase(s, qc);
    case "drop-database":
      return dropDatabase(s, qc);
    case "show-retention-policies":
      return showRetentionPolicies(s, qc);
    case "create-retention-policy":
      return createRetentionPolicy(s, qc);
    case "alter-retention-policy":
      return alterRetentionPolicy(s, qc);
    case "drop-retention-policy":
      return dropRetentionPolicy(s, qc);
    case "show-measurements":
      return showMeasurements(s, qc);
    case "show-tag-keys":
      return showTagKeys(s, qc);
    case "show-tag-values":
      return showTagValues(s, qc);
    case "show-field-keys":
      return showFieldKeys(s, qc);
    case "show-series":
      return showSeries(s, qc);
    case "show-series-cardinality":
    case "show-measurement-cardinality":
    case "show-tag-key-cardinality":
    case "show-field-key-cardinality":
    case "show-tag-values-cardinality":
      return showCardinality(s, qc);
    case "drop-measurement":
      return dropMeasurement(s, qc);
    case "drop-series":
      return dropSeries(s, qc);
    case "delete":
      return deleteStatement(s, qc);
    case "show-users":
      return admin.showUsers(qc);
    case "show-grants":
      return admin.showGrants(s, qc);
    case "create-user":
    case "drop-user":
    case "set-password":
    case "grant":
    case "grant-admin":
    case "revoke":
    case "revoke-admin":
      throw notSupported(USER_STATEMENTS[s.kind], V1_USERS_HINT);
    case "show-continuous-queries":
      return admin.showContinuousQueries(qc);
    case "create-continuous-query":
      throw notSupported("CREATE CONTINUOUS QUERY");
    case "drop-continuous-query":
      return admin.dropContinuousQuery(s, qc);
    case "show-subscriptions":
      return {};
    case "create-subscription":
      throw notSupported("CREATE SUBSCRIPTION");
    case "drop-subscription":
      return admin.dropSubscription(s, qc);
    case "show-shards":
      return admin.showShards(qc);
    case "show-shard-groups":
      return admin.showShardGroups();
    case "drop-shard":
      throw notSupported("DROP SHARD");
    case "show-stats":
      throw notSupported("SHOW STATS", "see /metrics");
    case "show-diagnostics":
      throw notSupported("SHOW DIAGNOSTICS");
    case "show-queries":
      return admin.showQueries();
    case "kill-query":
      return admin.killQuery(s);
    case "explain":
      throw notSupported("EXPLAIN");
    case "select":
      throw new Error("SELECT is not a meta statement");
  }
}
