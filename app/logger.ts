import pino, { type Logger } from "pino";
import type { LogLevel } from "./config/config.ts";

export type { Logger };

/** Structured JSON lines on stdout, one per event. */
export function createLogger(level: LogLevel): Logger {
  return pino({
    name: "strata",
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
}
