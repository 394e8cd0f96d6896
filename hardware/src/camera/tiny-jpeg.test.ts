import { describe, expect, it } from "vitest";
import { isJpeg, tinyJpeg } from "./tiny-jpeg";

/** Walks the marker segments up to the scan, as a decoder does. */
function segments(jpeg: Buffer): Array<{ marker: number; payload: Buffer }> {
  const found: Array<{ marker: number; payload: Buffer }> = [];
  let offset = 2;
  while (offset < jpeg.length) {
    expect(jpeg[offset]).toBe(0xff);
    const marker = jpeg[offset + 1]!;
    const length = jpeg.readUInt16BE(offset + 2);
    found.push({ marker, payload: jpeg.subarray(offset + 4, offset + 2 + length) });
    offset += 2 + length;
    if (marker === 0xda) break;
  }
  found.push({ marker: 0, payload: jpeg.subarray(offset) });
  return found;
}

describe("tinyJpeg", () => {
  it("is a baseline JPEG of the asked size with its comment", () => {
    const jpeg = tinyJpeg({ width: 64, height: 32, comment: "湘A12345 entry" });
    expect(jpeg.subarray(0, 2).toString("hex")).toBe("ffd8");
    expect(jpeg.subarray(-2).toString("hex")).toBe("ffd9");
    const parts = segments(jpeg);
    expect(parts.map((part) => part.marker.toString(16))).toEqual([
      "e0",
      "fe",
      "db",
      "c0",
      "c4",
      "c4",
      "da",
      "0",
    ]);
    expect(parts[1]!.payload.toString("utf8")).toBe("湘A12345 entry");
    const frame = parts[3]!.payload;
    expect([frame[0], frame.readUInt16BE(1), frame.readUInt16BE(3), frame[5]]).toEqual([8, 32, 64, 1]);
    // 8×4 blocks, 2 bits each ("DC 0", "end of block"), then EOI.
    expect(parts[7]!.payload.toString("hex")).toBe(`${"00".repeat(8)}ffd9`);
  });

  it("pads the last entropy byte with 1 bits", () => {
    const jpeg = tinyJpeg();
    expect(jpeg.subarray(-3).toString("hex")).toBe("3fffd9");
  });

  it("refuses sizes it cannot make", () => {
    expect(() => tinyJpeg({ width: 0 })).toThrow(/positive whole size/);
    expect(() => tinyJpeg({ height: 1.5 })).toThrow(/positive whole size/);
    expect(() => tinyJpeg({ width: 5000 })).toThrow(/up to 4096/);
  });
});

describe("isJpeg", () => {
  it("recognises JPEG starts only", () => {
    expect(isJpeg(tinyJpeg())).toBe(true);
    expect(isJpeg(Buffer.from("ffd8", "hex"))).toBe(false);
    expect(isJpeg(Buffer.from("89504e470d0a1a0a", "hex"))).toBe(false);
  });
});
