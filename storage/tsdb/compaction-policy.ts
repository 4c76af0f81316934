/** What the policy needs to know of a segment: whether it came from a flush or a compaction. */
export interface CompactionCandidate {
  reader: { meta: { supersedes: string[] } };
}

export interface WindowState {
  /** Buffered writes are still waiting for this window. */
  hot: boolean;
  /** A forced compaction (deletes, shutdown tooling): merge whatever can be merged. */
  force: boolean;
  /** A delete is newer than some of the window's segments. */
  needsDeletes: boolean;
}

/**
 * The segments of one window (oldest flush first) to merge now, if any.
 *
 * A cold window with at least `compactSegments` segments is merged whole. A window still being
 * written waits for twice as many (it is merged whole once it cools, so merging early would
 * rewrite the same data twice), then merges its oldest run of `compactSegments` flushed (never
 * merged) segments: they are one another's neighbours in flush order and newer than every merged
 * segment, so the result takes their place without changing which write wins on equal
 * timestamps. Only past four times `compactSegments` segments is a hot window merged whole.
 * Merging the whole hot window read all of a day's files at once during ingest (the peak memory
 * of a day-long load, issue #5); a run bounds that to `compactSegments` flushes.
 */
export function compactionInputs<S extends CompactionCandidate>(segments: S[], window: WindowState, compactSegments: number): S[] | undefined {
  if (window.force) return segments.length >= 2 || (window.needsDeletes && segments.length > 0) ? segments.slice() : undefined;
  if (!window.hot) return segments.length >= compactSegments ? segments.slice() : undefined;
  if (segments.length >= 4 * compactSegments) return segments.slice();
  if (segments.length < 2 * compactSegments) return undefined;
  const flushed = segments.filter((s) => s.reader.meta.supersedes.length === 0);
  return flushed.length >= compactSegments ? flushed.slice(0, compactSegments) : undefined;
}
