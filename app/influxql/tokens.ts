/**
 * InfluxQL tokens as InfluxDB 1.x's `influxql` package defines them. A token is named by its Go
 * identifier (`ADD`, `SELECT`, ...); `tokenText` gives the text Go's `Token.String()` prints, which
 * is what error messages show when a token carries no literal.
 */

/** Keywords in Go's declaration order; the order matters nowhere but keeps the list checkable. */
export const KEYWORDS = [
  "ALL", "ALTER", "ANALYZE", "ANY", "AS", "ASC", "BEGIN", "BY", "CARDINALITY", "CREATE", "CONTINUOUS",
  "DATABASE", "DATABASES", "DEFAULT", "DELETE", "DESC", "DESTINATIONS", "DIAGNOSTICS", "DISTINCT", "DROP",
  "DURATION", "END", "EVERY", "EXACT", "EXPLAIN", "FIELD", "FOR", "FROM", "FUTURE", "GRANT", "GRANTS", "GROUP",
  "GROUPS", "IN", "INF", "INSERT", "INTO", "KEY", "KEYS", "KILL", "LIMIT", "MEASUREMENT", "MEASUREMENTS", "NAME",
  "OFFSET", "ON", "ORDER", "PASSWORD", "PAST", "POLICY", "POLICIES", "PRIVILEGES", "QUERIES", "QUERY", "READ",
  "REPLICATION", "RESAMPLE", "RETENTION", "REVOKE", "SELECT", "SERIES", "SET", "SHOW", "SHARD", "SHARDS",
  "SLIMIT", "SOFFSET", "STATS", "SUBSCRIPTION", "SUBSCRIPTIONS", "TAG", "TO", "USER", "USERS", "VALUES",
  "VERBOSE", "WHERE", "WITH", "WRITE",
] as const;
export type Keyword = (typeof KEYWORDS)[number];

/** Operators and punctuation, with the text Go prints for them. */
const SYMBOLS = {
  ADD: "+",
  SUB: "-",
  MUL: "*",
  DIV: "/",
  MOD: "%",
  BITWISE_AND: "&",
  BITWISE_OR: "|",
  BITWISE_XOR: "^",
  AND: "AND",
  OR: "OR",
  EQ: "=",
  NEQ: "!=",
  EQREGEX: "=~",
  NEQREGEX: "!~",
  LT: "<",
  LTE: "<=",
  GT: ">",
  GTE: ">=",
  LPAREN: "(",
  RPAREN: ")",
  COMMA: ",",
  COLON: ":",
  DOUBLECOLON: "::",
  SEMICOLON: ";",
  DOT: ".",
} as const;
type SymbolToken = keyof typeof SYMBOLS;

/**
 * Go's token table has no entry for these four, so `Token.String()` is empty for them; messages
 * built from them therefore depend on their literal alone.
 */
const UNNAMED = new Set<string>(["COMMENT", "BOUNDPARAM", "INTEGER", "BADREGEX"]);

export type Token =
  | "ILLEGAL"
  | "EOF"
  | "WS"
  | "COMMENT"
  | "IDENT"
  | "BOUNDPARAM"
  | "NUMBER"
  | "INTEGER"
  | "DURATIONVAL"
  | "STRING"
  | "BADSTRING"
  | "BADESCAPE"
  | "TRUE"
  | "FALSE"
  | "REGEX"
  | "BADREGEX"
  | SymbolToken
  | Keyword;

/** The operators ParseExpr accepts between operands. */
const OPERATORS: ReadonlySet<Token> = new Set<Token>([
  "ADD", "SUB", "MUL", "DIV", "MOD", "BITWISE_AND", "BITWISE_OR", "BITWISE_XOR", "AND", "OR",
  "EQ", "NEQ", "EQREGEX", "NEQREGEX", "LT", "LTE", "GT", "GTE",
]);

export type OperatorToken =
  | "ADD" | "SUB" | "MUL" | "DIV" | "MOD" | "BITWISE_AND" | "BITWISE_OR" | "BITWISE_XOR" | "AND" | "OR"
  | "EQ" | "NEQ" | "EQREGEX" | "NEQREGEX" | "LT" | "LTE" | "GT" | "GTE";

export function isOperator(tok: Token): tok is OperatorToken {
  return OPERATORS.has(tok);
}

export function tokenText(tok: Token): string {
  if (tok in SYMBOLS) return SYMBOLS[tok as SymbolToken];
  return UNNAMED.has(tok) ? "" : tok;
}

/** Text of an operator token, which is also how the AST spells the operator. */
export function operatorText(tok: OperatorToken): (typeof SYMBOLS)[OperatorToken] {
  return SYMBOLS[tok];
}

const LONGEST_KEYWORD = Math.max(...KEYWORDS.map((k) => k.length));
const LOOKUP = new Map<string, Token>();
for (const k of KEYWORDS) LOOKUP.set(k.toLowerCase(), k);
LOOKUP.set("and", "AND");
LOOKUP.set("or", "OR");
LOOKUP.set("true", "TRUE");
LOOKUP.set("false", "FALSE");

/** Words as written (any case) already looked up: queries repeat a small vocabulary. */
const SEEN = new Map<string, Token>();
const MAX_SEEN = 4096;

/** The keyword an unquoted word spells, case-insensitively, or IDENT. */
export function lookupKeyword(word: string): Token {
  if (word.length > LONGEST_KEYWORD) return "IDENT";
  let tok = SEEN.get(word);
  if (tok === undefined) {
    tok = LOOKUP.get(word.toLowerCase()) ?? "IDENT";
    if (SEEN.size >= MAX_SEEN) SEEN.clear();
    SEEN.set(word, tok);
  }
  return tok;
}
