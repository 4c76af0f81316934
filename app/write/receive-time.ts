/** Now, split as the point batch holds times: integer ms since the epoch, ns within that ms (µs resolution). */
export function receiveTime(): { nowMs: number; nowNs: number } {
  const t = performance.timeOrigin + performance.now();
  const nowMs = Math.floor(t);
  return { nowMs, nowNs: Math.min(999_999, Math.floor((t - nowMs) * 1e3) * 1e3) };
}
