/** Users and privileges: CREATE/DROP USER, SET PASSWORD, GRANT, REVOKE, SHOW GRANTS. */
import type {
  CreateUserStatement,
  DropUserStatement,
  Privilege,
  SetPasswordUserStatement,
  ShowGrantsForUserStatement,
  Statement,
} from "./ast.ts";
import { unexpected } from "./parse-error.ts";
import { accept, parseIdent, parseString, parseTokens } from "./parse-primitives.ts";
import type { TokenStream } from "./token-stream.ts";

/** After CREATE USER. */
export function parseCreateUser(ts: TokenStream): CreateUserStatement {
  const name = parseIdent(ts);
  parseTokens(ts, ["WITH", "PASSWORD"]);
  const password = parseString(ts);
  if (!accept(ts, "WITH")) return { kind: "create-user", name, password, admin: false };
  // Only admin rights can be given at creation.
  parseTokens(ts, ["ALL", "PRIVILEGES"]);
  return { kind: "create-user", name, password, admin: true };
}

/** After DROP USER. */
export function parseDropUser(ts: TokenStream): DropUserStatement {
  return { kind: "drop-user", name: parseIdent(ts) };
}

/** After SET PASSWORD FOR. */
export function parseSetPassword(ts: TokenStream): SetPasswordUserStatement {
  const name = parseIdent(ts);
  const eq = ts.scanIgnoreWhitespace();
  if (eq.tok !== "EQ") throw unexpected(eq, ["="]);
  return { kind: "set-password", name, password: parseString(ts) };
}

/** After SHOW GRANTS FOR. */
export function parseShowGrants(ts: TokenStream): ShowGrantsForUserStatement {
  return { kind: "show-grants", user: parseIdent(ts) };
}

function parsePrivilege(ts: TokenStream): Privilege {
  const t = ts.scanIgnoreWhitespace();
  if (t.tok === "READ") return "READ";
  if (t.tok === "WRITE") return "WRITE";
  if (t.tok === "ALL") {
    accept(ts, "PRIVILEGES");
    return "ALL PRIVILEGES";
  }
  throw unexpected(t, ["READ", "WRITE", "ALL [PRIVILEGES]"]);
}

/**
 * After GRANT (`to` = TO) or REVOKE (`to` = FROM): `<privilege> ON db TO|FROM user`, or for
 * ALL PRIVILEGES without ON, the admin right.
 */
function parsePrivilegeChange(ts: TokenStream, to: "TO" | "FROM"): Statement {
  const privilege = parsePrivilege(ts);
  const t = ts.scanIgnoreWhitespace();
  const grant = to === "TO";
  if (t.tok === "ON") {
    const database = parseIdent(ts);
    parseTokens(ts, [to]);
    return { kind: grant ? "grant" : "revoke", privilege, database, user: parseIdent(ts) };
  }
  if (t.tok === to && privilege === "ALL PRIVILEGES") {
    return { kind: grant ? "grant-admin" : "revoke-admin", user: parseIdent(ts) };
  }
  throw unexpected(t, privilege === "ALL PRIVILEGES" ? ["ON", to] : ["ON"]);
}

export const parseGrant = (ts: TokenStream) => parsePrivilegeChange(ts, "TO");
export const parseRevoke = (ts: TokenStream) => parsePrivilegeChange(ts, "FROM");
