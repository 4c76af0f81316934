import { afterEach, expect, test } from "bun:test";
import { rmSync } from "node:fs";
import { OPERATOR_USER } from "../../app/bootstrap.ts";
import { loadConfig, type ConfigFlags } from "../../app/config/config.ts";
import { createServer, type Server } from "../../app/server.ts";
import { tempDir } from "../routes/test-server.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Starts, counts what exists, stops: one "process lifetime" on the data dir. */
async function run(dataDir: string, flags: ConfigFlags = {}) {
  const printed: string[] = [];
  const server = await createServer(loadConfig({ dataDir, logLevel: "silent", ...flags }, {}), {
    print: (line) => printed.push(line),
  });
  const counts = await countRows(server);
  const token = printed.join("\n").match(/operator token.*: (\S+)$/m)?.[1];
  const resources = (t: string) =>
    server.fetch(new Request("http://x/api/v2/resources", { headers: { Authorization: `Token ${t}` } }));
  return { server, printed, counts, token, status: async (t: string) => (await resources(t)).status };
}

async function countRows(server: Server) {
  const count = async (table: string) =>
    Number((await server.ctx.meta.client.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
  return {
    orgs: await count("organizations"),
    buckets: await count("buckets"),
    users: await count("users"),
    authorizations: await count("authorizations"),
  };
}

function fresh() {
  const d = tempDir("strata-boot-");
  dirs.push(d);
  return d;
}

test("first start creates org, bucket, user and a generated operator token, printed once; a restart creates nothing", async () => {
  const dir = fresh();
  const first = await run(dir);
  expect(first.counts).toEqual({ orgs: 1, buckets: 1, users: 1, authorizations: 1 });
  expect(first.printed).toHaveLength(1);
  expect(first.token).toMatch(/^[A-Za-z0-9_-]{64}$/);
  expect(await first.status(first.token!)).toBe(200);

  const org = await first.server.ctx.meta.orgs.findByName("default");
  expect(org).toBeDefined();
  expect(await first.server.ctx.meta.buckets.findByName(org!.id, "default")).toMatchObject({
    retentionRules: [{ type: "expire", everySeconds: 0 }],
  });
  expect(await first.server.ctx.meta.users.findByName(OPERATOR_USER)).toBeDefined();
  await first.server.close();

  const second = await run(dir);
  expect(second.counts).toEqual(first.counts);
  expect(second.printed).toEqual([]);
  expect(second.server.ctx.defaults.orgId).toBe(org!.id);
  // The token generated at the first start still works after the restart.
  expect(await second.status(first.token!)).toBe(200);
  await second.server.close();
});

test("a configured operator token is created once and works; no token is generated", async () => {
  const dir = fresh();
  const first = await run(dir, { operatorToken: "my-operator-token" });
  expect(first.printed).toEqual([]);
  expect(await first.status("my-operator-token")).toBe(200);
  await first.server.close();

  const second = await run(dir, { operatorToken: "my-operator-token" });
  expect(second.counts).toEqual(first.counts);
  await second.server.close();
});

test("setting STRATA_OPERATOR_TOKEN after a first start adds it; the generated one keeps working", async () => {
  const dir = fresh();
  const first = await run(dir);
  await first.server.close();
  const second = await run(dir, { operatorToken: "added-later" });
  expect(second.counts.authorizations).toBe(2);
  expect(await second.status("added-later")).toBe(200);
  expect(await second.status(first.token!)).toBe(200);
  await second.server.close();
  const third = await run(dir);
  expect(third.printed).toEqual([]);
  expect(third.counts.authorizations).toBe(2);
  await third.server.close();
});

test("renamed default org and bucket are ensured by name", async () => {
  const dir = fresh();
  await (await run(dir)).server.close();
  const renamed = await run(dir, { org: "acme", bucket: "telegraf" });
  expect(renamed.counts).toMatchObject({ orgs: 2, buckets: 2, authorizations: 1 });
  const acme = await renamed.server.ctx.meta.orgs.findByName("acme");
  expect(renamed.server.ctx.defaults.orgId).toBe(acme!.id);
  await renamed.server.close();
});

test("without auth, every request acts as the operator", async () => {
  const dir = fresh();
  const { server } = await run(dir, { withoutAuth: true });
  const res = await server.fetch(new Request("http://x/api/v2/resources"));
  expect(res.status).toBe(200);
  await server.close();
});
