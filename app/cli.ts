/**
 * The command line: `strata [serve] [flags]`, `strata version`, `strata --help`. Flags come from
 * the option table, so every STRATA_* variable has its --flag and the help lists both.
 */
import { Command, Option } from "commander";
import { ConfigError, loadConfig, type ConfigFlags } from "./config/config.ts";
import { OPTIONS, type OptionKey } from "./config/options.ts";
import { startServer } from "./server.ts";
import { COMMIT, VERSION } from "./version.ts";

/** Exit status for a bad configuration (usage error), distinct from a crash. */
export const EXIT_CONFIG = 2;

export function buildCli(): Command {
  const program = new Command("strata")
    .description("InfluxDB-compatible time-series database")
    .version(`${VERSION} (${COMMIT})`, "-V, --version")
    .showHelpAfterError();

  const serve = program
    .command("serve", { isDefault: true })
    .description("start the server (the default command)")
    .action(async (flags: ConfigFlags) => {
      let config;
      try {
        config = loadConfig(flags, process.env);
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        process.stderr.write(`strata: ${err.message}\n`);
        process.exit(EXIT_CONFIG);
      }
      await startServer(config);
    });
  for (const key of Object.keys(OPTIONS) as OptionKey[]) {
    const spec = OPTIONS[key];
    // Only shown here: loadConfig reads the environment and applies defaults (flags > env > default).
    const shown = "defaultText" in spec ? `env ${spec.env}, default ${spec.defaultText}` : `env ${spec.env}`;
    serve.addOption(new Option(spec.flag, `${spec.description} (${shown})`));
  }

  program
    .command("version")
    .description("print the version and exit")
    .action(() => {
      process.stdout.write(`strata ${VERSION} (${COMMIT})\n`);
    });

  program.addHelpText("after", () => `\n${serve.helpInformation()}`);
  return program;
}
