import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Engine, EngineMetrics } from "../storage/tsdb/engine.ts";

/** The Prometheus registry /metrics serves; components add their own metrics to it. */
export interface Metrics {
  registry: Registry;
  httpRequests: Counter<"method" | "route" | "status">;
  httpRequestDuration: Histogram<"method" | "route" | "status">;
}

/**
 * The event-loop lag monitor's timer period. prom-client's default (10 ms) wakes an idle server
 * 100 times a second (~1.3 % of a core doing nothing); at 100 ms it is ~14, and any stall longer
 * than 100 ms still shows in the lag figures.
 */
const EVENT_LOOP_SAMPLE_MS = 100;

// One registry per server (not prom-client's global one), so several servers can live in one
// process, as they do in tests.
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });
  return {
    registry,
    httpRequests: new Counter({
      name: "strata_http_requests_total",
      help: "HTTP requests answered, by method, route pattern and status",
      labelNames: ["method", "route", "status"],
      registers: [registry],
    }),
    httpRequestDuration: new Histogram({
      name: "strata_http_request_duration_seconds",
      help: "Time to answer HTTP requests, by method, route pattern and status",
      labelNames: ["method", "route", "status"],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
}

const ENGINE_GAUGES: [keyof EngineMetrics, string, string][] = [
  ["walBytes", "strata_wal_bytes", "Bytes in live WAL files"],
  ["bufferBytes", "strata_buffer_bytes", "Approximate bytes of points buffered in memory"],
  ["segments", "strata_segments", "Segment files being served"],
  ["segmentBytes", "strata_segment_bytes", "Bytes in segment files being served"],
  ["compactions", "strata_compactions_total", "Compactions completed since start"],
  ["flushes", "strata_flushes_total", "Buffer flushes completed since start"],
  ["pointsWritten", "strata_points_written_total", "Points written since start"],
  ["valuesWritten", "strata_field_values_written_total", "Field values written since start"],
];

/** Storage-engine figures, read from the engine when /metrics is scraped. */
export function registerEngineMetrics(metrics: Metrics, engine: Engine): void {
  for (const [key, name, help] of ENGINE_GAUGES) {
    new Gauge({
      name,
      help,
      registers: [metrics.registry],
      collect() {
        this.set(engine.metrics()[key]);
      },
    });
  }
}
