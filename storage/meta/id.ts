/**
 * Resource IDs as InfluxDB shapes them: 16 lowercase hex characters (64 random bits). Clients and
 * the spec's error messages ("id must have a length of 16 bytes") rely on that shape.
 */
const ID_PATTERN = /^[0-9a-f]{16}$/;

export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  // InfluxDB treats the all-zero ID as "no ID"; never hand it out.
  if (bytes.every((b) => b === 0)) bytes[7] = 1;
  return Buffer.from(bytes).toString("hex");
}

export function isId(value: string): boolean {
  return ID_PATTERN.test(value) && value !== "0000000000000000";
}
