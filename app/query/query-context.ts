import type { MetaStore } from "../../storage/meta/meta-store.ts";
import type { Bucket } from "../../storage/meta/schema.ts";
import type { Engine } from "../../storage/tsdb/engine.ts";
import type { Principal } from "../auth/permissions.ts";
import type { BucketResolver } from "../buckets/bucket-resolver.ts";
import type { Logger } from "../logger.ts";

/** Everything a statement needs to run: stores, who asks, and the request's defaults. */
export interface QueryContext {
  meta: MetaStore;
  buckets: BucketResolver;
  engine: Engine;
  logger: Logger;
  principal: Principal;
  /** The org the request acts in (the token's). */
  orgId: string;
  /** The request's `db` and `rp` parameters (empty when absent). */
  db: string;
  rp: string;
  /** now() for every statement of the request, ns since the epoch. */
  nowNs: bigint;
  /** The request came as GET (write statements then carry InfluxDB's deprecation message). */
  viaGet: boolean;
}

/** A database resolved for a statement, with the bucket that holds its data. */
export interface ResolvedDatabase {
  database: string;
  retentionPolicy: string;
  bucket: Bucket;
}
