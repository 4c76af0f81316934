/**
 * The one place that turns metadata connection settings into @libsql/client options, for the
 * three ways strata keeps metadata:
 * - local:   a SQLite file (`file:`), the default;
 * - remote:  a Turso / libSQL server (`libsql:`, `https:`, `wss:` ...), every query over the network;
 * - replica: a local file kept in sync with a remote primary (`syncUrl`); reads are local, writes
 *            go to the primary.
 */
import type { Config as LibsqlConfig } from "@libsql/client";
import { fileURLToPath } from "node:url";

export interface MetaConnection {
  url: string;
  authToken?: string;
  /** Set for an embedded replica: `url` is then the local replica file. */
  syncUrl?: string;
  /** Seconds between background syncs of an embedded replica; absent = sync only at start. */
  syncIntervalSeconds?: number;
}

export type MetaMode = "local" | "remote" | "replica";

/** Local file operations wait this long for a lock instead of failing at once with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000;

export function metaMode(connection: MetaConnection): MetaMode {
  if (!isFileUrl(connection.url)) return "remote";
  return connection.syncUrl === undefined ? "local" : "replica";
}

export function libsqlConfig(connection: MetaConnection): LibsqlConfig {
  switch (metaMode(connection)) {
    case "local":
      return { url: connection.url, timeout: BUSY_TIMEOUT_MS };
    case "remote":
      return { url: connection.url, authToken: connection.authToken };
    case "replica":
      return {
        url: connection.url,
        syncUrl: connection.syncUrl,
        authToken: connection.authToken,
        syncInterval: connection.syncIntervalSeconds,
        // A write is visible to the next read on this node, as it would be on the primary.
        readYourWrites: true,
        timeout: BUSY_TIMEOUT_MS,
      };
  }
}

export function isFileUrl(url: string): boolean {
  return url.startsWith("file:");
}

/** The filesystem path of a `file:` URL (`file:/abs`, `file:///abs`, `file:rel/ative`). */
export function filePath(url: string): string {
  if (url.startsWith("file://")) return fileURLToPath(url.split("?")[0]!);
  return url.slice("file:".length).split("?")[0]!;
}
