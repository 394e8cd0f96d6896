/**
 * A baseline JPEG of a plain mid-grey picture, small enough to send with every simulated plate read.
 * Every 8×8 block of mid-grey has all DCT coefficients zero, so the entropy-coded data is only a
 * "DC difference 0" code and an "end of block" code per block: the picture is exactly decodable
 * with one-code Huffman tables, and any image viewer opens it.
 */
export function tinyJpeg(options: { width?: number; height?: number; comment?: string } = {}): Buffer {
  const width = options.width ?? 8;
  const height = options.height ?? 8;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error(`a JPEG needs a positive whole size, not ${width}×${height}`);
  }
  if (width > 4096 || height > 4096) throw new Error("tinyJpeg makes pictures up to 4096×4096");

  const segment = (marker: number, payload: Buffer): Buffer => {
    const header = Buffer.from([0xff, marker, 0, 0]);
    header.writeUInt16BE(payload.length + 2, 2);
    return Buffer.concat([header, payload]);
  };
  const jfif = Buffer.from([
    0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  ]);
  const quantisation = Buffer.concat([Buffer.from([0x00]), Buffer.alloc(64, 1)]);
  const frame = Buffer.from([8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]);
  // One code of length 1 ("0") per table: DC category 0, and AC 0x00 = end of block.
  const huffmanTable = (tableClass: number) =>
    Buffer.concat([
      Buffer.from([tableClass << 4]),
      Buffer.from([1, ...new Array<number>(15).fill(0)]),
      Buffer.from([0]),
    ]);
  const scan = Buffer.from([1, 1, 0x00, 0, 63, 0]);

  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const bits = blocks * 2;
  const entropy = Buffer.alloc(Math.ceil(bits / 8), 0);
  const paddingBits = entropy.length * 8 - bits;
  // The last byte is padded with 1 bits, as the standard requires.
  if (paddingBits > 0) entropy[entropy.length - 1] = (1 << paddingBits) - 1;

  const parts = [Buffer.from([0xff, 0xd8]), segment(0xe0, jfif)];
  if (options.comment !== undefined) {
    const text = Buffer.from(options.comment, "utf8");
    if (text.length > 65_533) throw new Error("a JPEG comment holds at most 65533 bytes");
    parts.push(segment(0xfe, text));
  }
  parts.push(
    segment(0xdb, quantisation),
    segment(0xc0, frame),
    segment(0xc4, huffmanTable(0)),
    segment(0xc4, huffmanTable(1)),
    segment(0xda, scan),
    entropy,
    Buffer.from([0xff, 0xd9]),
  );
  return Buffer.concat(parts);
}

/** True when the bytes open with a JPEG start-of-image marker followed by another marker. */
export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}
