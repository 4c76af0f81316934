/**
 * Bun's GC timer collects every 30 s while the process is quiet, and at such a collection
 * JavaScriptCore lets go of optimized code that has been quiet for 30 s. The queries after a pause
 * then run in the lower tiers until they are compiled again: a dashboard refreshed every minute
 * would meet slow code every time.
 * Bun reads BUN_GC_TIMER_DISABLE only when it starts, so the process replaces itself (same pid,
 * same open files) with one started with it set. JavaScriptCore's own collections, driven by
 * allocation, still run. Set BUN_GC_TIMER_DISABLE yourself (to anything) and nothing is replaced.
 */
const VARIABLE = "BUN_GC_TIMER_DISABLE";

export function restartWithoutIdleCollections(): void {
  if (VARIABLE in process.env || typeof process.execve !== "function") return;
  // A compiled executable's argv[1] is its embedded entry point, which it finds by itself.
  const compiled = Bun.main.startsWith("/$bunfs/");
  const args = compiled ? process.argv.slice(2) : [...process.execArgv, ...process.argv.slice(1)];
  process.execve(process.execPath, [process.execPath, ...args], { ...process.env, [VARIABLE]: "1" });
}
