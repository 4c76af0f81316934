/**
 * The credentials a request carries (DECISIONS.md #7): `Authorization: Token <t>` or
 * `Bearer <t>`, `Basic base64(user:password)` where the password is a token or a v1 password, and
 * on the v1 routes the `u`/`p` query parameters.
 */
export type Credentials =
  | { kind: "token"; token: string }
  | { kind: "password"; username: string; password: string };

export function readCredentials(request: Request, allowQueryParams: boolean): Credentials | undefined {
  const header = request.headers.get("authorization");
  if (header !== null) return parseAuthorizationHeader(header);
  if (!allowQueryParams) return undefined;

  const params = new URL(request.url).searchParams;
  const password = params.get("p");
  if (password === null || password === "") return undefined;
  return { kind: "password", username: params.get("u") ?? "", password };
}

function parseAuthorizationHeader(header: string): Credentials | undefined {
  const space = header.indexOf(" ");
  if (space < 0) return undefined;
  const scheme = header.slice(0, space).toLowerCase();
  const value = header.slice(space + 1).trim();
  if (value === "") return undefined;

  if (scheme === "token" || scheme === "bearer") return { kind: "token", token: value };
  if (scheme !== "basic") return undefined;
  const decoded = Buffer.from(value, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  const password = decoded.slice(colon + 1);
  return password === "" ? undefined : { kind: "password", username: decoded.slice(0, colon), password };
}
