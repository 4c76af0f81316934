import { createHash } from "node:crypto";
import type { MeasurementSchema } from "../../storage/meta/schema.ts";

export function measurementSchemaJson(s: MeasurementSchema) {
  return {
    id: s.id,
    orgID: s.orgId,
    bucketID: s.bucketId,
    name: s.name,
    columns: s.columns,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

/** "The current version of the bucket schema": changes whenever one of the schemas does. */
export function schemaETag(schemas: MeasurementSchema[]): string {
  const h = createHash("sha256");
  for (const s of schemas) h.update(`${s.id}:${s.updatedAt.getTime()};`);
  return `"${h.digest("hex").slice(0, 32)}"`;
}
