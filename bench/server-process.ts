import { readdirSync, readFileSync } from "node:fs";

/** Peak resident memory (VmHWM) of a process, in MiB, or undefined when it cannot be read. */
export function peakRssMiB(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** User + system CPU seconds a process has used so far. */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * Milliseconds all threads of a process have spent on a CPU (schedstat: nanosecond resolution and,
 * on a VM with steal accounting, without the time the host took the CPU away), or undefined.
 */
export function onCpuMs(pid: number): number | undefined {
  try {
    let ns = 0;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, "utf8").split(" ")[0]);
      } catch {
        // the thread ended between listing and reading
      }
    }
    return ns / 1e6;
  } catch {
    return undefined;
  }
}

/** Polls `url`/ping every `pollMs` until it answers 204; fails after `timeoutMs`. */
export async function waitForPing(url: string, timeoutMs = 30_000, pollMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${url}/ping`)).status === 204) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer /ping within ${timeoutMs} ms`);
    await Bun.sleep(pollMs);
  }
}

export function freePort(): number {
  const s = Bun.serve({ port: 0, fetch: () => new Response() });
  const port = s.port!;
  s.stop(true);
  return port;
}

/** The compiled binary serving `dataDir` on loopback `port` without auth, quiet but for warnings. */
export function serveBinary(binary: string, dataDir: string, port: number) {
  return Bun.spawn([binary, "serve", "--data-dir", dataDir, "--http-bind", `127.0.0.1:${port}`, "--without-auth", "--log-level", "warn"], { stdout: "ignore", stderr: "inherit" });
}
