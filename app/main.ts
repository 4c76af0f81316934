#!/usr/bin/env bun
import { restartWithoutIdleCollections } from "./keep-optimized-code.ts";

restartWithoutIdleCollections();
// Imported after the restart, so the replaced process loads none of the app.
const { buildCli } = await import("./cli.ts");
try {
  await buildCli().parseAsync(process.argv);
} catch (err) {
  process.stderr.write(`strata: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
