import type { Bucket } from "../storage/meta/schema.ts";
import type { MetaStore } from "../storage/meta/meta-store.ts";
import type { Engine } from "../storage/tsdb/engine.ts";
import type { Logger } from "./logger.ts";

/** A bucket's retention in ms, or undefined when it keeps data forever. */
export function retentionMs(bucket: Pick<Bucket, "retentionRules">): number | undefined {
  const seconds = bucket.retentionRules.find((r) => r.type === "expire")?.everySeconds ?? 0;
  return seconds > 0 ? seconds * 1000 : undefined;
}

/** Points older than this (ms since the epoch) are outside the bucket's retention; undefined = none. */
export function retentionCutoffMs(bucket: Pick<Bucket, "retentionRules">, nowMs: number): number | undefined {
  const ms = retentionMs(bucket);
  return ms === undefined ? undefined : nowMs - ms;
}

/** Enforces every bucket's retention now and then every `intervalMs`; returns a stop function. */
export function startRetentionEnforcer(meta: MetaStore, engine: Engine, logger: Logger, intervalMs: number): () => void {
  const run = async () => {
    try {
      const retention = new Map<string, number>();
      for (const b of await meta.buckets.listAll()) retention.set(b.id, retentionMs(b) ?? 0);
      engine.enforceRetention(retention, Date.now());
    } catch (err) {
      logger.error({ err }, "retention enforcement failed");
    }
  };
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
