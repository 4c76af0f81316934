import { describe, expect, test } from "bun:test";
import { resolve } from "node:path";
import { ConfigError, loadConfig, type ConfigFlags } from "../../app/config/config.ts";
import { OPTIONS } from "../../app/config/options.ts";

function problems(flags: ConfigFlags, env: Record<string, string> = {}): string[] {
  try {
    loadConfig(flags, env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error("expected a ConfigError");
}

describe("defaults", () => {
  test("serve a laptop: 127.0.0.1:8086, ./.strata, a metadata file in it, org and bucket 'default'", () => {
    const c = loadConfig({}, {});
    expect(c.http).toEqual({ hostname: "127.0.0.1", port: 8086 });
    expect(c.dataDir).toBe(resolve(".strata"));
    expect(c.meta).toEqual({ url: `file:${resolve(".strata", "meta.db")}` });
    expect(c).toMatchObject({ org: "default", bucket: "default", withoutAuth: false, logLevel: "info" });
    expect(c.operatorToken).toBeUndefined();
    expect(c.maxBodyBytes).toBe(50 * 1024 * 1024);
    expect(c.maxDecompressedBytes).toBe(250 * 1024 * 1024);
  });

  test("tests are quiet: warn under NODE_ENV=test", () => {
    expect(loadConfig({}, { NODE_ENV: "test" }).logLevel).toBe("warn");
  });
});

describe("sources", () => {
  test("every option has a STRATA_* variable and a --kebab-case flag", () => {
    for (const spec of Object.values(OPTIONS)) {
      expect(spec.env).toMatch(/^STRATA_[A-Z_]+$/);
      const flag = spec.flag.split(" ")[0]!;
      expect(flag).toBe(`--${spec.env.slice("STRATA_".length).toLowerCase().replaceAll("_", "-")}`);
    }
  });

  test("environment variables are read; flags win over them; empty variables count as unset", () => {
    const env = { STRATA_ORG: "from-env", STRATA_BUCKET: "env-bucket", STRATA_DATA_DIR: "", STRATA_LOG_LEVEL: "debug" };
    const c = loadConfig({ org: "from-flag" }, env);
    expect(c).toMatchObject({ org: "from-flag", bucket: "env-bucket", logLevel: "debug", dataDir: resolve(".strata") });
  });

  test("all options parse", () => {
    const c = loadConfig(
      {
        httpBind: "0.0.0.0:0",
        dataDir: "/var/lib/strata",
        metaUrl: "file:/var/lib/strata/replica.db",
        metaAuthToken: "turso-token",
        metaSyncUrl: "libsql://db-org.turso.io",
        metaSyncInterval: "15",
        operatorToken: "op-token",
        withoutAuth: true,
        maxBodyBytes: "10MB",
        maxDecompressedBytes: "1GiB",
      },
      {},
    );
    expect(c).toMatchObject({
      http: { hostname: "0.0.0.0", port: 0 },
      dataDir: "/var/lib/strata",
      meta: {
        url: "file:/var/lib/strata/replica.db",
        authToken: "turso-token",
        syncUrl: "libsql://db-org.turso.io",
        syncIntervalSeconds: 15,
      },
      operatorToken: "op-token",
      withoutAuth: true,
      maxBodyBytes: 10_000_000,
      maxDecompressedBytes: 1024 ** 3,
    });
  });

  test("bind addresses: IPv4, IPv6 in brackets, host names, and :port for all interfaces", () => {
    const bind = (httpBind: string) => loadConfig({ httpBind }, {}).http;
    expect(bind("[::1]:9999")).toEqual({ hostname: "::1", port: 9999 });
    expect(bind("localhost:1")).toEqual({ hostname: "localhost", port: 1 });
    expect(bind(":8086")).toEqual({ hostname: "0.0.0.0", port: 8086 });
  });

  test("booleans from the environment", () => {
    for (const yes of ["true", "1", "yes", "ON"]) expect(loadConfig({}, { STRATA_WITHOUT_AUTH: yes }).withoutAuth).toBe(true);
    for (const no of ["false", "0", "no", "off"]) expect(loadConfig({}, { STRATA_WITHOUT_AUTH: no }).withoutAuth).toBe(false);
  });

  test("a remote primary without a replica", () => {
    const c = loadConfig({}, { STRATA_META_URL: "libsql://db-org.turso.io", STRATA_META_AUTH_TOKEN: "t" });
    expect(c.meta).toEqual({ url: "libsql://db-org.turso.io", authToken: "t" });
  });
});

describe("bad values name the option", () => {
  const cases: [ConfigFlags, Record<string, string>, string][] = [
    [{ httpBind: "8086" }, {}, 'STRATA_HTTP_BIND (--http-bind): expected host:port with a port from 0 to 65535, e.g. 127.0.0.1:8086, got "8086"'],
    [{ httpBind: "h:70000" }, {}, "STRATA_HTTP_BIND (--http-bind)"],
    [{}, { STRATA_META_URL: "postgres://x" }, "STRATA_META_URL (--meta-url)"],
    [{}, { STRATA_META_SYNC_URL: "file:/x" }, "STRATA_META_SYNC_URL (--meta-sync-url)"],
    [{}, { STRATA_META_SYNC_URL: "libsql://x.turso.io", STRATA_META_SYNC_INTERVAL: "-3" }, "STRATA_META_SYNC_INTERVAL (--meta-sync-interval)"],
    [{}, { STRATA_META_SYNC_INTERVAL: "30" }, "STRATA_META_SYNC_INTERVAL (--meta-sync-interval): needs STRATA_META_SYNC_URL"],
    [{}, { STRATA_META_URL: "libsql://a.turso.io", STRATA_META_SYNC_URL: "libsql://b.turso.io" }, "STRATA_META_URL (--meta-url): must be a file: URL"],
    [{}, { STRATA_ORG: "   " }, "STRATA_ORG (--org): must not be empty"],
    [{}, { STRATA_WITHOUT_AUTH: "sometimes" }, 'STRATA_WITHOUT_AUTH (--without-auth): expected true or false, got "sometimes"'],
    [{}, { STRATA_LOG_LEVEL: "loud" }, "STRATA_LOG_LEVEL (--log-level)"],
    [{}, { STRATA_MAX_BODY_BYTES: "lots" }, "STRATA_MAX_BODY_BYTES (--max-body-bytes)"],
    [{}, { STRATA_MAX_BODY_BYTES: "0" }, "STRATA_MAX_BODY_BYTES (--max-body-bytes)"],
    [{ maxBodyBytes: "10MB", maxDecompressedBytes: "1MB" }, {}, "STRATA_MAX_DECOMPRESSED_BYTES (--max-decompressed-bytes): must not be smaller"],
  ];
  for (const [flags, env, expected] of cases) {
    test(expected, () => {
      expect(problems(flags, env).join("\n")).toContain(expected);
    });
  }

  test("every bad option is reported at once", () => {
    expect(problems({ httpBind: "x", logLevel: "y" })).toHaveLength(2);
  });

  test("secrets are never echoed", () => {
    const [problem] = problems({ operatorToken: "has space secret" });
    expect(problem).toStartWith("STRATA_OPERATOR_TOKEN (--operator-token)");
    expect(problem).not.toContain("secret");
  });
});
