/** The text of the given 1-based lines of a body (for error reports that quote the line). */
export function lineTexts(body: Uint8Array, lines: readonly number[]): Map<number, string> {
  const wanted = new Set(lines);
  const out = new Map<number, string>();
  const decoder = new TextDecoder();
  let line = 1;
  let start = 0;
  for (let i = 0; i <= body.length && out.size < wanted.size; i++) {
    if (i < body.length && body[i] !== 10) continue;
    if (wanted.has(line)) {
      const end = i > start && body[i - 1] === 13 ? i - 1 : i;
      out.set(line, decoder.decode(body.subarray(start, end)));
    }
    line++;
    start = i + 1;
  }
  return out;
}
