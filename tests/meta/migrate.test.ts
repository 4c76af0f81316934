import { afterEach, expect, test } from "bun:test";
import { readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { MIGRATIONS } from "../../storage/meta/embedded-migrations.ts";
import { openMetaStore, type MetaStore } from "../../storage/meta/meta-store.ts";
import { tempDir } from "../routes/test-server.ts";

const MIGRATIONS_DIR = resolve(import.meta.dir, "../../storage/meta/migrations");
const open: MetaStore[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const m of open.splice(0)) m.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function openAt(dir: string) {
  const meta = await openMetaStore({ url: `file:${join(dir, "nested", "meta.db")}` });
  open.push(meta);
  return meta;
}

function fresh() {
  const d = tempDir("strata-meta-");
  dirs.push(d);
  return d;
}

test("every migration in drizzle-kit's journal is embedded, byte for byte", () => {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, "meta/_journal.json"), "utf8")) as {
    entries: { tag: string; when: number }[];
  };
  expect(MIGRATIONS.map((m) => m.tag)).toEqual(journal.entries.map((e) => e.tag));
  for (const m of MIGRATIONS) expect(m.sql).toBe(readFileSync(join(MIGRATIONS_DIR, `${m.tag}.sql`), "utf8"));
});

test("an empty database gets every table, in a directory created for it", async () => {
  const meta = await openAt(fresh());
  expect(meta.migrationsApplied).toEqual(MIGRATIONS.map((m) => m.tag));
  const tables = await meta.client.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  expect(tables.rows.map((r) => r.name)).toEqual(
    expect.arrayContaining([
      "__drizzle_migrations",
      "authorizations",
      "buckets",
      "dbrps",
      "legacy_authorizations",
      "organizations",
      "settings",
      "users",
    ]),
  );
  const recorded = await meta.client.execute("SELECT hash, created_at FROM __drizzle_migrations");
  expect(recorded.rows).toHaveLength(MIGRATIONS.length);
  expect(Number(recorded.rows[0]!.created_at)).toBe(MIGRATIONS[0]!.createdAt);
});

test("an existing database is left as it is, data included", async () => {
  const dir = fresh();
  const first = await openAt(dir);
  const org = await first.orgs.create({ name: "kept" });
  first.close();
  open.splice(0);

  const again = await openAt(dir);
  expect(again.migrationsApplied).toEqual([]);
  expect((await again.orgs.findById(org.id))?.name).toBe("kept");
  const recorded = await again.client.execute("SELECT count(*) AS n FROM __drizzle_migrations");
  expect(Number(recorded.rows[0]!.n)).toBe(MIGRATIONS.length);
});

test("only migrations newer than the last recorded one run", async () => {
  const meta = await openAt(fresh());
  const { applyMigrations } = await import("../../storage/meta/migrate.ts");
  const next = { tag: "9999_test", createdAt: MIGRATIONS.at(-1)!.createdAt + 1, sql: "CREATE TABLE t1 (x integer);--> statement-breakpoint\nCREATE TABLE t2 (y integer);" };
  expect(await applyMigrations(meta.client, [...MIGRATIONS, next])).toEqual(["9999_test"]);
  expect(await applyMigrations(meta.client, [...MIGRATIONS, next])).toEqual([]);
  const tables = await meta.client.execute("SELECT name FROM sqlite_master WHERE name IN ('t1', 't2')");
  expect(tables.rows).toHaveLength(2);
});

test("a failing migration changes nothing", async () => {
  const meta = await openAt(fresh());
  const { applyMigrations } = await import("../../storage/meta/migrate.ts");
  const bad = { tag: "9999_bad", createdAt: MIGRATIONS.at(-1)!.createdAt + 1, sql: "CREATE TABLE t3 (x integer);--> statement-breakpoint\nNOT SQL;" };
  await expect(applyMigrations(meta.client, [...MIGRATIONS, bad])).rejects.toThrow();
  const tables = await meta.client.execute("SELECT name FROM sqlite_master WHERE name = 't3'");
  expect(tables.rows).toHaveLength(0);
  const recorded = await meta.client.execute("SELECT count(*) AS n FROM __drizzle_migrations");
  expect(Number(recorded.rows[0]!.n)).toBe(MIGRATIONS.length);
});
