import type { Bucket, Label, RetentionRule } from "../../storage/meta/schema.ts";
import { labelJson, type LabelJson } from "../labels/label-json.ts";

export interface BucketJson {
  id: string;
  orgID: string;
  type: "user" | "system";
  schemaType: "implicit" | "explicit";
  name: string;
  description?: string;
  rp?: string;
  retentionRules: RetentionRule[];
  labels: LabelJson[];
  links: { labels: string; members: string; org: string; owners: string; self: string; write: string };
  createdAt: string;
  updatedAt: string;
}

/** A bucket as the spec's `Bucket` schema shapes it, with its labels and links. */
export function bucketJson(bucket: Bucket, labels: Label[]): BucketJson {
  const self = `/api/v2/buckets/${bucket.id}`;
  const json: BucketJson = {
    id: bucket.id,
    orgID: bucket.orgId,
    type: bucket.type,
    schemaType: bucket.schemaType,
    name: bucket.name,
    retentionRules: bucket.retentionRules,
    labels: labels.map(labelJson),
    links: {
      labels: `${self}/labels`,
      members: `${self}/members`,
      org: `/api/v2/orgs/${bucket.orgId}`,
      owners: `${self}/owners`,
      self,
      write: `/api/v2/write?org=${bucket.orgId}&bucket=${bucket.id}`,
    },
    createdAt: bucket.createdAt.toISOString(),
    updatedAt: bucket.updatedAt.toISOString(),
  };
  if (bucket.description) json.description = bucket.description;
  if (bucket.rp) json.rp = bucket.rp;
  return json;
}
