import type { Label } from "../../storage/meta/schema.ts";

export interface LabelJson {
  id: string;
  orgID: string;
  name: string;
  properties?: Record<string, string>;
}

/** A label as the API shows it; `properties` is left out when empty, as InfluxDB does. */
export function labelJson(label: Label): LabelJson {
  const json: LabelJson = { id: label.id, orgID: label.orgId, name: label.name };
  if (Object.keys(label.properties).length > 0) json.properties = label.properties;
  return json;
}
