import type { Dbrp } from "../../storage/meta/schema.ts";

/** A mapping as the spec's `DBRP` schema. */
export interface DbrpView {
  id: string;
  orgID: string;
  bucketID: string;
  database: string;
  retention_policy: string;
  default: boolean;
  links: { self: string };
}

export function presentDbrp(row: Dbrp): DbrpView {
  return {
    id: row.id,
    orgID: row.orgId,
    bucketID: row.bucketId,
    database: row.database,
    retention_policy: row.retentionPolicy,
    default: row.isDefault,
    links: { self: `/api/v2/dbrps/${row.id}` },
  };
}
