/**
 * Every configuration option, once: its environment variable, its command-line flag and what it
 * means. The CLI builds its flags from this table and config errors name options through it.
 */
export interface OptionSpec {
  env: string;
  /** Commander syntax: `--name <value>`, or `--name` alone for a switch. */
  flag: string;
  description: string;
  /** The default as the help text shows it; absent = unset unless given. */
  defaultText?: string;
  /** Never echoed back in messages. */
  secret?: boolean;
}

export const OPTIONS = {
  httpBind: {
    env: "STRATA_HTTP_BIND",
    flag: "--http-bind <host:port>",
    description: "address the HTTP API listens on (port 0 = any free port)",
    defaultText: "127.0.0.1:8086",
  },
  dataDir: {
    env: "STRATA_DATA_DIR",
    flag: "--data-dir <path>",
    description: "directory for time-series data and the local metadata database",
    defaultText: "./.strata",
  },
  metaUrl: {
    env: "STRATA_META_URL",
    flag: "--meta-url <url>",
    description: "metadata database: file:<path>, or libsql://... / https://... for a remote Turso/libSQL primary",
    defaultText: "file:<data-dir>/meta.db",
  },
  metaAuthToken: {
    env: "STRATA_META_AUTH_TOKEN",
    flag: "--meta-auth-token <token>",
    description: "auth token for a remote metadata primary (Turso database token)",
    secret: true,
  },
  metaSyncUrl: {
    env: "STRATA_META_SYNC_URL",
    flag: "--meta-sync-url <url>",
    description: "remote primary to replicate from; the meta URL (a file) becomes an embedded replica",
  },
  metaSyncInterval: {
    env: "STRATA_META_SYNC_INTERVAL",
    flag: "--meta-sync-interval <seconds>",
    description: "seconds between embedded-replica syncs (unset = sync at start only)",
  },
  operatorToken: {
    env: "STRATA_OPERATOR_TOKEN",
    flag: "--operator-token <token>",
    description: "operator token with all permissions (unset = generate one at first start and print it once)",
    secret: true,
  },
  org: {
    env: "STRATA_ORG",
    flag: "--org <name>",
    description: "name of the default organization, created at start if missing",
    defaultText: "default",
  },
  bucket: {
    env: "STRATA_BUCKET",
    flag: "--bucket <name>",
    description: "name of the default bucket in the default organization, created at start if missing",
    defaultText: "default",
  },
  withoutAuth: {
    env: "STRATA_WITHOUT_AUTH",
    flag: "--without-auth",
    description: "accept every request as the operator (local use only)",
    defaultText: "false",
  },
  logLevel: {
    env: "STRATA_LOG_LEVEL",
    flag: "--log-level <level>",
    description: "fatal, error, warn, info, debug, trace or silent",
    defaultText: "info (warn under NODE_ENV=test)",
  },
  maxBodyBytes: {
    env: "STRATA_MAX_BODY_BYTES",
    flag: "--max-body-bytes <size>",
    description: "largest request body accepted, as sent (bytes, or with KB/MB/GB or KiB/MiB/GiB)",
    defaultText: "50MiB",
  },
  maxDecompressedBytes: {
    env: "STRATA_MAX_DECOMPRESSED_BYTES",
    flag: "--max-decompressed-bytes <size>",
    description: "largest request body accepted after gzip decompression",
    defaultText: "250MiB",
  },
  flushBytes: {
    env: "STRATA_FLUSH_BYTES",
    flag: "--flush-bytes <size>",
    description: "buffered point data that starts a flush to segment files",
    defaultText: "64MiB",
  },
  maxBufferBytes: {
    env: "STRATA_MAX_BUFFER_BYTES",
    flag: "--max-buffer-bytes <size>",
    description: "buffered point data past which writes wait for a flush (then 503 + Retry-After)",
    defaultText: "256MiB",
  },
  maxWriteWaitMs: {
    env: "STRATA_MAX_WRITE_WAIT_MS",
    flag: "--max-write-wait-ms <ms>",
    description: "how long a write may wait for room in a full buffer before it is answered 503",
    defaultText: "10000",
  },
} as const satisfies Record<string, OptionSpec>;

export type OptionKey = keyof typeof OPTIONS;

/** How an option is named in messages: both ways a user can set it. */
export function optionLabel(key: OptionKey): string {
  const spec = OPTIONS[key];
  return `${spec.env} (${spec.flag.split(" ")[0]})`;
}
