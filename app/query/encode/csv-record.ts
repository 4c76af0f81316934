/**
 * One record as Go's `encoding/csv` Writer writes it (comma separator, `\n` line ends): a field is
 * quoted when it holds `"`, `,`, `\r` or `\n`, when it starts with a Unicode space, or when it is
 * exactly `\.`; quotes inside are doubled.
 */

// The leading-space class is Go's `unicode.IsSpace`; JavaScript's `\s` has U+FEFF and lacks U+0085.
const NEEDS_QUOTES = /[",\r\n]|^[\t\v\f \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]|^\\\.$/;

function field(s: string): string {
  return s === "" || !NEEDS_QUOTES.test(s) ? s : '"' + s.replaceAll('"', '""') + '"';
}

export function csvRecord(fields: string[]): string {
  let line = field(fields[0]);
  for (let i = 1; i < fields.length; i++) line += "," + field(fields[i]);
  return line + "\n";
}
