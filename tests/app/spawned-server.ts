/**
 * Runs strata as a separate process (source or compiled binary) and waits for it to listen, for
 * the tests that need real process behaviour: exit codes, stdout, signals.
 */
import type { Subprocess } from "bun";
import { readFileSync } from "node:fs";

export interface SpawnedServer {
  proc: Subprocess<"ignore", "pipe", "pipe">;
  url: string;
  /** Everything written to stdout up to "listening" (the token line, log lines). */
  stdout: string;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number>;
}

export async function spawnServer(
  cmd: string[],
  options: { cwd: string; env?: Record<string, string>; timeoutMs?: number },
): Promise<SpawnedServer> {
  const proc = Bun.spawn(cmd, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? "", HOME: options.cwd, ...options.env },
    stdin: "ignore",
    stdout: "pipe",
    stderr: "pipe",
  });
  const stderr = new Response(proc.stderr).text();
  const reader = proc.stdout.getReader();
  const decoder = new TextDecoder();
  let stdout = "";
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  while (Date.now() < deadline) {
    const { done, value } = await reader.read();
    if (done) break;
    stdout += decoder.decode(value, { stream: true });
    const url = stdout.match(/"msg":"listening"/) && stdout.match(/"url":"(http:\/\/[^"]+?)\/?"/)?.[1];
    if (url) {
      // Keep draining stdout so the child never blocks on a full pipe.
      void (async () => {
        while (!(await reader.read()).done);
      })();
      return {
        proc,
        url,
        stdout,
        stop: async (signal = "SIGTERM") => {
          proc.kill(signal);
          return proc.exited;
        },
      };
    }
  }
  proc.kill("SIGKILL");
  throw new Error(`server did not start\nstdout:\n${stdout}\nstderr:\n${await stderr}`);
}

export async function runToExit(cmd: string[], options: { cwd: string; env?: Record<string, string> }) {
  const proc = Bun.spawn(cmd, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? "", HOME: options.cwd, ...options.env },
    stdin: "ignore",
    stdout: "pipe",
    stderr: "pipe",
  });
  const [stdout, stderr, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ]);
  return { stdout, stderr, code };
}

/** A running process's environment or command line, as /proc lists them (NUL-separated strings). */
export function procStrings(pid: number, file: "environ" | "cmdline"): string[] {
  return readFileSync(`/proc/${pid}/${file}`, "utf8").split("\0");
}
