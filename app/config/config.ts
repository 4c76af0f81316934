/**
 * The validated configuration. Flags win over STRATA_* environment variables, which win over the
 * defaults; valibot checks every value once, at start, so a bad one stops the process with a
 * message naming the option instead of failing later somewhere else.
 */
import { resolve } from "node:path";
import * as v from "valibot";
import type { MetaConnection } from "../../storage/meta/client-options.ts";
import { OPTIONS, optionLabel, type OptionKey, type OptionSpec } from "./options.ts";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  http: { hostname: string; port: number };
  /** Absolute. */
  dataDir: string;
  meta: MetaConnection;
  operatorToken?: string;
  org: string;
  bucket: string;
  withoutAuth: boolean;
  logLevel: LogLevel;
  maxBodyBytes: number;
  maxDecompressedBytes: number;
  flushBytes: number;
  maxBufferBytes: number;
  maxWriteWaitMs: number;
}

/** Raw values as flags and the environment give them; a switch flag arrives as `true`. */
export type ConfigFlags = Partial<Record<OptionKey, string | boolean>>;
export type ConfigEnv = Record<string, string | undefined>;

export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  }
}

const MIB = 1024 * 1024;
const BYTE_UNITS: Record<string, number> = {
  "": 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 1024,
  mib: MIB,
  gib: 1024 * MIB,
};
const REMOTE_URL = /^(libsql|https?|wss?):\/\/[^/\s]+/;

const name = v.pipe(v.string(), v.trim(), v.nonEmpty("must not be empty"));

const byteSize = v.pipe(
  v.string(),
  v.transform((s) => {
    const m = /^\s*(\d+)\s*([a-z]*)\s*$/i.exec(s);
    const unit = m ? BYTE_UNITS[m[2]!.toLowerCase()] : undefined;
    return m && unit !== undefined ? Number(m[1]) * unit : NaN;
  }),
  v.check((n) => Number.isSafeInteger(n) && n > 0, "expected a positive size such as 52428800, 50MiB or 50MB"),
);

const schema = v.object({
  httpBind: v.optional(
    v.pipe(
      v.string(),
      v.rawTransform(({ dataset, addIssue, NEVER }) => {
        const hostPort = parseHostPort(dataset.value);
        if (hostPort === undefined) {
          addIssue({ message: "expected host:port with a port from 0 to 65535, e.g. 127.0.0.1:8086" });
          return NEVER;
        }
        return hostPort;
      }),
    ),
    "127.0.0.1:8086",
  ),
  dataDir: v.optional(v.pipe(name, v.transform((p) => resolve(p))), "./.strata"),
  metaUrl: v.optional(
    v.pipe(
      name,
      v.check((u) => u.startsWith("file:") || REMOTE_URL.test(u), "expected file:<path>, libsql://, http(s):// or ws(s):// URL"),
    ),
  ),
  metaAuthToken: v.optional(name),
  metaSyncUrl: v.optional(v.pipe(name, v.regex(REMOTE_URL, "expected a libsql://, http(s):// or ws(s):// URL"))),
  metaSyncInterval: v.optional(
    v.pipe(
      v.string(),
      v.transform(Number),
      v.check((n) => Number.isInteger(n) && n > 0, "expected a whole number of seconds greater than 0"),
    ),
  ),
  operatorToken: v.optional(v.pipe(v.string(), v.regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces"))),
  org: v.optional(name, "default"),
  bucket: v.optional(name, "default"),
  withoutAuth: v.optional(
    v.pipe(
      v.union([v.boolean(), v.string()]),
      v.rawTransform(({ dataset, addIssue, NEVER }) => {
        const b = typeof dataset.value === "boolean" ? dataset.value : parseBoolean(dataset.value);
        if (b === undefined) {
          addIssue({ message: "expected true or false" });
          return NEVER;
        }
        return b;
      }),
    ),
    false,
  ),
  logLevel: v.optional(v.picklist(LOG_LEVELS, `expected one of ${LOG_LEVELS.join(", ")}`)),
  maxBodyBytes: v.optional(byteSize, String(50 * MIB)),
  maxDecompressedBytes: v.optional(byteSize, String(250 * MIB)),
  flushBytes: v.optional(byteSize, String(64 * MIB)),
  maxBufferBytes: v.optional(byteSize, String(256 * MIB)),
  maxWriteWaitMs: v.optional(v.pipe(v.string(), v.regex(/^\d+$/, "expected a whole number of milliseconds"), v.transform(Number)), "10000"),
});

/** Throws ConfigError listing every bad option. */
export function loadConfig(flags: ConfigFlags, env: ConfigEnv): Config {
  const raw: Partial<Record<OptionKey, string | boolean>> = {};
  for (const key of Object.keys(OPTIONS) as OptionKey[]) {
    const value = flags[key] ?? env[OPTIONS[key].env];
    // An empty environment variable means "not set", as in most 12-factor tools.
    if (value !== undefined && value !== "") raw[key] = value;
  }

  const parsed = v.safeParse(schema, raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.issues.map((issue) => {
        const key = v.getDotPath(issue) as OptionKey;
        const given = raw[key];
        const shown = typeof given === "string" && !(OPTIONS[key] as OptionSpec).secret ? `, got "${given}"` : "";
        return `${optionLabel(key)}: ${issue.message}${shown}`;
      }),
    );
  }
  const c = parsed.output;

  const problems: string[] = [];
  if (c.metaSyncUrl !== undefined && c.metaUrl !== undefined && !c.metaUrl.startsWith("file:")) {
    problems.push(`${optionLabel("metaUrl")}: must be a file: URL (the local replica) when ${OPTIONS.metaSyncUrl.env} is set`);
  }
  if (c.metaSyncInterval !== undefined && c.metaSyncUrl === undefined) {
    problems.push(`${optionLabel("metaSyncInterval")}: needs ${OPTIONS.metaSyncUrl.env}`);
  }
  if (c.maxDecompressedBytes < c.maxBodyBytes) {
    problems.push(`${optionLabel("maxDecompressedBytes")}: must not be smaller than ${OPTIONS.maxBodyBytes.env}`);
  }
  if (c.maxBufferBytes < c.flushBytes) {
    problems.push(`${optionLabel("maxBufferBytes")}: must not be smaller than ${OPTIONS.flushBytes.env}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    http: c.httpBind,
    dataDir: c.dataDir,
    meta: {
      url: c.metaUrl ?? `file:${resolve(c.dataDir, "meta.db")}`,
      authToken: c.metaAuthToken,
      syncUrl: c.metaSyncUrl,
      syncIntervalSeconds: c.metaSyncInterval,
    },
    operatorToken: c.operatorToken,
    org: c.org,
    bucket: c.bucket,
    withoutAuth: c.withoutAuth,
    logLevel: c.logLevel ?? (env.NODE_ENV === "test" ? "warn" : "info"),
    maxBodyBytes: c.maxBodyBytes,
    maxDecompressedBytes: c.maxDecompressedBytes,
    flushBytes: c.flushBytes,
    maxBufferBytes: c.maxBufferBytes,
    maxWriteWaitMs: c.maxWriteWaitMs,
  };
}

/** `host:port`, `[v6]:port` or `:port` (all interfaces). */
function parseHostPort(value: string): { hostname: string; port: number } | undefined {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:\s[\]]*)):(\d{1,5})$/.exec(value.trim());
  if (!m) return undefined;
  const port = Number(m[3]);
  if (port > 65535) return undefined;
  return { hostname: m[1] ?? (m[2] || "0.0.0.0"), port };
}

function parseBoolean(value: string): boolean | undefined {
  const s = value.trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(s)) return true;
  if (["0", "false", "no", "off"].includes(s)) return false;
  return undefined;
}
