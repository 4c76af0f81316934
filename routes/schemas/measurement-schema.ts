/** Bucket schema schemas: `MeasurementSchema*`, `ColumnDataType`, `ColumnSemanticType` (DECISIONS.md #9). */
import { z } from "@hono/zod-openapi";

export const ColumnDataTypeSchema = z.enum(["integer", "float", "boolean", "string", "unsigned"]).openapi("ColumnDataType");
export const ColumnSemanticTypeSchema = z.enum(["timestamp", "tag", "field"]).openapi("ColumnSemanticType");

export const MeasurementSchemaColumnSchema = z
  .object({
    name: z.string(),
    type: ColumnSemanticTypeSchema,
    dataType: ColumnDataTypeSchema.optional().openapi({ description: "Field columns only; `string` when absent." }),
  })
  .openapi("MeasurementSchemaColumn");

export const MeasurementSchemaSchema = z
  .object({
    id: z.string().openapi({ readOnly: true }),
    orgID: z.string(),
    bucketID: z.string(),
    name: z.string(),
    columns: z.array(MeasurementSchemaColumnSchema),
    createdAt: z.string().openapi({ format: "date-time", readOnly: true }),
    updatedAt: z.string().openapi({ format: "date-time", readOnly: true }),
  })
  .openapi("MeasurementSchema");

export const MeasurementSchemaListSchema = z.object({ measurementSchemas: z.array(MeasurementSchemaSchema) }).openapi("MeasurementSchemaList");

/** `columns` is optional here so that its absence gets the spec's own message (`columns is required`). */
export const MeasurementSchemaCreateRequestSchema = z
  .object({ name: z.string(), columns: z.array(MeasurementSchemaColumnSchema).optional() })
  .openapi("MeasurementSchemaCreateRequest");

export const MeasurementSchemaUpdateRequestSchema = z
  .object({ columns: z.array(MeasurementSchemaColumnSchema).optional() })
  .openapi("MeasurementSchemaUpdateRequest");
