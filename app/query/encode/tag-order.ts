import { compareBytes } from "../byte-order.ts";

/** Tag keys in Go's order (`encoding/json` sorts map keys by their UTF-8 bytes). */
export function sortedTagKeys(tags: Record<string, string>): string[] {
  return Object.keys(tags).sort(compareBytes);
}
