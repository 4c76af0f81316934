/**
 * The single binary: build it once (into a temp dir), copy it alone into an empty directory,
 * and run it there. This is what catches a native module (libsql) or a migration that the
 * build failed to embed.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { copyFileSync, existsSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { VERSION } from "../../app/version.ts";
import { MIGRATIONS } from "../../storage/meta/embedded-migrations.ts";
import { procStrings, runToExit, spawnServer, type SpawnedServer } from "../app/spawned-server.ts";
import { tempDir } from "../routes/test-server.ts";

const ROOT = resolve(import.meta.dir, "../..");
let buildDir: string;
let runDir: string;
let binary: string;
let buildSeconds: number;

beforeAll(async () => {
  buildDir = tempDir("strata-build-");
  runDir = tempDir("strata-bin-");
  const started = performance.now();
  const build = await runToExit([process.execPath, "run", "build.ts", "--outfile", join(buildDir, "strata")], { cwd: ROOT });
  buildSeconds = (performance.now() - started) / 1000;
  if (build.code !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  binary = join(runDir, "strata");
  copyFileSync(join(buildDir, "strata"), binary);
});

afterAll(() => {
  rmSync(buildDir, { recursive: true, force: true });
  rmSync(runDir, { recursive: true, force: true });
});

test("the build writes one file", () => {
  expect(readdirSync(buildDir)).toEqual(["strata"]);
  expect(buildSeconds).toBeLessThan(60);
});

test("the binary prints its version", async () => {
  const { stdout, code } = await runToExit([binary, "version"], { cwd: runDir });
  expect(code).toBe(0);
  expect(stdout).toStartWith(`strata ${VERSION} (`);
});

test("the binary serves from an empty directory: /ping, metadata database, migrations, auth", async () => {
  expect(readdirSync(runDir)).toEqual(["strata"]);
  let server: SpawnedServer | undefined;
  try {
    server = await spawnServer([binary, "--http-bind", "127.0.0.1:0"], { cwd: runDir, env: { STRATA_LOG_LEVEL: "info" } });
    const ping = await fetch(`${server.url}/ping`);
    expect(ping.status).toBe(204);
    expect(ping.headers.get("x-influxdb-build")).toBe("OSS");

    // Defaults: ./.strata/meta.db beside the binary, created and migrated by the binary itself.
    expect(existsSync(join(runDir, ".strata", "meta.db"))).toBe(true);
    expect(server.stdout).toContain(`"migrations":${JSON.stringify(MIGRATIONS.map((m) => m.tag))}`);

    const token = server.stdout.match(/store it now\): (\S+)/)?.[1];
    const res = await fetch(`${server.url}/api/v2/resources`, { headers: { Authorization: `Token ${token}` } });
    expect(res.status).toBe(200);
    expect((await fetch(`${server.url}/openapi.json`)).status).toBe(200);
    // Replaced itself (same pid) with Bun's idle collections off, its embedded entry point found again.
    expect(procStrings(server.proc.pid, "environ")).toContain("BUN_GC_TIMER_DISABLE=1");
    expect(procStrings(server.proc.pid, "cmdline")).toEqual([binary, "--http-bind", "127.0.0.1:0", ""]);
  } finally {
    if (server !== undefined) expect(await server.stop()).toBe(0);
  }
});
