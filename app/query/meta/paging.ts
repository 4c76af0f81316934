/** OFFSET then LIMIT, as InfluxDB applies them to meta results (0 = none). */
export function page<T>(items: readonly T[], offset: number, limit: number): T[] {
  const from = offset > 0 ? items.slice(offset) : [...items];
  return limit > 0 ? from.slice(0, limit) : from;
}
