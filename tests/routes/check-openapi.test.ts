/**
 * Runs the spec's coverage checker (shared/spec/check-openapi.mjs in the steering repo, checked
 * out beside this one) against a live server's /openapi.json. Skipped when the checker isn't there.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { startTestServer, type TestServer } from "./test-server.ts";

const CHECKER = resolve(import.meta.dir, "../../../shared/spec/check-openapi.mjs");

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

test.skipIf(!existsSync(CHECKER))("check-openapi.mjs reads our document and reports coverage", async () => {
  const runtime = Bun.which("node") ?? process.execPath;
  const proc = Bun.spawn([runtime, CHECKER, "--doc", `${t.url}/openapi.json`], { stdout: "pipe", stderr: "pipe" });
  const [out, err, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
  expect(err).toBe("");
  expect(code).toBe(0);
  const last = out.trimEnd().split("\n").slice(-3);
  expect(last[0]).toMatch(/^coverage\[v2\]: \d+\/116 operations/);
  expect(last[2]).toMatch(/^coverage: \d+\/117 operations/);
  expect(out).toContain("Gaps in present operations (0)");
});
