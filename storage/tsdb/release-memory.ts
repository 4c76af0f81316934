import type { PointBatch } from "./point-batch.ts";

/**
 * Returns the memory of typed arrays that are dead to the allocator now, instead of whenever the
 * garbage collector gets round to them. JSC collects large ArrayBuffers lazily: under sustained
 * ingest the request bodies, parsed batches, WAL records and flushed columns of the last few
 * seconds piled up to several hundred MiB before a collection freed them (issue #5), so the write
 * path frees what it knows to be dead.
 *
 * Detaching (`transfer(0)`) frees the backing store at once. It is memory-safe: a view that is
 * still around afterwards reads as empty, never as other data. Only arrays that span their whole
 * buffer are released, so a slice of a shared pool (a small Node Buffer) is never touched.
 */
export function releaseMemory(...arrays: (ArrayBufferView | undefined)[]): void {
  for (const a of arrays) {
    if (a === undefined) continue;
    const buffer = a.buffer;
    if (!(buffer instanceof ArrayBuffer) || buffer.detached) continue;
    if (a.byteOffset !== 0 || a.byteLength !== buffer.byteLength) continue;
    buffer.transfer(0);
  }
}

/** Releases a batch's columns once nothing will read them again (the engine has copied the points it kept). */
export function releaseBatch(batch: PointBatch): void {
  releaseMemory(batch.pointSeries, batch.pointTimeMs, batch.pointTimeNs, batch.pointLine, batch.fieldPoint, batch.fieldKey, batch.fieldType, batch.fieldValues);
}
