/**
 * Statements and expressions printed back as InfluxQL, the way InfluxDB's `String()` methods print
 * them (InfluxDB shows these forms in messages, and parsing a printed statement gives the same
 * tree). Passwords print as [REDACTED], as in InfluxDB. One deliberate difference: SHOW TAG KEYS
 * keeps its WITH KEY clause, which InfluxDB's printer drops.
 */
import type { Expr, Field, Measurement, SelectStatement, SortField, Source, Statement, TagKeyFilter } from "./ast.ts";
import { formatDuration, goDurationString } from "./duration.ts";
import { formatFloatF, formatFloatV } from "./go-float.ts";
import { quoteIdent, quoteString } from "./quote.ts";

export function formatExpr(e: Expr): string {
  switch (e.kind) {
    case "varref":
      return quoteIdent(e.name) + (e.dataType !== null ? "::" + e.dataType : "");
    case "call":
      return `${e.name}(${e.args.map(formatExpr).join(", ")})`;
    case "distinct":
      return `DISTINCT ${e.name}`;
    case "wildcard":
      return e.dataType !== null ? `*::${e.dataType}` : "*";
    case "binary": {
      // Long `a OR b OR c ...` chains nest on the left; walk that side in a loop, not by recursion.
      const tails: string[] = [];
      let left: Expr = e;
      while (left.kind === "binary") {
        tails.push(` ${left.op} ${formatExpr(left.rhs)}`);
        left = left.lhs;
      }
      return formatExpr(left) + tails.reverse().join("");
    }
    case "paren":
      return `(${formatExpr(e.expr)})`;
    case "regex":
      return `/${e.pattern.replaceAll("/", "\\/")}/`;
    case "string":
      return quoteString(e.value);
    case "number": {
      // A whole float keeps a `.0` so that it reads back as a float, not an integer.
      const s = formatFloatF(e.value);
      return s.includes(".") || !Number.isFinite(e.value) ? s : s + ".0";
    }
    case "integer":
    case "unsigned":
      return e.value.toString();
    case "boolean":
      return e.value ? "true" : "false";
    case "duration":
      return formatDuration(e.value);
  }
}

function formatMeasurement(m: Measurement): string {
  let out = "";
  if (m.database !== "") out += quoteIdent(m.database) + ".";
  if (m.retentionPolicy !== "") out += quoteIdent(m.retentionPolicy);
  if (m.database !== "" || m.retentionPolicy !== "") out += ".";
  if (m.name !== "") out += quoteIdent(m.name);
  else if (m.regex !== null) out += formatExpr(m.regex);
  return out;
}

function formatSource(s: Source): string {
  return s.kind === "subquery" ? `(${formatSelect(s.statement)})` : formatMeasurement(s);
}

const formatField = (f: Field) => formatExpr(f.expr) + (f.alias !== "" ? ` AS ${quoteIdent(f.alias)}` : "");
const formatSortField = (f: SortField) => (f.name !== "" ? f.name + " " : "") + (f.ascending ? "ASC" : "DESC");

function formatTagKeyFilter(f: TagKeyFilter): string {
  if ("keys" in f) return ` WITH KEY IN (${f.keys.map((k) => quoteIdent(k)).join(", ")})`;
  if ("regex" in f) return ` WITH KEY ${f.op} ${formatExpr(f.regex)}`;
  return ` WITH KEY ${f.op} ${quoteIdent(f.key)}`;
}

// Clause printers: each prints nothing when the clause is absent.
const on = (db: string) => (db !== "" ? ` ON ${quoteIdent(db)}` : "");
const from = (sources: Source[]) => (sources.length > 0 ? ` FROM ${sources.map(formatSource).join(", ")}` : "");
const where = (condition: Expr | null) => (condition !== null ? ` WHERE ${formatExpr(condition)}` : "");
const groupBy = (dims: Expr[]) => (dims.length > 0 ? ` GROUP BY ${dims.map(formatExpr).join(", ")}` : "");
const orderBy = (fields: SortField[]) => (fields.length > 0 ? ` ORDER BY ${fields.map(formatSortField).join(", ")}` : "");
const count = (keyword: string, n: number) => (n > 0 ? ` ${keyword} ${BigInt(n)}` : "");
const limitOffset = (s: { limit: number; offset: number }) => count("LIMIT", s.limit) + count("OFFSET", s.offset);

function formatFill(s: SelectStatement): string {
  switch (s.fill) {
    case "none":
    case "linear":
    case "previous":
      return ` fill(${s.fill})`;
    case "number":
      return ` fill(${typeof s.fillValue === "number" ? formatFloatV(s.fillValue) : String(s.fillValue)})`;
    case "null":
      return "";
  }
}

function formatSelect(s: SelectStatement): string {
  return (
    "SELECT " +
    s.fields.map(formatField).join(", ") +
    (s.target !== null ? ` INTO ${formatMeasurement(s.target)}${s.target.name === "" ? ":MEASUREMENT" : ""}` : "") +
    from(s.sources) +
    where(s.condition) +
    groupBy(s.dimensions) +
    formatFill(s) +
    orderBy(s.sortFields) +
    limitOffset(s) +
    count("SLIMIT", s.slimit) +
    count("SOFFSET", s.soffset) +
    (s.timeZone !== null ? ` TZ('${s.timeZone}')` : "")
  );
}

export function formatStatement(s: Statement): string {
  switch (s.kind) {
    case "select":
      return formatSelect(s);
    case "show-series-cardinality":
    case "show-measurement-cardinality": {
      const what = s.kind === "show-series-cardinality" ? "SERIES" : "MEASUREMENT";
      return `SHOW ${what}${s.exact ? " EXACT" : ""} CARDINALITY` +
        on(s.database) + from(s.sources) + where(s.condition) + groupBy(s.dimensions) + limitOffset(s);
    }
    case "show-tag-key-cardinality":
    case "show-field-key-cardinality": {
      const what = s.kind === "show-tag-key-cardinality" ? "TAG" : "FIELD";
      return `SHOW ${what} KEY ${s.exact ? "EXACT " : ""}CARDINALITY` +
        on(s.database) + from(s.sources) + where(s.condition) + groupBy(s.dimensions) + limitOffset(s);
    }
    case "show-tag-values-cardinality":
      return `SHOW TAG VALUES ${s.exact ? "EXACT " : ""}CARDINALITY` + on(s.database) + from(s.sources) +
        formatTagKeyFilter(s.withKey) + where(s.condition) + groupBy(s.dimensions) + limitOffset(s);
    case "show-series":
      return "SHOW SERIES" + on(s.database) + from(s.sources) + where(s.condition) + orderBy(s.sortFields) +
        limitOffset(s);
    case "show-measurements": {
      let out = "SHOW MEASUREMENTS";
      if (s.database !== "" || s.wildcardDatabase) {
        // InfluxDB prints these two names unquoted.
        out += " ON " + (s.wildcardDatabase ? "*" : s.database);
        if (s.wildcardRetentionPolicy) out += ".*";
        else if (s.retentionPolicy !== "") out += "." + s.retentionPolicy;
      }
      if (s.source !== null) out += ` WITH MEASUREMENT ${s.source.regex !== null ? "=~" : "="} ${formatMeasurement(s.source)}`;
      return out + where(s.condition) + orderBy(s.sortFields) + limitOffset(s);
    }
    case "show-tag-keys":
      return "SHOW TAG KEYS" + on(s.database) + from(s.sources) +
        (s.withKey !== null ? formatTagKeyFilter(s.withKey) : "") + where(s.condition) + orderBy(s.sortFields) +
        limitOffset(s) + count("SLIMIT", s.slimit) + count("SOFFSET", s.soffset);
    case "show-tag-values":
      return "SHOW TAG VALUES" + on(s.database) + from(s.sources) + formatTagKeyFilter(s.withKey) +
        where(s.condition) + orderBy(s.sortFields) + limitOffset(s);
    case "show-field-keys":
      return "SHOW FIELD KEYS" + on(s.database) + from(s.sources) + orderBy(s.sortFields) + limitOffset(s);
    case "show-retention-policies":
      return "SHOW RETENTION POLICIES" + on(s.database);
    case "show-stats":
    case "show-diagnostics":
      return (s.kind === "show-stats" ? "SHOW STATS" : "SHOW DIAGNOSTICS") +
        (s.module !== "" ? ` FOR ${quoteString(s.module)}` : "");
    case "show-grants":
      return `SHOW GRANTS FOR ${quoteIdent(s.user)}`;
    case "show-databases":
      return "SHOW DATABASES";
    case "show-continuous-queries":
      return "SHOW CONTINUOUS QUERIES";
    case "show-queries":
      return "SHOW QUERIES";
    case "show-shards":
      return "SHOW SHARDS";
    case "show-shard-groups":
      return "SHOW SHARD GROUPS";
    case "show-subscriptions":
      return "SHOW SUBSCRIPTIONS";
    case "show-users":
      return "SHOW USERS";
    case "delete":
      return "DELETE" + from(s.sources) + where(s.condition);
    case "drop-series":
      return "DROP SERIES" + from(s.sources) + where(s.condition);
    case "drop-measurement":
      return `DROP MEASUREMENT ${quoteIdent(s.name)}`;
    case "drop-shard":
      return `DROP SHARD ${s.id}`;
    case "explain":
      return `EXPLAIN ${s.analyze ? "ANALYZE " : ""}${s.verbose ? "VERBOSE " : ""}${formatSelect(s.statement)}`;
    case "create-database": {
      let out = `CREATE DATABASE ${quoteIdent(s.name)}`;
      if (!s.retentionPolicyCreate) return out;
      out += " WITH";
      // InfluxDB prints these two with Go's Duration.String() (`24h0m0s`), the rest as InfluxQL.
      if (s.retentionPolicyDuration !== null) out += ` DURATION ${goDurationString(s.retentionPolicyDuration)}`;
      if (s.retentionPolicyReplication !== null) out += ` REPLICATION ${s.retentionPolicyReplication}`;
      if (s.retentionPolicyShardGroupDuration > 0n) {
        out += ` SHARD DURATION ${goDurationString(s.retentionPolicyShardGroupDuration)}`;
      }
      if (s.futureWriteLimit !== null && s.futureWriteLimit > 0n) out += ` FUTURE LIMIT ${formatDuration(s.futureWriteLimit)}`;
      if (s.pastWriteLimit !== null && s.pastWriteLimit > 0n) out += ` PAST LIMIT ${formatDuration(s.pastWriteLimit)}`;
      if (s.retentionPolicyName !== "") out += ` NAME ${quoteIdent(s.retentionPolicyName)}`;
      return out;
    }
    case "drop-database":
      return `DROP DATABASE ${quoteIdent(s.name)}`;
    case "create-retention-policy":
      return `CREATE RETENTION POLICY ${quoteIdent(s.name)} ON ${quoteIdent(s.database)}` +
        ` DURATION ${formatDuration(s.duration)} REPLICATION ${s.replication}` +
        (s.shardGroupDuration > 0n ? ` SHARD DURATION ${formatDuration(s.shardGroupDuration)}` : "") +
        (s.isDefault ? " DEFAULT" : "") +
        (s.futureWriteLimit !== 0n ? ` FUTURE LIMIT ${formatDuration(s.futureWriteLimit)}` : "") +
        (s.pastWriteLimit !== 0n ? ` PAST LIMIT ${formatDuration(s.pastWriteLimit)}` : "");
    case "alter-retention-policy":
      return `ALTER RETENTION POLICY ${quoteIdent(s.name)} ON ${quoteIdent(s.database)}` +
        (s.duration !== null ? ` DURATION ${formatDuration(s.duration)}` : "") +
        (s.replication !== null ? ` REPLICATION ${s.replication}` : "") +
        (s.shardGroupDuration !== null ? ` SHARD DURATION ${formatDuration(s.shardGroupDuration)}` : "") +
        (s.isDefault ? " DEFAULT" : "") +
        (s.futureWriteLimit !== null && s.futureWriteLimit !== 0n ? ` FUTURE LIMIT ${formatDuration(s.futureWriteLimit)}` : "") +
        (s.pastWriteLimit !== null && s.pastWriteLimit !== 0n ? ` PAST LIMIT ${formatDuration(s.pastWriteLimit)}` : "");
    case "drop-retention-policy":
      return `DROP RETENTION POLICY ${quoteIdent(s.name)} ON ${quoteIdent(s.database)}`;
    case "create-user":
      return `CREATE USER ${quoteIdent(s.name)} WITH PASSWORD [REDACTED]${s.admin ? " WITH ALL PRIVILEGES" : ""}`;
    case "drop-user":
      return `DROP USER ${quoteIdent(s.name)}`;
    case "set-password":
      return `SET PASSWORD FOR ${quoteIdent(s.name)} = [REDACTED]`;
    case "grant":
      return `GRANT ${s.privilege} ON ${quoteIdent(s.database)} TO ${quoteIdent(s.user)}`;
    case "grant-admin":
      return `GRANT ALL PRIVILEGES TO ${quoteIdent(s.user)}`;
    case "revoke":
      return `REVOKE ${s.privilege} ON ${quoteIdent(s.database)} FROM ${quoteIdent(s.user)}`;
    case "revoke-admin":
      return `REVOKE ALL PRIVILEGES FROM ${quoteIdent(s.user)}`;
    case "kill-query":
      return `KILL QUERY ${s.queryId}${s.host !== "" ? ` ON ${quoteIdent(s.host)}` : ""}`;
    case "create-continuous-query": {
      let resample = "";
      if (s.resampleEvery > 0n || s.resampleFor > 0n) {
        resample = "RESAMPLE " +
          (s.resampleEvery > 0n ? `EVERY ${formatDuration(s.resampleEvery)} ` : "") +
          (s.resampleFor > 0n ? `FOR ${formatDuration(s.resampleFor)} ` : "");
      }
      return `CREATE CONTINUOUS QUERY ${quoteIdent(s.name)} ON ${quoteIdent(s.database)} ${resample}` +
        `BEGIN ${formatSelect(s.source)} END`;
    }
    case "drop-continuous-query":
      return `DROP CONTINUOUS QUERY ${quoteIdent(s.name)} ON ${quoteIdent(s.database)}`;
    case "create-subscription":
      return `CREATE SUBSCRIPTION ${quoteIdent(s.name)} ON ${quoteIdent(s.database)}.${quoteIdent(s.retentionPolicy)}` +
        ` DESTINATIONS ${s.mode} ${s.destinations.map(quoteString).join(", ")}`;
    case "drop-subscription":
      return `DROP SUBSCRIPTION ${quoteIdent(s.name)} ON ${quoteIdent(s.database)}.${quoteIdent(s.retentionPolicy)}`;
  }
}

/** Several statements, separated as InfluxDB prints a query. */
export function formatQuery(statements: Statement[]): string {
  return statements.map(formatStatement).join(";\n");
}
