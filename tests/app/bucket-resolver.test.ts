import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { rmSync } from "node:fs";
import { BucketResolver } from "../../app/buckets/bucket-resolver.ts";
import { ApiError } from "../../app/errors.ts";
import { openMetaStore, type MetaStore } from "../../storage/meta/meta-store.ts";
import { tempDir } from "../routes/test-server.ts";

describe("bucket resolution cache", () => {
  let dir: string;
  let meta: MetaStore;
  /** A second connection to the same file: another node sharing the metadata database. */
  let otherNode: MetaStore;
  let resolver: BucketResolver;
  let orgId: string;

  beforeAll(async () => {
    dir = tempDir("strata-bucket-resolver-");
    meta = await openMetaStore({ url: `file:${dir}/meta.db` });
    otherNode = await openMetaStore({ url: `file:${dir}/meta.db` });
    resolver = new BucketResolver(meta, { ttlMs: 200 });
    orgId = (await meta.orgs.create({ name: "resolver-org" })).id;
  });

  afterAll(() => {
    resolver.close();
    otherNode.close();
    meta.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const notFound = async (p: Promise<unknown>) => {
    const e = await p.then(() => undefined, (err: unknown) => err);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).status).toBe(404);
  };

  test("a renamed or deleted bucket answers by its new name at once, not by the cached one", async () => {
    const bucket = await meta.buckets.create({ orgId, name: "before", retentionRules: [] });
    expect((await resolver.bucket(orgId, "before")).id).toBe(bucket.id);
    expect((await resolver.bucket(orgId, bucket.id)).name).toBe("before");

    await meta.buckets.update(bucket.id, { name: "after" });
    await notFound(resolver.bucket(orgId, "before"));
    expect((await resolver.bucket(orgId, "after")).id).toBe(bucket.id);
    expect((await resolver.bucket(orgId, bucket.id)).name).toBe("after");

    await meta.buckets.delete(bucket.id);
    await notFound(resolver.bucket(orgId, "after"));
    await notFound(resolver.bucket(orgId, bucket.id));
  });

  test("retention changes are seen by the next write at once", async () => {
    const bucket = await meta.buckets.create({ orgId, name: "retained", retentionRules: [] });
    expect((await resolver.bucket(orgId, "retained")).retentionRules).toEqual([]);
    await meta.buckets.update(bucket.id, { retentionRules: [{ type: "expire", everySeconds: 3600 }] });
    expect((await resolver.bucket(orgId, "retained")).retentionRules).toEqual([{ type: "expire", everySeconds: 3600 }]);
  });

  test("a database follows DBRP mappings as they are created, changed and deleted", async () => {
    const named = await meta.buckets.create({ orgId, name: "telegraf", retentionRules: [] });
    const mapped = await meta.buckets.create({ orgId, name: "elsewhere", retentionRules: [] });
    expect((await resolver.database(orgId, "telegraf", undefined))?.id).toBe(named.id);

    const mapping = await meta.dbrps.create({ orgId, bucketId: mapped.id, database: "telegraf", retentionPolicy: "autogen" });
    expect((await resolver.database(orgId, "telegraf", undefined))?.id).toBe(mapped.id);
    expect((await resolver.databasePolicy(orgId, "telegraf", "autogen"))?.id).toBe(mapped.id);

    await meta.dbrps.update(mapping.id, { retentionPolicy: "weekly" });
    expect((await resolver.databasePolicy(orgId, "telegraf", "weekly"))?.id).toBe(mapped.id);
    expect((await resolver.databasePolicy(orgId, "telegraf", "autogen"))?.id).toBe(named.id);

    await meta.dbrps.delete(mapping.id);
    expect((await resolver.database(orgId, "telegraf", undefined))?.id).toBe(named.id);
    expect(await resolver.databasePolicy(orgId, "telegraf", "weekly")).toBeUndefined();
  });

  test("a miss is never cached: a bucket created through another node is found on the next request", async () => {
    expect(await resolver.database(orgId, "late", undefined)).toBeUndefined();
    const late = await otherNode.buckets.create({ orgId, name: "late", retentionRules: [] });
    expect((await resolver.database(orgId, "late", undefined))?.id).toBe(late.id);
  });

  test("a change made through another node is seen once the entry expires", async () => {
    const bucket = await meta.buckets.create({ orgId, name: "shared", retentionRules: [] });
    expect((await resolver.bucket(orgId, "shared")).id).toBe(bucket.id);
    await otherNode.buckets.update(bucket.id, { name: "shared-renamed" });
    await Bun.sleep(250);
    await notFound(resolver.bucket(orgId, "shared"));
  });

  test("the org listing follows this node's changes at once, another node's after the TTL or when read fresh", async () => {
    const names = async (fresh = false) => (await resolver.listing(orgId, { fresh })).buckets.map((b) => b.name);
    const mine = await meta.buckets.create({ orgId, name: "listed-here", retentionRules: [] });
    expect(await names()).toContain("listed-here");
    await meta.dbrps.create({ orgId, bucketId: mine.id, database: "listed", retentionPolicy: "autogen" });
    expect((await resolver.listing(orgId)).mappings.map((m) => m.database)).toContain("listed");

    await otherNode.buckets.create({ orgId, name: "listed-there", retentionRules: [] });
    expect(await names(true)).toContain("listed-there");
    await Bun.sleep(250);
    expect(await names()).toContain("listed-there");
  });

  test("deleting the org forgets its buckets", async () => {
    const org = await meta.orgs.create({ name: "short-lived" });
    await meta.buckets.create({ orgId: org.id, name: "b", retentionRules: [] });
    expect((await resolver.bucket(org.id, "b")).name).toBe("b");
    await meta.orgs.delete(org.id);
    await notFound(resolver.bucket(org.id, "b"));
  });
});
