/**
 * Byte-range equality, four bytes at a time through DataViews (about five times faster than a
 * byte loop on the 100-200 byte series keys the parser compares for every line).
 */
export function bytesEqual(
  a: Uint8Array,
  aView: DataView,
  aStart: number,
  b: Uint8Array,
  bView: DataView,
  bStart: number,
  length: number,
): boolean {
  let j = 0;
  const words = length - 3;
  while (j < words) {
    if (aView.getInt32(aStart + j, true) !== bView.getInt32(bStart + j, true)) return false;
    j += 4;
  }
  while (j < length) {
    if (a[aStart + j] !== b[bStart + j]) return false;
    j++;
  }
  return true;
}

/** A DataView over exactly the bytes of `bytes`. */
export function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
