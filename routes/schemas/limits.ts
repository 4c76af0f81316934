/** The spec's `Limit` (GET /api/v2/orgs/{orgID}/limits). */
import { z } from "@hono/zod-openapi";
import { LinksSchema } from "./links.ts";

const count = z.number().int();

export const LimitSchema = z
  .object({
    orgID: z.string(),
    rate: z.object({
      readKBs: count,
      queryTime: count,
      concurrentReadRequests: count,
      writeKBs: count,
      concurrentWriteRequests: count,
      cardinality: count,
      deleteRequestsPerSecond: count,
      concurrentDeleteRequests: count,
    }),
    bucket: z.object({ maxBuckets: count, maxRetentionDuration: count.openapi({ description: "Nanoseconds; 0 is unlimited." }) }),
    task: z.object({ maxTasks: count }),
    dashboard: z.object({ maxDashboards: count }),
    check: z.object({ maxChecks: count }),
    notificationRule: z.object({ maxNotifications: count, blockedNotificationRules: z.string() }),
    notificationEndpoint: z.object({ blockedNotificationEndpoints: z.string() }),
    stack: z.object({ enabled: z.boolean() }),
    features: z.object({ allowDelete: z.boolean() }),
  })
  .openapi("Limit", { description: "0 is unlimited for every count." });

export const LimitsResponseSchema = z.object({ limits: LimitSchema, links: LinksSchema });
