import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { rmSync } from "node:fs";
import { MetaConflictError } from "../../storage/meta/conflict-error.ts";
import { newId } from "../../storage/meta/id.ts";
import { openMetaStore, type MetaStore } from "../../storage/meta/meta-store.ts";
import type { MeasurementColumn } from "../../storage/meta/schema.ts";
import { tempDir } from "../routes/test-server.ts";

let meta: MetaStore;
let dir: string;
beforeAll(async () => {
  dir = tempDir("strata-mgmt-repos-");
  meta = await openMetaStore({ url: `file:${dir}/meta.db` });
});
afterAll(() => {
  meta.close();
  rmSync(dir, { recursive: true, force: true });
});

const FOREVER = [{ type: "expire" as const, everySeconds: 0 }];
const COLUMNS: MeasurementColumn[] = [
  { name: "time", type: "timestamp" },
  { name: "v", type: "field", dataType: "float" },
];
const newOrg = (name: string) => meta.orgs.create({ name: `${name}-${newId()}` });

describe("labels", () => {
  test("names are unique per org ignoring case; other orgs may reuse them", async () => {
    const [a, b] = [await newOrg("la"), await newOrg("lb")];
    const label = await meta.labels.create({ orgId: a.id, name: "Prod", properties: { color: "red" } });
    await expect(meta.labels.create({ orgId: a.id, name: "prod" })).rejects.toThrow(new MetaConflictError("label with name prod already exists"));
    await meta.labels.create({ orgId: b.id, name: "prod" });
    expect((await meta.labels.list({ orgId: a.id, name: "PROD" })).map((l) => l.id)).toEqual([label.id]);
    const other = await meta.labels.create({ orgId: a.id, name: "dev" });
    await expect(meta.labels.update(other.id, { name: "PROD" })).rejects.toBeInstanceOf(MetaConflictError);
    expect(await meta.labels.update(label.id, { name: "prod", properties: {} })).toMatchObject({ name: "prod", properties: {} });
  });

  test("attach once per resource; ofResources lists them in attach order; delete detaches everywhere", async () => {
    const org = await newOrg("lm");
    const [l1, l2] = [await meta.labels.create({ orgId: org.id, name: "one" }), await meta.labels.create({ orgId: org.id, name: "two" })];
    const [r1, r2] = [newId(), newId()];
    await meta.labels.attach(l2.id, "buckets", r1);
    await meta.labels.attach(l1.id, "buckets", r1);
    await meta.labels.attach(l1.id, "buckets", r2);
    await expect(meta.labels.attach(l1.id, "buckets", r1)).rejects.toThrow("Cannot add label, label already exists on resource");
    const byResource = await meta.labels.ofResources([r1, r2, newId()]);
    expect(byResource.get(r1)!.map((l) => l.name)).toEqual(["two", "one"]);
    expect(byResource.get(r2)!.map((l) => l.name)).toEqual(["one"]);
    expect(await meta.labels.detach(l2.id, r1)).toBe(true);
    expect(await meta.labels.detach(l2.id, r1)).toBe(false);
    expect(await meta.labels.delete(l1.id)).toBe(true);
    expect((await meta.labels.ofResources([r1, r2])).get(r2)).toEqual([]);
  });
});

describe("members", () => {
  test("one role per user and resource: adding as owner promotes a member; removal names the role", async () => {
    const user = await meta.users.create({ name: `u-${newId()}` });
    const resource = newId();
    await meta.members.set({ userId: user.id, resourceType: "orgs", resourceId: resource, role: "member" });
    expect((await meta.members.list(resource, "member")).map((m) => m.user.id)).toEqual([user.id]);
    await meta.members.set({ userId: user.id, resourceType: "orgs", resourceId: resource, role: "owner" });
    expect(await meta.members.list(resource, "member")).toEqual([]);
    expect(await meta.members.list(resource)).toEqual([{ user, role: "owner" }]);
    expect(await meta.members.remove(resource, user.id, "member")).toBe(false);
    expect(await meta.members.remove(resource, user.id, "owner")).toBe(true);
  });

  test("deleting a user removes their memberships; orgs list by member", async () => {
    const user = await meta.users.create({ name: `u-${newId()}` });
    const [a, b] = [await newOrg("ma"), await newOrg("mb")];
    await meta.members.set({ userId: user.id, resourceType: "orgs", resourceId: a.id, role: "member" });
    expect((await meta.orgs.list({ userId: user.id })).map((o) => o.id)).toEqual([a.id]);
    expect((await meta.orgs.list({ id: b.id })).map((o) => o.id)).toEqual([b.id]);
    await meta.users.delete(user.id);
    expect(await meta.members.list(a.id)).toEqual([]);
  });
});

describe("secrets", () => {
  test("put adds and replaces; keys are sorted; delete counts what existed", async () => {
    const org = await newOrg("s");
    await meta.secrets.put(org.id, new Map([["b", "sealed-b"], ["a", "sealed-a"]]));
    await meta.secrets.put(org.id, new Map([["a", "sealed-a2"]]));
    expect(await meta.secrets.keys(org.id)).toEqual(["a", "b"]);
    expect(await meta.secrets.sealedValue(org.id, "a")).toBe("sealed-a2");
    expect(await meta.secrets.delete(org.id, ["a", "zzz"])).toBe(1);
    expect(await meta.secrets.keys(org.id)).toEqual(["b"]);
  });
});

describe("measurement schemas", () => {
  test("one per measurement name in a bucket; columns update", async () => {
    const org = await newOrg("ms");
    const bucket = await meta.buckets.create({ orgId: org.id, name: "b", retentionRules: FOREVER, schemaType: "explicit" });
    const s = await meta.measurementSchemas.create({ orgId: org.id, bucketId: bucket.id, name: "cpu", columns: COLUMNS });
    await expect(meta.measurementSchemas.create({ orgId: org.id, bucketId: bucket.id, name: "cpu", columns: COLUMNS })).rejects.toBeInstanceOf(MetaConflictError);
    const more = [...COLUMNS, { name: "host", type: "tag" as const }];
    expect((await meta.measurementSchemas.updateColumns(s.id, more))?.columns).toEqual(more);
    expect((await meta.measurementSchemas.list(bucket.id, "cpu")).map((x) => x.id)).toEqual([s.id]);
    expect(await meta.measurementSchemas.list(bucket.id, "mem")).toEqual([]);
  });
});

describe("cascades", () => {
  test("deleting a bucket removes its schemas, label mappings and members", async () => {
    const org = await newOrg("cb");
    const user = await meta.users.create({ name: `u-${newId()}` });
    const bucket = await meta.buckets.create({ orgId: org.id, name: "b", retentionRules: FOREVER, schemaType: "explicit" });
    const label = await meta.labels.create({ orgId: org.id, name: "l" });
    await meta.labels.attach(label.id, "buckets", bucket.id);
    await meta.members.set({ userId: user.id, resourceType: "buckets", resourceId: bucket.id, role: "owner" });
    const schema = await meta.measurementSchemas.create({ orgId: org.id, bucketId: bucket.id, name: "cpu", columns: COLUMNS });
    expect(await meta.buckets.delete(bucket.id)).toBe(true);
    expect(await meta.measurementSchemas.findById(schema.id)).toBeUndefined();
    expect((await meta.labels.ofResources([bucket.id])).get(bucket.id)).toEqual([]);
    expect(await meta.members.list(bucket.id)).toEqual([]);
    expect(await meta.labels.findById(label.id)).toBeDefined();
  });

  test("deleting an org removes everything in it and nothing of other orgs", async () => {
    const [org, keep] = [await newOrg("co"), await newOrg("keep")];
    const user = await meta.users.create({ name: `u-${newId()}` });
    const bucket = await meta.buckets.create({ orgId: org.id, name: "b", retentionRules: FOREVER, schemaType: "explicit" });
    const label = await meta.labels.create({ orgId: org.id, name: "l" });
    const kept = await meta.labels.create({ orgId: keep.id, name: "l" });
    const keptBucket = await meta.buckets.create({ orgId: keep.id, name: "b", retentionRules: FOREVER });
    await meta.labels.attach(label.id, "buckets", bucket.id);
    await meta.labels.attach(kept.id, "buckets", keptBucket.id);
    await meta.members.set({ userId: user.id, resourceType: "orgs", resourceId: org.id, role: "member" });
    await meta.members.set({ userId: user.id, resourceType: "buckets", resourceId: bucket.id, role: "member" });
    await meta.members.set({ userId: user.id, resourceType: "orgs", resourceId: keep.id, role: "member" });
    await meta.secrets.put(org.id, new Map([["k", "v"]]));
    await meta.measurementSchemas.create({ orgId: org.id, bucketId: bucket.id, name: "cpu", columns: COLUMNS });

    expect(await meta.orgs.delete(org.id)).toBe(true);
    expect(await meta.buckets.findById(bucket.id)).toBeUndefined();
    expect(await meta.labels.findById(label.id)).toBeUndefined();
    expect(await meta.secrets.keys(org.id)).toEqual([]);
    expect(await meta.measurementSchemas.list(bucket.id)).toEqual([]);
    expect(await meta.members.list(org.id)).toEqual([]);
    expect(await meta.members.list(bucket.id)).toEqual([]);
    const rows = await meta.client.execute({ sql: "SELECT count(*) AS n FROM label_mappings WHERE label_id = ?", args: [label.id] });
    expect(Number(rows.rows[0]!.n)).toBe(0);

    expect((await meta.labels.ofResources([keptBucket.id])).get(keptBucket.id)!.map((l) => l.id)).toEqual([kept.id]);
    expect((await meta.members.list(keep.id)).map((m) => m.user.id)).toEqual([user.id]);
  });
});
