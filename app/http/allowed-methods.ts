/**
 * Which methods the app serves on a path, from its route table: a request whose path is known but
 * whose method is not gets 405 with `Allow` (SEMANTICS.md: "405 method not allowed on that path"),
 * not a 404 that would suggest the path is wrong.
 */

export interface RouteEntry {
  method: string;
  path: string;
}

/** Route patterns (`/api/v2/buckets/:bucketID`) as a lookup from a request path to its methods; middleware (`ALL`) is left out. */
export function allowedMethods(routes: readonly RouteEntry[]): (path: string) => string[] {
  const patterns = new Map<string, { re: RegExp; methods: Set<string> }>();
  for (const { method, path } of routes) {
    if (method === "ALL") continue;
    let entry = patterns.get(path);
    if (entry === undefined) {
      const source = path
        .split("/")
        .map((segment) => (segment.startsWith(":") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
        .join("/");
      patterns.set(path, (entry = { re: new RegExp(`^${source}/?$`), methods: new Set() }));
    }
    entry.methods.add(method);
    if (method === "GET") entry.methods.add("HEAD");
  }
  return (path) => {
    const methods = new Set<string>();
    for (const { re, methods: m } of patterns.values()) if (re.test(path)) for (const x of m) methods.add(x);
    return [...methods].sort();
  };
}
