/**
 * The metadata schema (Drizzle, sqlite-core). Migrations are generated from this file with
 * `npm run db:generate` into ./migrations and embedded in the binary (embedded-migrations.ts).
 *
 * Foreign keys are declared for the reader and for drizzle-kit, but SQLite enforces them only per
 * connection with a pragma that libSQL's remote and replica modes don't let us rely on, so the
 * repositories delete dependants themselves.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { Permission, ResourceType } from "./permission.ts";

export type Status = "active" | "inactive";
const STATUSES = ["active", "inactive"] as const;

export interface RetentionRule {
  type: "expire";
  /** 0 = keep forever. */
  everySeconds: number;
  shardGroupDurationSeconds?: number;
}

/** A column of an explicit measurement schema (DECISIONS.md #9). */
export interface MeasurementColumn {
  name: string;
  type: "timestamp" | "tag" | "field";
  /** Field columns only. */
  dataType?: "float" | "integer" | "unsigned" | "string" | "boolean";
}

export type MemberRole = "member" | "owner";

const timestamps = {
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
};

export const organizations = sqliteTable("organizations", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  description: text("description"),
  status: text("status", { enum: STATUSES }).notNull().default("active"),
  ...timestamps,
});

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  status: text("status", { enum: STATUSES }).notNull().default("active"),
  ...timestamps,
});

export const buckets = sqliteTable(
  "buckets",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    description: text("description"),
    type: text("type", { enum: ["user", "system"] }).notNull().default("user"),
    schemaType: text("schema_type", { enum: ["implicit", "explicit"] }).notNull().default("implicit"),
    retentionRules: text("retention_rules", { mode: "json" }).$type<RetentionRule[]>().notNull(),
    /** The v1 retention-policy compatibility string of PostBucketRequest. */
    rp: text("rp"),
    ...timestamps,
  },
  (t) => [uniqueIndex("buckets_org_name").on(t.orgId, t.name)],
);

export const authorizations = sqliteTable(
  "authorizations",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id),
    userId: text("user_id").references(() => users.id),
    /** SHA-256 of the token: the token itself is shown once, at creation, and never stored. */
    tokenHash: text("token_hash").notNull().unique(),
    status: text("status", { enum: STATUSES }).notNull().default("active"),
    description: text("description"),
    permissions: text("permissions", { mode: "json" }).$type<Permission[]>().notNull(),
    ...timestamps,
  },
  (t) => [index("authorizations_org").on(t.orgId), index("authorizations_user").on(t.userId)],
);

/** v1 username/password credentials (the spec's legacy authorizations). */
export const legacyAuthorizations = sqliteTable(
  "legacy_authorizations",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id),
    userId: text("user_id").references(() => users.id),
    /** The v1 username; the API calls it `token`. */
    username: text("username").notNull().unique(),
    /** Bun.password hash; null until a password is set. */
    passwordHash: text("password_hash"),
    status: text("status", { enum: STATUSES }).notNull().default("active"),
    description: text("description"),
    permissions: text("permissions", { mode: "json" }).$type<Permission[]>().notNull(),
    ...timestamps,
  },
  (t) => [index("legacy_authorizations_org").on(t.orgId)],
);

export const dbrps = sqliteTable(
  "dbrps",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id),
    bucketId: text("bucket_id")
      .notNull()
      .references(() => buckets.id),
    database: text("database").notNull(),
    retentionPolicy: text("retention_policy").notNull(),
    isDefault: integer("is_default", { mode: "boolean" }).notNull().default(false),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("dbrps_org_db_rp").on(t.orgId, t.database, t.retentionPolicy),
    index("dbrps_bucket").on(t.bucketId),
  ],
);

/** Labels group resources of an org; names are unique per org, ignoring case (as InfluxDB's index key). */
export const labels = sqliteTable(
  "labels",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    /** The name lower-cased: what uniqueness is checked on. */
    nameKey: text("name_key").notNull(),
    properties: text("properties", { mode: "json" }).$type<Record<string, string>>().notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("labels_org_name").on(t.orgId, t.nameKey)],
);

/** A label attached to a resource (a bucket today; tasks, telegrafs and variables use the same table). */
export const labelMappings = sqliteTable(
  "label_mappings",
  {
    labelId: text("label_id")
      .notNull()
      .references(() => labels.id),
    resourceType: text("resource_type").$type<ResourceType>().notNull(),
    resourceId: text("resource_id").notNull(),
    createdAt: timestamps.createdAt,
  },
  (t) => [primaryKey({ columns: [t.resourceId, t.labelId] }), index("label_mappings_label").on(t.labelId)],
);

/** Members and owners of orgs and buckets: one role per user and resource, as InfluxDB keeps them. */
export const userResourceMappings = sqliteTable(
  "user_resource_mappings",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    resourceType: text("resource_type").$type<"orgs" | "buckets">().notNull(),
    resourceId: text("resource_id").notNull(),
    role: text("role", { enum: ["member", "owner"] }).$type<MemberRole>().notNull(),
    createdAt: timestamps.createdAt,
  },
  (t) => [primaryKey({ columns: [t.resourceId, t.userId] }), index("user_resource_mappings_user").on(t.userId)],
);

/** Org secrets. `value` is sealed by the caller (app/secrets/secret-box.ts); storage never sees it in clear. */
export const secrets = sqliteTable(
  "secrets",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id),
    key: text("key").notNull(),
    value: text("value").notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.orgId, t.key] })],
);

/** Explicit measurement schemas of explicit-schema buckets; one per measurement name in a bucket. */
export const measurementSchemas = sqliteTable(
  "measurement_schemas",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id),
    bucketId: text("bucket_id")
      .notNull()
      .references(() => buckets.id),
    name: text("name").notNull(),
    columns: text("columns", { mode: "json" }).$type<MeasurementColumn[]>().notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("measurement_schemas_bucket_name").on(t.bucketId, t.name)],
);

/** Server-wide facts that must survive restarts, e.g. which authorization bootstrap created. */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

export type Organization = typeof organizations.$inferSelect;
export type User = typeof users.$inferSelect;
export type Bucket = typeof buckets.$inferSelect;
export type Authorization = typeof authorizations.$inferSelect;
export type LegacyAuthorization = typeof legacyAuthorizations.$inferSelect;
export type Dbrp = typeof dbrps.$inferSelect;
export type Label = typeof labels.$inferSelect;
export type UserResourceMapping = typeof userResourceMappings.$inferSelect;
export type MeasurementSchema = typeof measurementSchemas.$inferSelect;
