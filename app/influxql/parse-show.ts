/** SHOW statements that take clauses (the bare ones are built in the statement tree). */
import type {
  Measurement,
  ShowFieldKeysStatement,
  ShowMeasurementsStatement,
  ShowRetentionPoliciesStatement,
  ShowTagKeysStatement,
  Source,
  Statement,
} from "./ast.ts";
import { parseCondition, parseDimensions, parseOrderBy, parseTagKeyFilter } from "./parse-clauses.ts";
import { unexpected } from "./parse-error.ts";
import { accept, parseIdent, parseOptionalTokenAndInt, parseString, parseTokens } from "./parse-primitives.ts";
import { parseSource, parseSources } from "./parse-sources.ts";
import type { TokenStream } from "./token-stream.ts";

const optionalOn = (ts: TokenStream) => (accept(ts, "ON") ? parseIdent(ts) : "");
const optionalFrom = (ts: TokenStream): Source[] => (accept(ts, "FROM") ? parseSources(ts, false) : []);

/** `[ON db] [FROM ...]`, which open the CARDINALITY forms. */
function cardinalityHead(ts: TokenStream, exact: boolean) {
  return { exact, database: optionalOn(ts), sources: optionalFrom(ts) };
}

/** `[WHERE ...] [GROUP BY ...] [LIMIT n] [OFFSET n]`, which close them. */
function cardinalityTail(ts: TokenStream) {
  return {
    condition: parseCondition(ts),
    dimensions: parseDimensions(ts),
    limit: parseOptionalTokenAndInt(ts, "LIMIT"),
    offset: parseOptionalTokenAndInt(ts, "OFFSET"),
  };
}

/** After `SHOW SERIES`: the series list, or `[EXACT] CARDINALITY`. */
export function parseShowSeries(ts: TokenStream): Statement {
  const exact = accept(ts, "EXACT");
  if (accept(ts, "CARDINALITY")) {
    return { kind: "show-series-cardinality", ...cardinalityHead(ts, exact), ...cardinalityTail(ts) };
  }
  return {
    kind: "show-series",
    database: optionalOn(ts),
    sources: optionalFrom(ts),
    condition: parseCondition(ts),
    sortFields: parseOrderBy(ts),
    limit: parseOptionalTokenAndInt(ts, "LIMIT"),
    offset: parseOptionalTokenAndInt(ts, "OFFSET"),
  };
}

/** After `SHOW MEASUREMENT EXACT` (exact) or `SHOW MEASUREMENT CARDINALITY`. */
export function parseShowMeasurementCardinality(ts: TokenStream, exact: boolean): Statement {
  if (exact) parseTokens(ts, ["CARDINALITY"]);
  return { kind: "show-measurement-cardinality", ...cardinalityHead(ts, exact), ...cardinalityTail(ts) };
}

/** After `SHOW TAG KEY` or `SHOW FIELD KEY`: `[EXACT] CARDINALITY ...`. */
export function parseShowKeyCardinality(ts: TokenStream, kind: "show-tag-key-cardinality" | "show-field-key-cardinality"): Statement {
  const exact = accept(ts, "EXACT");
  const t = ts.scanIgnoreWhitespace();
  if (t.tok !== "CARDINALITY") throw unexpected(t, exact ? ["CARDINALITY"] : ["EXACT", "CARDINALITY"]);
  return { kind, ...cardinalityHead(ts, exact), ...cardinalityTail(ts) };
}

/** After `SHOW MEASUREMENTS`. */
export function parseShowMeasurements(ts: TokenStream): ShowMeasurementsStatement {
  let database = "";
  let retentionPolicy = "";
  let wildcardDatabase = false;
  let wildcardRetentionPolicy = false;
  if (accept(ts, "ON")) {
    const db = ts.scanIgnoreWhitespace();
    if (db.tok === "IDENT") database = db.lit;
    else if (db.tok === "MUL") wildcardDatabase = true;
    else throw unexpected(db, ["identifier or *"]);
    if (accept(ts, "DOT")) {
      const rp = ts.scanIgnoreWhitespace();
      if (rp.tok === "IDENT") retentionPolicy = rp.lit;
      else if (rp.tok === "MUL") wildcardRetentionPolicy = true;
      else throw unexpected(rp, ["identifier or *"]);
    }
  }
  let source: Measurement | null = null;
  if (accept(ts, "WITH")) {
    parseTokens(ts, ["MEASUREMENT"]);
    const op = ts.scanIgnoreWhitespace();
    if (op.tok !== "EQ" && op.tok !== "EQREGEX") throw unexpected(op, ["=", "=~"]);
    // Never a subquery here, so always a measurement.
    source = parseSource(ts, false) as Measurement;
  }
  return {
    kind: "show-measurements",
    database,
    retentionPolicy,
    wildcardDatabase,
    wildcardRetentionPolicy,
    source,
    condition: parseCondition(ts),
    sortFields: parseOrderBy(ts),
    limit: parseOptionalTokenAndInt(ts, "LIMIT"),
    offset: parseOptionalTokenAndInt(ts, "OFFSET"),
  };
}

/** After `SHOW RETENTION POLICIES`. */
export function parseShowRetentionPolicies(ts: TokenStream): ShowRetentionPoliciesStatement {
  return { kind: "show-retention-policies", database: optionalOn(ts) };
}

/** After `SHOW TAG KEYS`. */
export function parseShowTagKeys(ts: TokenStream): ShowTagKeysStatement {
  const database = optionalOn(ts);
  const sources = optionalFrom(ts);
  const next = ts.scanIgnoreWhitespace().tok;
  ts.unscan();
  const withKey = next === "WITH" ? parseTagKeyFilter(ts) : null;
  return {
    kind: "show-tag-keys",
    database,
    sources,
    withKey,
    condition: parseCondition(ts),
    sortFields: parseOrderBy(ts),
    limit: parseOptionalTokenAndInt(ts, "LIMIT"),
    offset: parseOptionalTokenAndInt(ts, "OFFSET"),
    slimit: parseOptionalTokenAndInt(ts, "SLIMIT"),
    soffset: parseOptionalTokenAndInt(ts, "SOFFSET"),
  };
}

/** After `SHOW TAG VALUES`: the values, or `[EXACT] CARDINALITY`. */
export function parseShowTagValues(ts: TokenStream): Statement {
  const t = ts.scanIgnoreWhitespace();
  if (t.tok === "EXACT" || t.tok === "CARDINALITY") {
    const exact = t.tok === "EXACT";
    if (exact) parseTokens(ts, ["CARDINALITY"]);
    const head = cardinalityHead(ts, exact);
    const withKey = parseTagKeyFilter(ts);
    return { kind: "show-tag-values-cardinality", ...head, withKey, ...cardinalityTail(ts) };
  }
  ts.unscan();
  return {
    kind: "show-tag-values",
    database: optionalOn(ts),
    sources: optionalFrom(ts),
    withKey: parseTagKeyFilter(ts),
    condition: parseCondition(ts),
    sortFields: parseOrderBy(ts),
    limit: parseOptionalTokenAndInt(ts, "LIMIT"),
    offset: parseOptionalTokenAndInt(ts, "OFFSET"),
  };
}

/** After `SHOW FIELD KEYS`. */
export function parseShowFieldKeys(ts: TokenStream): ShowFieldKeysStatement {
  return {
    kind: "show-field-keys",
    database: optionalOn(ts),
    sources: optionalFrom(ts),
    sortFields: parseOrderBy(ts),
    limit: parseOptionalTokenAndInt(ts, "LIMIT"),
    offset: parseOptionalTokenAndInt(ts, "OFFSET"),
  };
}

/** After `SHOW STATS` or `SHOW DIAGNOSTICS`: optional `FOR 'module'`. */
export function parseModule(ts: TokenStream): string {
  return accept(ts, "FOR") ? parseString(ts) : "";
}
