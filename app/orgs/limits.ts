import type { Organization } from "../../storage/meta/schema.ts";

/**
 * An org's limits in the spec's `Limit` shape. strata enforces no quota or rate of its own, so
 * every count is 0 ("0 is unlimited"), and the delete endpoint is on (DECISIONS.md #14).
 */
export function orgLimits(org: Organization) {
  return {
    orgID: org.id,
    rate: {
      readKBs: 0,
      queryTime: 0,
      concurrentReadRequests: 0,
      writeKBs: 0,
      concurrentWriteRequests: 0,
      cardinality: 0,
      deleteRequestsPerSecond: 0,
      concurrentDeleteRequests: 0,
    },
    bucket: { maxBuckets: 0, maxRetentionDuration: 0 },
    task: { maxTasks: 0 },
    dashboard: { maxDashboards: 0 },
    check: { maxChecks: 0 },
    notificationRule: { maxNotifications: 0, blockedNotificationRules: "" },
    notificationEndpoint: { blockedNotificationEndpoints: "" },
    stack: { enabled: false },
    features: { allowDelete: true },
  };
}
