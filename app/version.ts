import pkg from "../package.json" with { type: "json" };

export const VERSION: string = pkg.version;

/** build.ts defines STRATA_BUILD_COMMIT as the git sha it built from; a source checkout runs as "dev". */
export const COMMIT: string = process.env.STRATA_BUILD_COMMIT ?? "dev";
