/**
 * Seals org secrets before they reach the metadata database, so a copy of that database (a Turso
 * replica, a backup) doesn't reveal them. AES-256-GCM with a key kept in the data directory
 * (`secrets.key`, 32 random bytes, mode 0600, created on first use); each value is bound to its
 * org and key name, so a sealed value can't be moved to another secret. Nodes that share the
 * metadata database must share this key file to read each other's secrets.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { linkSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const KEY_FILE = "secrets.key";
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Sealed values carry a version, so the scheme can change without guessing. */
const PREFIX = "v1.";

export class SecretBox {
  #key: Buffer | undefined;

  constructor(private readonly dataDir: string) {}

  seal(orgId: string, name: string, value: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.#keyBytes(), iv);
    cipher.setAAD(aad(orgId, name));
    const body = Buffer.concat([cipher.update(value, "utf8"), cipher.final()]);
    return PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url");
  }

  /** The value, for the consumers of secrets (Flux `secrets.get`); the API never returns it. */
  unseal(orgId: string, name: string, sealed: string): string {
    if (!sealed.startsWith(PREFIX)) throw new Error("not a sealed secret");
    const raw = Buffer.from(sealed.slice(PREFIX.length), "base64url");
    const decipher = createDecipheriv("aes-256-gcm", this.#keyBytes(), raw.subarray(0, IV_BYTES));
    decipher.setAAD(aad(orgId, name));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  }

  #keyBytes(): Buffer {
    return (this.#key ??= loadOrCreateKey(join(this.dataDir, KEY_FILE)));
  }
}

function aad(orgId: string, name: string): Buffer {
  return Buffer.from(`${orgId}\0${name}`, "utf8");
}

function loadOrCreateKey(path: string): Buffer {
  // Written aside, then linked into place: of two processes starting together, one key wins
  // whole and the other process reads it, never a half-written file.
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, randomBytes(KEY_BYTES), { mode: 0o600 });
  try {
    linkSync(tmp, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  } finally {
    rmSync(tmp, { force: true });
  }
  const key = readFileSync(path);
  if (key.length !== KEY_BYTES) throw new Error(`${path} must hold ${KEY_BYTES} bytes; it holds ${key.length}`);
  return key;
}
