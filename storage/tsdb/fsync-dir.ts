import { closeSync, fsyncSync, openSync } from "node:fs";

/** A rename or a new file is durable only once its directory entry is: fsync the directory. */
export function fsyncDir(dir: string): void {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
