import { describe, expect, test } from "bun:test";
import { filePath, libsqlConfig, metaMode } from "../../storage/meta/client-options.ts";

describe("libsql client options for the three metadata modes", () => {
  test("local file: just the URL and a busy timeout", () => {
    const c = { url: "file:/data/meta.db" };
    expect(metaMode(c)).toBe("local");
    expect(libsqlConfig(c)).toEqual({ url: "file:/data/meta.db", timeout: 5000 });
  });

  test("local file ignores a stray auth token", () => {
    expect(libsqlConfig({ url: "file:meta.db", authToken: "t" })).toEqual({ url: "file:meta.db", timeout: 5000 });
  });

  test("remote Turso/libSQL primary: URL and auth token", () => {
    for (const url of ["libsql://db-org.turso.io", "https://db.example.com", "wss://db.example.com"]) {
      const c = { url, authToken: "secret" };
      expect(metaMode(c)).toBe("remote");
      expect(libsqlConfig(c)).toEqual({ url, authToken: "secret" });
    }
  });

  test("embedded replica: local file synced from the primary", () => {
    const c = { url: "file:/data/meta.db", syncUrl: "libsql://db-org.turso.io", authToken: "secret", syncIntervalSeconds: 30 };
    expect(metaMode(c)).toBe("replica");
    expect(libsqlConfig(c)).toEqual({
      url: "file:/data/meta.db",
      syncUrl: "libsql://db-org.turso.io",
      authToken: "secret",
      syncInterval: 30,
      readYourWrites: true,
      timeout: 5000,
    });
  });

  test("embedded replica without an interval syncs only when asked", () => {
    expect(libsqlConfig({ url: "file:r.db", syncUrl: "libsql://x.turso.io" }).syncInterval).toBeUndefined();
  });

  test("file URLs map to paths", () => {
    expect(filePath("file:/abs/meta.db")).toBe("/abs/meta.db");
    expect(filePath("file:///abs/meta.db")).toBe("/abs/meta.db");
    expect(filePath("file:rel/meta.db")).toBe("rel/meta.db");
    expect(filePath("file:/abs/meta.db?mode=rwc")).toBe("/abs/meta.db");
  });
});
