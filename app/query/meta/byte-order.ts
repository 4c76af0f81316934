/**
 * Go sorts names as byte strings (UTF-8), which is code point order; JS's `<` compares UTF-16
 * units, which differs only when a surrogate pair meets a unit in U+E000..U+FFFF.
 */
export function compareBytes(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) return (a.codePointAt(i) ?? x) - (b.codePointAt(i) ?? y);
    return x - y;
  }
  return a.length - b.length;
}

export function sortBytes(names: Iterable<string>): string[] {
  return [...names].sort(compareBytes);
}
