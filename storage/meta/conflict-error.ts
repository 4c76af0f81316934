/**
 * A write that would break a uniqueness rule (a second bucket with the same name in an org, ...).
 * Storage raises it with a message fit for users; the HTTP layer turns it into the spec's
 * `conflict` error.
 */
export class MetaConflictError extends Error {
  override name = "MetaConflictError";
}

/** Runs a write and turns SQLite's UNIQUE violation (however deep drizzle wrapped it) into a conflict. */
export async function orConflict<T>(write: Promise<T>, message: string): Promise<T> {
  try {
    return await write;
  } catch (err) {
    if (isUniqueViolation(err)) throw new MetaConflictError(message);
    throw err;
  }
}

function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if (/UNIQUE constraint failed|PRIMARY KEY constraint failed/.test(e.message)) return true;
  }
  return false;
}
