/**
 * A /query answer shaped like TSBS rows: one `cpu` series of `rows` one-minute windows, each an ns
 * time and a pseudo-random value in [0, 100) with `decimals` digits (TSBS data has 2; aggregates
 * like means print ~13). Deterministic, so runs compare the same bytes. Plain JavaScript, so that
 * the Node client preload (lean-fetch.mjs) can use it as well as the Bun benches.
 *
 * @param {number} rows
 * @param {number} decimals
 * @returns {string}
 */
export function tsbsAnswer(rows, decimals) {
  let value = 17;
  const values = [];
  for (let i = 0; i < rows; i++) {
    value = (value * 48271) % 2147483647;
    values.push(`[${1767225600 + i * 60}000000000,${((value / 2147483647) * 100).toFixed(decimals)}]`);
  }
  return `{"results":[{"statement_id":0,"series":[{"name":"cpu","columns":["time","max"],"values":[${values.join(",")}]}]}]}`;
}
