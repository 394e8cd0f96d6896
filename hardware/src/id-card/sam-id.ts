/**
 * Formats the 16-byte SAM id the way vendor tools print it, e.g. "05.01-20101111-0012345678-1234567890":
 * two little-endian u16 (2 digits each), then three little-endian u32 (8, 10 and 10 digits).
 */
export function formatSamId(bytes: Uint8Array): string {
  if (bytes.length !== 16) return Buffer.from(bytes).toString("hex").toUpperCase();
  const view = Buffer.from(bytes);
  const pad = (value: number, width: number) => String(value).padStart(width, "0");
  return [
    `${pad(view.readUInt16LE(0), 2)}.${pad(view.readUInt16LE(2), 2)}`,
    pad(view.readUInt32LE(4), 8),
    pad(view.readUInt32LE(8), 10),
    pad(view.readUInt32LE(12), 10),
  ].join("-");
}

/** The inverse of `formatSamId`, for the simulator. */
export function encodeSamId(text: string): Buffer {
  const match = /^(\d{1,5})\.(\d{1,5})-(\d{1,10})-(\d{1,10})-(\d{1,10})$/.exec(text);
  if (!match) throw new RangeError(`not a SAM id: ${text}`);
  const bytes = Buffer.alloc(16);
  bytes.writeUInt16LE(Number(match[1]), 0);
  bytes.writeUInt16LE(Number(match[2]), 2);
  bytes.writeUInt32LE(Number(match[3]), 4);
  bytes.writeUInt32LE(Number(match[4]), 8);
  bytes.writeUInt32LE(Number(match[5]), 12);
  return bytes;
}
