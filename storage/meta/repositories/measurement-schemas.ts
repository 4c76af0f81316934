import { and, eq, type SQL } from "drizzle-orm";
import { orConflict } from "../conflict-error.ts";
import { newId } from "../id.ts";
import { insertionOrder, type MetaDb } from "../meta-db.ts";
import { measurementSchemas, type MeasurementColumn, type MeasurementSchema } from "../schema.ts";

export interface NewMeasurementSchema {
  orgId: string;
  bucketId: string;
  name: string;
  columns: MeasurementColumn[];
}

/** Explicit measurement schemas: what writes to an explicit-schema bucket must match. */
export class MeasurementSchemasRepository {
  constructor(private readonly db: MetaDb) {}

  async create(input: NewMeasurementSchema): Promise<MeasurementSchema> {
    const now = new Date();
    const [row] = await orConflict(
      this.db
        .insert(measurementSchemas)
        .values({ id: newId(), ...input, createdAt: now, updatedAt: now })
        .returning(),
      `measurement schema with name ${input.name} already exists`,
    );
    return row!;
  }

  async findById(id: string): Promise<MeasurementSchema | undefined> {
    return this.db.query.measurementSchemas.findFirst({ where: eq(measurementSchemas.id, id) });
  }

  async list(bucketId: string, name?: string): Promise<MeasurementSchema[]> {
    const conditions: SQL[] = [eq(measurementSchemas.bucketId, bucketId)];
    if (name !== undefined) conditions.push(eq(measurementSchemas.name, name));
    return this.db.query.measurementSchemas.findMany({ where: and(...conditions), orderBy: insertionOrder });
  }

  async updateColumns(id: string, columns: MeasurementColumn[]): Promise<MeasurementSchema | undefined> {
    const [row] = await this.db
      .update(measurementSchemas)
      .set({ columns, updatedAt: new Date() })
      .where(eq(measurementSchemas.id, id))
      .returning();
    return row;
  }
}
