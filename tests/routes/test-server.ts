/**
 * A real strata server for tests: real libSQL file in a fresh temp dir, real HTTP on a free port.
 * Route tests start one per file (beforeAll) and stop it after (afterAll).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, type ConfigFlags } from "../../app/config/config.ts";
import { startServer, type RunningServer } from "../../app/server.ts";

export const TEST_TOKEN = "test-operator-token-0123456789abcdef";

export interface TestServer {
  server: RunningServer;
  /** Base URL without trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  dataDir: string;
  /** fetch relative to the server, with the operator token unless `auth: false`. */
  request(path: string, init?: RequestInit & { auth?: boolean }): Promise<Response>;
  /** Stops the server and removes its data dir (keep it with `removeData: false`). */
  stop(options?: { removeData?: boolean }): Promise<void>;
}

export function tempDir(prefix = "strata-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function startTestServer(flags: ConfigFlags = {}, dataDir = tempDir()): Promise<TestServer> {
  const config = loadConfig(
    { httpBind: "127.0.0.1:0", dataDir, operatorToken: TEST_TOKEN, logLevel: "silent", ...flags },
    {},
  );
  const server = await startServer(config, { print: () => {} });
  const url = server.url.origin;
  return {
    server,
    url,
    dataDir,
    request: (path, init = {}) => {
      const headers = new Headers(init.headers);
      if (init.auth !== false && !headers.has("authorization")) headers.set("Authorization", `Token ${TEST_TOKEN}`);
      return fetch(`${url}${path}`, { ...init, headers });
    },
    stop: async (options = {}) => {
      await server.close();
      if (options.removeData !== false) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
