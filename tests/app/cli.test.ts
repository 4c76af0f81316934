import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { EXIT_CONFIG } from "../../app/cli.ts";
import { OPTIONS } from "../../app/config/options.ts";
import { VERSION } from "../../app/version.ts";
import { tempDir } from "../routes/test-server.ts";
import { procStrings, runToExit, spawnServer } from "./spawned-server.ts";

const MAIN = resolve(import.meta.dir, "../../app/main.ts");
const strata = (...args: string[]) => [process.execPath, MAIN, ...args];
const cwd = tempDir("strata-cli-");
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

test("--help lists every option with its flag and STRATA_* variable", async () => {
  const { stdout, code } = await runToExit(strata("--help"), { cwd });
  expect(code).toBe(0);
  expect(stdout).toContain("serve");
  expect(stdout).toContain("version");
  for (const spec of Object.values(OPTIONS)) {
    expect(stdout).toContain(spec.flag.split(" ")[0]!);
    expect(stdout).toContain(spec.env);
  }
});

test("version prints the version and commit", async () => {
  const { stdout, code } = await runToExit(strata("version"), { cwd });
  expect(code).toBe(0);
  expect(stdout).toBe(`strata ${VERSION} (dev)\n`);
});

describe("a bad configuration", () => {
  test("from a flag: a clear message naming the option, non-zero exit, nothing created", async () => {
    const dataDir = join(cwd, "never");
    const { stderr, stdout, code } = await runToExit(strata("--http-bind", "nope", "--data-dir", dataDir), { cwd });
    expect(code).toBe(EXIT_CONFIG);
    expect(stderr).toContain("strata: invalid configuration:");
    expect(stderr).toContain('STRATA_HTTP_BIND (--http-bind): expected host:port');
    expect(stderr).not.toContain("    at "); // no stack trace
    expect(stdout).toBe("");
    expect(existsSync(dataDir)).toBe(false);
  });

  test("from the environment, for `serve` too", async () => {
    const { stderr, code } = await runToExit(strata("serve"), { cwd, env: { STRATA_MAX_BODY_BYTES: "huge" } });
    expect(code).toBe(EXIT_CONFIG);
    expect(stderr).toContain("STRATA_MAX_BODY_BYTES (--max-body-bytes)");
  });
});

test("serve: prints the generated token once, answers, stops cleanly on SIGTERM and SIGINT; a restart prints no token", async () => {
  const dataDir = join(cwd, "data");
  const env = { STRATA_DATA_DIR: dataDir, STRATA_LOG_LEVEL: "info" };
  const first = await spawnServer(strata("--http-bind", "127.0.0.1:0"), { cwd, env });
  const token = first.stdout.match(/operator token \(shown only this once, store it now\): (\S+)/)?.[1];
  expect(token).toBeDefined();
  expect((await fetch(`${first.url}/ping`)).status).toBe(204);
  const auth = { headers: { Authorization: `Token ${token}` } };
  expect((await fetch(`${first.url}/api/v2/resources`, auth)).status).toBe(200);
  expect(await first.stop("SIGTERM")).toBe(0);

  const second = await spawnServer(strata("serve", "--http-bind", "127.0.0.1:0"), { cwd, env });
  expect(second.stdout).not.toContain("operator token");
  expect((await fetch(`${second.url}/api/v2/resources`, auth)).status).toBe(200);
  expect(await second.stop("SIGINT")).toBe(0);
});

test("serve replaces itself, same pid, with Bun's idle collections off; a BUN_GC_TIMER_DISABLE already set is left alone", async () => {
  const env = { STRATA_DATA_DIR: join(cwd, "idle-gc") };
  const replaced = await spawnServer(strata("serve", "--http-bind", "127.0.0.1:0"), { cwd, env });
  expect(procStrings(replaced.proc.pid, "environ")).toContain("BUN_GC_TIMER_DISABLE=1");
  expect((await fetch(`${replaced.url}/ping`)).status).toBe(204);
  expect(await replaced.stop("SIGTERM")).toBe(0);

  const own = await spawnServer(strata("serve", "--http-bind", "127.0.0.1:0"), { cwd, env: { ...env, BUN_GC_TIMER_DISABLE: "yes" } });
  expect(procStrings(own.proc.pid, "environ")).toContain("BUN_GC_TIMER_DISABLE=yes");
  expect(await own.stop("SIGTERM")).toBe(0);
});
