/**
 * Tag keys in Go's order: Go sorts map keys (`encoding/json`) and tag sets (`models.Tags`) by
 * their UTF-8 bytes, which differs from JavaScript's UTF-16 order once a key holds characters
 * beyond U+FFFF next to ones in U+E000..U+FFFF.
 */

/** UTF-16 code unit ranked so that comparing ranks compares code points, hence UTF-8 bytes. */
function rank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit < 0xe000 ? unit + 0x2000 : unit - 0x800;
}

export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return rank(x) - rank(y);
  }
  return a.length - b.length;
}

export function sortedTagKeys(tags: Record<string, string>): string[] {
  return Object.keys(tags).sort(compareUtf8);
}
