/**
 * Which statement a query starts: a tree of leading keywords, as Go's `influxql.Language`. Keys
 * are listed in InfluxDB's registration order because its "expected ..." messages list them so.
 */
import type { Statement } from "./ast.ts";
import { unexpected } from "./parse-error.ts";
import { parseCreateContinuousQuery, parseDropContinuousQuery } from "./parse-continuous-query.ts";
import {
  parseAlterRetentionPolicy,
  parseCreateDatabase,
  parseCreateRetentionPolicy,
  parseDropDatabase,
  parseDropRetentionPolicy,
} from "./parse-database.ts";
import { parseDelete, parseDropMeasurement, parseDropSeries, parseDropShard } from "./parse-delete.ts";
import { parseExplain } from "./parse-explain.ts";
import { parseKillQuery } from "./parse-kill-query.ts";
import { parseSelectStatement } from "./parse-select.ts";
import {
  parseModule,
  parseShowFieldKeys,
  parseShowKeyCardinality,
  parseShowMeasurementCardinality,
  parseShowMeasurements,
  parseShowRetentionPolicies,
  parseShowSeries,
  parseShowTagKeys,
  parseShowTagValues,
} from "./parse-show.ts";
import { parseCreateSubscription, parseDropSubscription } from "./parse-subscription.ts";
import { parseCreateUser, parseDropUser, parseGrant, parseRevoke, parseSetPassword, parseShowGrants } from "./parse-users.ts";
import type { TokenStream } from "./token-stream.ts";
import { type Token, tokenText } from "./tokens.ts";

type Handler = (ts: TokenStream) => Statement;
interface Branch {
  [tok: string]: Handler | Branch;
}

const LANGUAGE: Branch = {
  SELECT: (ts) => parseSelectStatement(ts, "optional"),
  DELETE: parseDelete,
  SHOW: {
    CONTINUOUS: { QUERIES: () => ({ kind: "show-continuous-queries" }) },
    DATABASES: () => ({ kind: "show-databases" }),
    DIAGNOSTICS: (ts) => ({ kind: "show-diagnostics", module: parseModule(ts) }),
    FIELD: {
      KEY: (ts) => parseShowKeyCardinality(ts, "show-field-key-cardinality"),
      KEYS: parseShowFieldKeys,
    },
    GRANTS: { FOR: parseShowGrants },
    MEASUREMENT: {
      EXACT: (ts) => parseShowMeasurementCardinality(ts, true),
      CARDINALITY: (ts) => parseShowMeasurementCardinality(ts, false),
    },
    MEASUREMENTS: parseShowMeasurements,
    QUERIES: () => ({ kind: "show-queries" }),
    RETENTION: { POLICIES: parseShowRetentionPolicies },
    SERIES: parseShowSeries,
    SHARD: { GROUPS: () => ({ kind: "show-shard-groups" }) },
    SHARDS: () => ({ kind: "show-shards" }),
    STATS: (ts) => ({ kind: "show-stats", module: parseModule(ts) }),
    SUBSCRIPTIONS: () => ({ kind: "show-subscriptions" }),
    TAG: {
      KEY: (ts) => parseShowKeyCardinality(ts, "show-tag-key-cardinality"),
      KEYS: parseShowTagKeys,
      VALUES: parseShowTagValues,
    },
    USERS: () => ({ kind: "show-users" }),
  },
  CREATE: {
    CONTINUOUS: { QUERY: parseCreateContinuousQuery },
    DATABASE: parseCreateDatabase,
    USER: parseCreateUser,
    RETENTION: { POLICY: parseCreateRetentionPolicy },
    SUBSCRIPTION: parseCreateSubscription,
  },
  DROP: {
    CONTINUOUS: { QUERY: parseDropContinuousQuery },
    DATABASE: parseDropDatabase,
    MEASUREMENT: parseDropMeasurement,
    RETENTION: { POLICY: parseDropRetentionPolicy },
    SERIES: parseDropSeries,
    SHARD: parseDropShard,
    SUBSCRIPTION: parseDropSubscription,
    USER: parseDropUser,
  },
  EXPLAIN: parseExplain,
  GRANT: parseGrant,
  REVOKE: parseRevoke,
  ALTER: { RETENTION: { POLICY: parseAlterRetentionPolicy } },
  SET: { PASSWORD: { FOR: parseSetPassword } },
  KILL: { QUERY: parseKillQuery },
};

/** Parses one statement, starting at its first keyword. */
export function parseStatement(ts: TokenStream): Statement {
  let branch = LANGUAGE;
  for (;;) {
    const t = ts.scanIgnoreWhitespace();
    const next = Object.hasOwn(branch, t.tok) ? branch[t.tok] : undefined;
    if (typeof next === "function") return next(ts);
    if (next === undefined) throw unexpected(t, Object.keys(branch).map((k) => tokenText(k as Token)));
    branch = next;
  }
}
