import { existsSync, readFileSync } from "node:fs";
import { open, rename } from "node:fs/promises";
import { join } from "node:path";
import { fsyncDir } from "./fsync-dir.ts";
import type { Tombstone } from "./tombstone.ts";

const FILE = "tombstones.json";

/** A bucket's pending deletes, kept in one small file replaced atomically (temp, fsync, rename). */
export class TombstoneStore {
  list: Tombstone[];

  constructor(private readonly dir: string) {
    const path = join(dir, FILE);
    this.list = existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as Tombstone[]) : [];
  }

  async save(list: Tombstone[]): Promise<void> {
    const path = join(this.dir, FILE);
    const tmp = `${path}.tmp`;
    const fh = await open(tmp, "w");
    try {
      await fh.writeFile(JSON.stringify(list));
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
    fsyncDir(this.dir);
    this.list = list;
  }
}
