/**
 * Go's order of names: Go compares strings (map keys in `encoding/json`, `models.Tags`, sorted
 * measurement and tag names) as UTF-8 bytes, which is code point order. JavaScript's `<` compares
 * UTF-16 units, which differs once a character beyond U+FFFF meets one in U+E000..U+FFFF.
 */

/** UTF-16 code unit ranked so that comparing ranks compares code points, hence UTF-8 bytes. */
function rank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit < 0xe000 ? unit + 0x2000 : unit - 0x800;
}

export function compareBytes(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return rank(x) - rank(y);
  }
  return a.length - b.length;
}

export function sortBytes(names: Iterable<string>): string[] {
  return [...names].sort(compareBytes);
}
