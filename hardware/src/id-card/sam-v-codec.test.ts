import { describe, expect, it } from "vitest";
import {
  decodeSamVFrame,
  describeSamVStatus,
  encodeSamVCommand,
  encodeSamVResponse,
  parseSamVRequest,
  parseSamVResponse,
  SamVCommand,
  SamVFrameParser,
  SamVStatus,
} from "./sam-v-codec";

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ""), "hex");

describe("SAM_V frames", () => {
  it.each([
    ["find card", SamVCommand.findCard, "AA AA AA 96 69 00 03 20 01 22"],
    ["select card", SamVCommand.selectCard, "AA AA AA 96 69 00 03 20 02 21"],
    ["read text and photo", SamVCommand.readTextAndPhoto, "AA AA AA 96 69 00 03 30 01 32"],
    ["SAM status", SamVCommand.samStatus, "AA AA AA 96 69 00 03 11 FF ED"],
    ["read SAM id", SamVCommand.readSamId, "AA AA AA 96 69 00 03 12 FF EE"],
  ])("encodes %s", (_name, command, expected) => {
    expect(encodeSamVCommand(command)).toEqual(hex(expected));
  });

  it("encodes a command with data (set max RF bytes to 0x50)", () => {
    expect(encodeSamVCommand(SamVCommand.setMaxRfBytes, Buffer.from([0x50]))).toEqual(
      hex("AA AA AA 96 69 00 04 61 FF 50 CA"),
    );
  });

  it.each([
    ["card found", SamVStatus.findOk, "", "AA AA AA 96 69 00 04 00 00 9F 9B"],
    ["no card", SamVStatus.findFailed, "", "AA AA AA 96 69 00 04 00 00 80 84"],
    [
      "select ok",
      SamVStatus.ok,
      "00 00 00 00 00 00 00 00",
      "AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C",
    ],
  ])("encodes the %s response", (_name, status, data, expected) => {
    expect(encodeSamVResponse(status, hex(data))).toEqual(hex(expected));
  });

  it("decodes a response frame into status and data", () => {
    const body = decodeSamVFrame(hex("AA AA AA 96 69 00 06 00 00 90 12 34 B0"));
    expect(parseSamVResponse(body)).toEqual({ sw1: 0, sw2: 0, status: 0x90, data: hex("12 34") });
  });

  it("decodes a command frame into command, parameter and data", () => {
    const body = decodeSamVFrame(hex("AA AA AA 96 69 00 04 61 FF 50 CA"));
    expect(parseSamVRequest(body)).toEqual({ command: 0x61, parameter: 0xff, data: hex("50") });
  });

  it("rejects a wrong checksum, a wrong LEN and a missing preamble with a clear error", () => {
    expect(() => decodeSamVFrame(hex("AA AA AA 96 69 00 03 20 01 23"))).toThrow(
      /checksum 0x23 should be 0x22/,
    );
    expect(() => decodeSamVFrame(hex("AA AA AA 96 69 00 04 20 01 22"))).toThrow(/LEN says 4/);
    expect(() => decodeSamVFrame(hex("AA AA 96 69 00 03 20 01 22"))).toThrow(/preamble/);
  });

  it("describes status words", () => {
    expect(describeSamVStatus(0x60)).toBe("SAM self-test failed (0x60)");
    expect(describeSamVStatus(0x9f)).toBe("card found (0x9F)");
    expect(describeSamVStatus(0x77)).toBe("unknown status (0x77)");
  });
});

describe("SamVFrameParser", () => {
  const find = hex("AA AA AA 96 69 00 04 00 00 9F 9B");
  const none = hex("AA AA AA 96 69 00 04 00 00 80 84");

  function frames(parser: SamVFrameParser, chunk: Buffer) {
    return parser.push(chunk).flatMap((out) => (out.kind === "frame" ? [out.body.toString("hex")] : []));
  }

  it("reassembles frames split at every byte", () => {
    const parser = new SamVFrameParser();
    const stream = Buffer.concat([find, none]);
    const found: string[] = [];
    for (const byte of stream) found.push(...frames(parser, Buffer.from([byte])));
    expect(found).toEqual(["00009f", "000080"]);
    expect(parser.pending).toBe(0);
  });

  it("skips garbage before a frame and reports it", () => {
    const parser = new SamVFrameParser();
    const out = parser.push(Buffer.concat([hex("00 FF AA 13 96"), find]));
    expect(out).toEqual([
      { kind: "discarded", bytes: hex("00 FF AA 13 96"), reason: "bytes before preamble" },
      { kind: "frame", body: hex("00 00 9F") },
    ]);
  });

  it("resynchronises on the next frame after a frame cut short", () => {
    const parser = new SamVFrameParser();
    const cut = hex("AA AA AA 96 69 05 08 00 00 90 01 00 04 00");
    const out = parser.push(Buffer.concat([cut, find, none]));
    // LEN 0x508 swallows the following frames until the byte count is reached: nothing yet.
    expect(out.filter((o) => o.kind === "frame")).toEqual([]);
    // More bytes arrive (the rest of the stream); the checksum of the bogus long frame fails and both
    // real frames are recovered from inside it.
    const later = parser.push(Buffer.alloc(1300, 0x00));
    const recovered = [...out, ...later].flatMap((o) => (o.kind === "frame" ? [o.body.toString("hex")] : []));
    expect(recovered).toEqual(["00009f", "000080"]);
  });

  it("drops a frame with a bad checksum and keeps the next one", () => {
    const parser = new SamVFrameParser();
    const bad = Buffer.from(find);
    bad[bad.length - 1] = 0x00;
    const out = parser.push(Buffer.concat([bad, none]));
    expect(
      out.filter((o) => o.kind === "discarded").map((o) => o.kind === "discarded" && o.reason),
    ).toContain("checksum mismatch");
    expect(out.filter((o) => o.kind === "frame")).toEqual([{ kind: "frame", body: hex("00 00 80") }]);
  });

  it("skips an impossible LEN without waiting for kilobytes", () => {
    const parser = new SamVFrameParser();
    const out = parser.push(Buffer.concat([hex("AA AA AA 96 69 FF FF 00"), find]));
    expect(out.filter((o) => o.kind === "frame")).toEqual([{ kind: "frame", body: hex("00 00 9F") }]);
  });

  it("keeps a preamble split across chunks", () => {
    const parser = new SamVFrameParser();
    expect(frames(parser, hex("11 22 AA AA"))).toEqual([]);
    expect(parser.pending).toBe(2);
    expect(frames(parser, find.subarray(2))).toEqual(["00009f"]);
  });
});
