/** Shared by the authorization, legacy authorization, DBRP and permission-matrix route tests. */
import { HttpError, InfluxDB } from "@influxdata/influxdb-client";
import type { Action, Permission, ResourceType } from "../../storage/meta/permission.ts";
import type { TestServer } from "./test-server.ts";

/** The official client, authenticated with `token`. */
export const clientFor = (t: TestServer, token: string) => new InfluxDB({ url: t.url, token });

/** Typed by its literal resource type, so it also fits the client's narrower `Permission`. */
export const perm = <T extends ResourceType>(action: Action, type: T, orgID: string, id?: string): Permission & { resource: { type: T } } => ({
  action,
  resource: { type, orgID, ...(id === undefined ? {} : { id }) },
});

/** The HttpError a client call must fail with. */
export async function httpError(call: Promise<unknown>): Promise<HttpError> {
  try {
    await call;
  } catch (err) {
    if (err instanceof HttpError) return err;
    throw err;
  }
  throw new Error("expected the call to fail with an HTTP error");
}

/** A second organization with one bucket, to check that tokens stay within their own. */
export async function otherOrg(t: TestServer, name: string) {
  const org = await t.server.ctx.meta.orgs.create({ name });
  const bucket = await t.server.ctx.meta.buckets.create({ orgId: org.id, name: "other-bucket", retentionRules: [{ type: "expire", everySeconds: 0 }] });
  return { org, bucket };
}
