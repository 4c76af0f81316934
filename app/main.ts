#!/usr/bin/env bun
import { buildCli } from "./cli.ts";

try {
  await buildCli().parseAsync(process.argv);
} catch (err) {
  process.stderr.write(`strata: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
