/** Databases and retention policies: CREATE/DROP DATABASE, CREATE/ALTER/DROP RETENTION POLICY. */
import type {
  AlterRetentionPolicyStatement,
  CreateDatabaseStatement,
  CreateRetentionPolicyStatement,
  DropDatabaseStatement,
  DropRetentionPolicyStatement,
} from "./ast.ts";
import { errorAt, unexpected } from "./parse-error.ts";
import { accept, parseBoundedInt, parseDurationToken, parseIdent, parseTokens } from "./parse-primitives.ts";
import type { TokenStream } from "./token-stream.ts";
import { type Token, tokenText } from "./tokens.ts";

const MAX_INT32 = 2147483647;

/** `LIMIT <duration>` after FUTURE or PAST. */
function parseWriteLimit(ts: TokenStream): bigint {
  parseTokens(ts, ["LIMIT"]);
  return parseDurationToken(ts);
}

/** `DURATION <d>` after SHARD, where INF is refused. */
function parseShardDuration(ts: TokenStream): bigint {
  parseTokens(ts, ["DURATION"]);
  const t = ts.scanIgnoreWhitespace();
  if (t.tok === "INF") throw errorAt("invalid duration INF for shard duration", t.pos);
  ts.unscan();
  return parseDurationToken(ts);
}

/** After CREATE DATABASE. */
export function parseCreateDatabase(ts: TokenStream): CreateDatabaseStatement {
  const stmt: CreateDatabaseStatement = {
    kind: "create-database",
    name: parseIdent(ts),
    retentionPolicyCreate: false,
    retentionPolicyDuration: null,
    retentionPolicyReplication: null,
    retentionPolicyName: "",
    retentionPolicyShardGroupDuration: 0n,
    futureWriteLimit: null,
    pastWriteLimit: null,
  };
  if (!accept(ts, "WITH")) return stmt;
  const t = ts.scanIgnoreWhitespace();
  const options: Token[] = ["DURATION", "NAME", "REPLICATION", "SHARD", "FUTURE", "PAST"];
  if (!options.includes(t.tok)) throw unexpected(t, options);
  ts.unscan();
  stmt.retentionPolicyCreate = true;
  if (accept(ts, "DURATION")) stmt.retentionPolicyDuration = parseDurationToken(ts);
  if (accept(ts, "REPLICATION")) stmt.retentionPolicyReplication = parseBoundedInt(ts, 1, MAX_INT32);
  if (accept(ts, "SHARD")) {
    // Unlike CREATE/ALTER RETENTION POLICY, INF is accepted here (and means 0).
    parseTokens(ts, ["DURATION"]);
    stmt.retentionPolicyShardGroupDuration = parseDurationToken(ts);
  }
  if (accept(ts, "FUTURE")) stmt.futureWriteLimit = parseWriteLimit(ts);
  if (accept(ts, "PAST")) stmt.pastWriteLimit = parseWriteLimit(ts);
  if (accept(ts, "NAME")) stmt.retentionPolicyName = parseIdent(ts);
  return stmt;
}

/** After DROP DATABASE. */
export function parseDropDatabase(ts: TokenStream): DropDatabaseStatement {
  return { kind: "drop-database", name: parseIdent(ts) };
}

/** After CREATE RETENTION POLICY. */
export function parseCreateRetentionPolicy(ts: TokenStream): CreateRetentionPolicyStatement {
  const name = parseIdent(ts);
  parseTokens(ts, ["ON"]);
  const database = parseIdent(ts);
  parseTokens(ts, ["DURATION"]);
  const duration = parseDurationToken(ts);
  parseTokens(ts, ["REPLICATION"]);
  const replication = parseBoundedInt(ts, 1, MAX_INT32);
  const shardGroupDuration = accept(ts, "SHARD") ? parseShardDuration(ts) : 0n;
  const isDefault = accept(ts, "DEFAULT");
  const futureWriteLimit = accept(ts, "FUTURE") ? parseWriteLimit(ts) : 0n;
  const pastWriteLimit = accept(ts, "PAST") ? parseWriteLimit(ts) : 0n;
  return {
    kind: "create-retention-policy",
    name,
    database,
    duration,
    replication,
    shardGroupDuration,
    isDefault,
    futureWriteLimit,
    pastWriteLimit,
  };
}

const ALTER_OPTIONS = ["DURATION", "REPLICATION", "SHARD", "DEFAULT", "FUTURE", "PAST"];

/** After ALTER RETENTION POLICY: options in any order, each at most once, at least one. */
export function parseAlterRetentionPolicy(ts: TokenStream): AlterRetentionPolicyStatement {
  const nameTok = ts.scanIgnoreWhitespace();
  let name: string;
  if (nameTok.tok === "DEFAULT") name = "default";
  else if (nameTok.tok === "IDENT") name = nameTok.lit;
  else throw unexpected(nameTok, ["identifier"]);
  parseTokens(ts, ["ON"]);
  const stmt: AlterRetentionPolicyStatement = {
    kind: "alter-retention-policy",
    name,
    database: parseIdent(ts),
    duration: null,
    replication: null,
    shardGroupDuration: null,
    isDefault: false,
    futureWriteLimit: null,
    pastWriteLimit: null,
  };
  const seen = new Set<Token>();
  for (;;) {
    const t = ts.scanIgnoreWhitespace();
    if (seen.has(t.tok)) throw errorAt(`found duplicate ${tokenText(t.tok)} option`, t.pos);
    switch (t.tok) {
      case "DURATION":
        stmt.duration = parseDurationToken(ts);
        break;
      case "REPLICATION":
        stmt.replication = parseBoundedInt(ts, 1, MAX_INT32);
        break;
      case "SHARD":
        stmt.shardGroupDuration = parseShardDuration(ts);
        break;
      case "DEFAULT":
        stmt.isDefault = true;
        break;
      case "FUTURE":
        stmt.futureWriteLimit = parseWriteLimit(ts);
        break;
      case "PAST":
        stmt.pastWriteLimit = parseWriteLimit(ts);
        break;
      default:
        if (seen.size === 0) throw unexpected(t, ALTER_OPTIONS);
        ts.unscan();
        return stmt;
    }
    seen.add(t.tok);
  }
}

/** After DROP RETENTION POLICY. */
export function parseDropRetentionPolicy(ts: TokenStream): DropRetentionPolicyStatement {
  const name = parseIdent(ts);
  parseTokens(ts, ["ON"]);
  return { kind: "drop-retention-policy", name, database: parseIdent(ts) };
}
