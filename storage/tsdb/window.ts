/**
 * Time partitioning. A window is a fixed span of time (a day by default); each segment file belongs
 * to one window of one bucket, so retention drops whole files and queries skip windows. Inside a
 * window a time is a nanosecond offset from the window's start, exact in a double for windows
 * shorter than ~104 days.
 */
export const DEFAULT_WINDOW_MS = 86_400_000;

export function windowIndexOf(ms: number, windowMs: number): number {
  return Math.floor(ms / windowMs);
}

export function offsetInWindow(ms: number, ns: number, windowStartMs: number): number {
  return (ms - windowStartMs) * 1e6 + ns;
}

/** Splits a window offset back into integer milliseconds and nanoseconds within the millisecond. */
export function absoluteMs(windowStartMs: number, offset: number): number {
  return windowStartMs + Math.floor(offset / 1e6);
}
