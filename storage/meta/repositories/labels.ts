import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { orConflict } from "../conflict-error.ts";
import { newId } from "../id.ts";
import { insertionOrder, type MetaDb } from "../meta-db.ts";
import type { ResourceType } from "../permission.ts";
import { labelMappings, labels, type Label } from "../schema.ts";

export interface NewLabel {
  orgId: string;
  name: string;
  properties?: Record<string, string>;
}

/** Labels and the mappings that attach them to resources. */
export class LabelsRepository {
  constructor(private readonly db: MetaDb) {}

  async create(input: NewLabel): Promise<Label> {
    const now = new Date();
    const [row] = await orConflict(
      this.db
        .insert(labels)
        .values({
          id: newId(),
          orgId: input.orgId,
          name: input.name,
          nameKey: nameKey(input.name),
          properties: input.properties ?? {},
          createdAt: now,
          updatedAt: now,
        })
        .returning(),
      labelExists(input.name),
    );
    return row!;
  }

  async findById(id: string): Promise<Label | undefined> {
    return this.db.query.labels.findFirst({ where: eq(labels.id, id) });
  }

  /** The labels of one org in creation order; `name` matches ignoring case, as InfluxDB's filter. */
  async list(filter: { orgId: string; name?: string }): Promise<Label[]> {
    const conditions: SQL[] = [eq(labels.orgId, filter.orgId)];
    if (filter.name !== undefined) conditions.push(eq(labels.nameKey, nameKey(filter.name)));
    return this.db.query.labels.findMany({ where: and(...conditions), orderBy: insertionOrder });
  }

  async update(id: string, patch: { name?: string; properties?: Record<string, string> }): Promise<Label | undefined> {
    const values = {
      ...patch,
      ...(patch.name === undefined ? {} : { nameKey: nameKey(patch.name) }),
      updatedAt: new Date(),
    };
    const [row] = await orConflict(
      this.db.update(labels).set(values).where(eq(labels.id, id)).returning(),
      labelExists(patch.name ?? ""),
    );
    return row;
  }

  /** Deletes the label and detaches it from every resource. */
  async delete(id: string): Promise<boolean> {
    const [, deleted] = await this.db.batch([
      this.db.delete(labelMappings).where(eq(labelMappings.labelId, id)),
      this.db.delete(labels).where(eq(labels.id, id)).returning({ id: labels.id }),
    ]);
    return deleted.length > 0;
  }

  async attach(labelId: string, resourceType: ResourceType, resourceId: string): Promise<void> {
    await orConflict(
      this.db.insert(labelMappings).values({ labelId, resourceType, resourceId, createdAt: new Date() }),
      "Cannot add label, label already exists on resource",
    );
  }

  async detach(labelId: string, resourceId: string): Promise<boolean> {
    const deleted = await this.db
      .delete(labelMappings)
      .where(and(eq(labelMappings.labelId, labelId), eq(labelMappings.resourceId, resourceId)))
      .returning({ labelId: labelMappings.labelId });
    return deleted.length > 0;
  }

  /** The labels on each of the resources, in the order they were attached. */
  async ofResources(resourceIds: string[]): Promise<Map<string, Label[]>> {
    const out = new Map<string, Label[]>(resourceIds.map((id) => [id, []]));
    if (resourceIds.length === 0) return out;
    const rows = await this.db
      .select({ resourceId: labelMappings.resourceId, label: labels })
      .from(labelMappings)
      .innerJoin(labels, eq(labels.id, labelMappings.labelId))
      .where(inArray(labelMappings.resourceId, resourceIds))
      // Attach order, exact even within a millisecond.
      .orderBy(sql`${labelMappings}.rowid`);
    for (const { resourceId, label } of rows) out.get(resourceId)?.push(label);
    return out;
  }
}

function nameKey(name: string): string {
  return name.toLowerCase();
}

function labelExists(name: string): string {
  return `label with name ${name} already exists`;
}
