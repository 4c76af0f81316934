/**
 * Builds dist/strata: one executable with the Bun runtime, the app, the embedded migrations and
 * libsql's native module, runnable with no node_modules beside it.
 *
 *   bun run build.ts [--outfile <path>]
 *
 * The libsql trap: libsql/index.js loads its native module with
 * `require(\`@libsql/${target}\`)`, a computed name the bundler can't follow, so a compiled binary
 * fails at its first query. The plugin below rewrites that call into a static require of this
 * platform's `index.node`, which Bun then embeds in the executable.
 */
import type { BunPlugin } from "bun";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { parseArgs } from "node:util";

const DYNAMIC_REQUIRE = "require(`@libsql/${target}`)";

/** The name of libsql's prebuilt package for this machine, as libsql's own loader picks it. */
function libsqlTarget(): string {
  const { platform, arch } = process;
  if (platform === "win32") return `win32-${arch}-msvc`;
  if (platform !== "linux") return `${platform}-${arch}`;
  const musl = readdirSync("/lib").some((f) => f.startsWith("ld-musl-"));
  if (arch === "arm") return musl ? "linux-arm-musleabihf" : "linux-arm-gnueabihf";
  return `linux-${arch}-${musl ? "musl" : "gnu"}`;
}

export function embedLibsqlNative(): BunPlugin {
  const nativePath = Bun.resolveSync(`@libsql/${libsqlTarget()}/index.node`, import.meta.dir);
  return {
    name: "embed-libsql-native",
    setup(build) {
      build.onLoad({ filter: /[\\/]node_modules[\\/]libsql[\\/]index\.js$/ }, async ({ path }) => {
        const source = await Bun.file(path).text();
        if (!source.includes(DYNAMIC_REQUIRE)) {
          throw new Error(`${path} no longer contains ${DYNAMIC_REQUIRE}: update the libsql plugin in build.ts`);
        }
        return { contents: source.replace(DYNAMIC_REQUIRE, `require(${JSON.stringify(nativePath)})`), loader: "js" };
      });
    },
  };
}

function gitCommit(): string {
  const git = Bun.spawnSync(["git", "rev-parse", "--short=12", "HEAD"], { cwd: import.meta.dir, stderr: "ignore" });
  return git.success ? git.stdout.toString().trim() : "dev";
}

export async function buildBinary(outfile: string): Promise<void> {
  const result = await Bun.build({
    entrypoints: [`${import.meta.dir}/app/main.ts`],
    compile: { outfile, autoloadBunfig: false },
    minify: true,
    // Bytecode compiled at build time, embedded beside the source: the binary is ready to serve
    // ~40 % sooner and answers its first query in half the time (bench/RESULTS.md, "Cold start").
    bytecode: true,
    format: "esm",
    // Embedded in the executable (stack traces name source lines); the .map Bun also writes is removed.
    sourcemap: "linked",
    define: { "process.env.STRATA_BUILD_COMMIT": JSON.stringify(gitCommit()) },
    plugins: [embedLibsqlNative()],
  });
  if (!result.success) {
    throw new AggregateError(result.logs, `build failed:\n${result.logs.map(String).join("\n")}`);
  }
  if (!existsSync(outfile)) throw new Error(`build reported success but wrote no ${outfile}`);
  rmSync(`${outfile}.map`, { force: true });
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { outfile: { type: "string", default: "dist/strata" } } });
  const started = performance.now();
  await buildBinary(values.outfile!);
  const size = Bun.file(values.outfile!).size;
  console.log(`built ${values.outfile} (${(size / 1e6).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
