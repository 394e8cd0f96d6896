import { describe, expect, it } from "vitest";
import {
  encodeStreamPart,
  MultipartStreamParser,
  multipartBoundary,
  type StreamPart,
} from "./multipart-stream";
import { tinyJpeg } from "./tiny-jpeg";

// A Dahua attachFileProc stream as the camera sends it: event text, JPEG, heartbeat.
const eventText =
  "Events[0].EventBaseInfo.Code=TrafficJunction\r\nEvents[0].TrafficCar.PlateNumber=湘A12345\r\nEvents[0].CommInfo.ParkType=1\r\n";
const jpeg = tinyJpeg({ width: 16, height: 16 });
const stream = Buffer.concat([
  Buffer.from("--myboundary\r\nContent-Type: text/plain\r\nContent-Length: "),
  Buffer.from(`${Buffer.byteLength(eventText)}\r\n\r\n${eventText}\r\n`),
  Buffer.from(`--myboundary\r\nContent-Type: image/jpeg\r\nContent-Length: ${jpeg.length}\r\n\r\n`),
  jpeg,
  Buffer.from("\r\n--myboundary\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n\r\nHeartbeat\r\n\r\n"),
]);

function summary(parts: StreamPart[]) {
  return parts.map((part) => [part.headers["content-type"], part.body.length]);
}

describe("MultipartStreamParser", () => {
  it("reads a Dahua event stream whole", () => {
    const parser = new MultipartStreamParser("myboundary");
    const { parts, problems } = parser.push(stream);
    expect(problems).toEqual([]);
    expect(summary(parts)).toEqual([
      ["text/plain", Buffer.byteLength(eventText)],
      ["image/jpeg", jpeg.length],
      ["text/plain", 11],
    ]);
    expect(parts[0]!.body.toString("utf8")).toBe(eventText);
    expect(parts[1]!.body.equals(jpeg)).toBe(true);
  });

  it("gives the same parts however the stream is split into chunks", () => {
    for (const size of [1, 2, 3, 7, 13, 64]) {
      const parser = new MultipartStreamParser("myboundary");
      const parts: StreamPart[] = [];
      for (let offset = 0; offset < stream.length; offset += size) {
        parts.push(...parser.push(stream.subarray(offset, offset + size)).parts);
      }
      expect(summary(parts), `chunks of ${size}`).toEqual([
        ["text/plain", Buffer.byteLength(eventText)],
        ["image/jpeg", jpeg.length],
        ["text/plain", 11],
      ]);
      expect(parts[1]!.body.equals(jpeg)).toBe(true);
    }
  });

  it("finds the end of parts without Content-Length at the next boundary", () => {
    const parser = new MultipartStreamParser("b");
    const { parts } = parser.push(
      Buffer.from(
        "--b\r\nContent-Type: text/plain\r\n\r\nHeartbeat\r\n--b\r\nContent-Type: text/plain\r\n\r\nx=1\r\n--b",
      ),
    );
    expect(parts.map((part) => part.body.toString())).toEqual(["Heartbeat", "x=1"]);
  });

  it("skips garbage before the first boundary and between parts", () => {
    const parser = new MultipartStreamParser("myboundary");
    const { parts } = parser.push(
      Buffer.concat([Buffer.from("\x00\xffnoise--mybound"), Buffer.from("garbage\r\n"), stream]),
    );
    expect(summary(parts)).toHaveLength(3);
  });

  it("skips an oversized part and resynchronises on the next one", () => {
    const parser = new MultipartStreamParser("myboundary", { maxPartBytes: 100 });
    const big = encodeStreamPart("myboundary", "image/jpeg", Buffer.alloc(500, 0x41));
    const heartbeat = encodeStreamPart("myboundary", "text/plain", Buffer.from("Heartbeat"));
    const { parts, problems } = parser.push(Buffer.concat([big, heartbeat]));
    expect(problems).toEqual(["part of 500 bytes exceeds 100; skipped"]);
    expect(parts.map((part) => part.body.toString())).toEqual(["Heartbeat"]);
  });

  it("skips a part with a nonsensical Content-Length", () => {
    const parser = new MultipartStreamParser("b");
    const { parts, problems } = parser.push(
      Buffer.concat([
        Buffer.from("--b\r\nContent-Type: text/plain\r\nContent-Length: lots\r\n\r\nabc\r\n"),
        encodeStreamPart("b", "text/plain", Buffer.from("Heartbeat")),
      ]),
    );
    expect(problems).toEqual(['part with Content-Length "lots"; skipped']);
    expect(parts.map((part) => part.body.toString())).toEqual(["Heartbeat"]);
  });

  it("encodes parts it can read back", () => {
    const parser = new MultipartStreamParser("x");
    const { parts } = parser.push(encodeStreamPart("x", "image/jpeg", jpeg));
    expect(parts[0]?.headers).toEqual({
      "content-type": "image/jpeg",
      "content-length": String(jpeg.length),
    });
    expect(parts[0]?.body.equals(jpeg)).toBe(true);
  });
});

describe("multipartBoundary", () => {
  it("reads quoted and bare boundaries, and nothing from other types", () => {
    expect(multipartBoundary("multipart/x-mixed-replace; boundary=myboundary")).toBe("myboundary");
    expect(multipartBoundary('multipart/form-data; charset=utf-8; boundary="a b"')).toBe("a b");
    expect(multipartBoundary("text/plain; boundary=x")).toBeUndefined();
    expect(multipartBoundary("multipart/mixed")).toBeUndefined();
    expect(multipartBoundary(undefined)).toBeUndefined();
  });
});
