/**
 * WAL framing: each record is [u32 payload length][u32 crc32 of payload][payload], little-endian.
 * A frame whose length runs past the end of the file or whose checksum fails marks a torn tail.
 */
export const WAL_MAGIC = new TextEncoder().encode("STRWAL01");
const HEADER = 8;

/** The 8 bytes written before a payload; kept apart so the payload is never copied into a frame. */
export function frameHeader(payload: Uint8Array): Uint8Array {
  const header = new Uint8Array(HEADER);
  const view = new DataView(header.buffer);
  view.setUint32(0, payload.length, true);
  view.setUint32(4, Bun.hash.crc32(payload), true);
  return header;
}

export interface FrameScan {
  payloads: Uint8Array[];
  /** Bytes of the file that hold whole, valid frames (including the magic). */
  validLength: number;
  /** Why scanning stopped before the end of the file, if it did. */
  tornReason?: string;
}

export function scanFrames(file: Uint8Array): FrameScan {
  const payloads: Uint8Array[] = [];
  if (file.length < WAL_MAGIC.length || !WAL_MAGIC.every((b, i) => file[i] === b)) {
    return { payloads, validLength: 0, tornReason: file.length === 0 ? undefined : "bad or missing WAL header" };
  }
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  let pos = WAL_MAGIC.length;
  while (pos < file.length) {
    if (pos + HEADER > file.length) return { payloads, validLength: pos, tornReason: "truncated frame header" };
    const len = view.getUint32(pos, true);
    const crc = view.getUint32(pos + 4, true);
    const end = pos + HEADER + len;
    if (end > file.length) return { payloads, validLength: pos, tornReason: "truncated frame" };
    const payload = file.subarray(pos + HEADER, end);
    if (Bun.hash.crc32(payload) !== crc) return { payloads, validLength: pos, tornReason: "checksum mismatch" };
    payloads.push(payload);
    pos = end;
  }
  return { payloads, validLength: pos };
}
