import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeCode128Data, decodeEscPos, documentText, EscPosDecoder } from "./escpos-decoder";
import { EscPosEncoder } from "./escpos-encoder";
import {
  decodeAsb,
  encodeAsb,
  encodeStatusQuery,
  encodeStatusReply,
  notReadyReason,
  PrinterReplyParser,
  READY_STATUS,
  STATUS_QUERIES,
  statusFromQueryReplies,
} from "./escpos-status";

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ""), "hex");

function sampleReceipt(): Buffer {
  return new EscPosEncoder()
    .initialize()
    .align("center")
    .bold()
    .size(2, 2)
    .line("湘潭市雨湖区便民服务中心")
    .size(1, 1)
    .bold(false)
    .line("受理回执")
    .align("left")
    .line("事项：居住证明开具")
    .line("申请人：李**")
    .line("回执码：LL20250612-0007")
    .align("center")
    .qrCode("https://linli.example.cn/r/LL20250612-0007", { moduleSize: 6, errorCorrection: "M" })
    .code128("LL20250612-0007")
    .line("扫码查询办理进度")
    .feed(3)
    .cut()
    .encode();
}

describe("EscPosEncoder hex fixtures", () => {
  it.each([
    ["initialize turns Chinese mode back on", (e: EscPosEncoder) => e.initialize(), "1B 40 1C 26"],
    ["center", (e: EscPosEncoder) => e.align("center"), "1B 61 01"],
    ["bold", (e: EscPosEncoder) => e.bold(), "1B 45 01"],
    ["double size", (e: EscPosEncoder) => e.size(2, 2), "1D 21 11"],
    ["GB18030 line", (e: EscPosEncoder) => e.line("湘潭 ok"), "CF E6 CC B6 20 6F 6B 0A"],
    ["four-byte GB18030", (e: EscPosEncoder) => e.text("𠀀"), "95 32 82 36"],
    ["control characters printed as spaces", (e: EscPosEncoder) => e.text("a\u001bb"), "61 20 62"],
    ["feed", (e: EscPosEncoder) => e.feed(3), "1B 64 03"],
    ["partial cut", (e: EscPosEncoder) => e.cut(), "1D 56 01"],
    ["full cut", (e: EscPosEncoder) => e.cut("full"), "1D 56 00"],
    [
      "CODE128",
      (e: EscPosEncoder) => e.code128("LL-0001"),
      "1D 48 02 1D 68 50 1D 77 02 1D 6B 49 09 7B 42 4C 4C 2D 30 30 30 31",
    ],
    [
      "QR code",
      (e: EscPosEncoder) => e.qrCode("ab", { moduleSize: 6, errorCorrection: "M" }),
      "1D 28 6B 04 00 31 41 32 00  1D 28 6B 03 00 31 43 06  1D 28 6B 03 00 31 45 31" +
        "1D 28 6B 05 00 31 50 30 61 62  1D 28 6B 03 00 31 51 30",
    ],
  ])("%s", (_name, build, expected) => {
    expect(build(new EscPosEncoder()).encode()).toEqual(hex(expected));
  });

  it("stores a long QR payload with pL + 256·pH = k + 3", () => {
    const bytes = new EscPosEncoder().qrCode("x".repeat(300)).encode();
    const store = bytes.indexOf(hex("31 50 30"));
    expect(bytes.subarray(store - 2, store)).toEqual(hex("2F 01"));
  });

  it("rejects what a printer cannot print", () => {
    expect(() => new EscPosEncoder().code128("回执")).toThrow(/printable ASCII/);
    expect(() => new EscPosEncoder().size(9)).toThrow(/width must be an integer from 1 to 8/);
    expect(() => new EscPosEncoder().qrCode("")).toThrow(/QR payload/);
  });
});

describe("EscPosDecoder", () => {
  it("round-trips a receipt with Chinese text, a receipt code and a QR payload", () => {
    const [document, ...rest] = decodeEscPos(sampleReceipt());
    expect(rest).toEqual([]);
    expect(document!.cut).toBe("partial");
    expect(document!.unknownCommands).toEqual([]);
    expect(document!.items).toEqual([
      { kind: "text", text: "湘潭市雨湖区便民服务中心", align: "center", bold: true, width: 2, height: 2 },
      { kind: "text", text: "受理回执", align: "center", bold: false, width: 1, height: 1 },
      { kind: "text", text: "事项：居住证明开具", align: "left", bold: false, width: 1, height: 1 },
      { kind: "text", text: "申请人：李**", align: "left", bold: false, width: 1, height: 1 },
      { kind: "text", text: "回执码：LL20250612-0007", align: "left", bold: false, width: 1, height: 1 },
      { kind: "qr", data: "https://linli.example.cn/r/LL20250612-0007", moduleSize: 6, errorCorrection: "M" },
      { kind: "barcode", symbology: "CODE128", data: "LL20250612-0007" },
      { kind: "text", text: "扫码查询办理进度", align: "center", bold: false, width: 1, height: 1 },
      { kind: "feed", lines: 3 },
    ]);
  });

  it("gives the same documents when the bytes arrive one at a time", () => {
    const bytes = Buffer.concat([sampleReceipt(), sampleReceipt()]);
    const decoder = new EscPosDecoder();
    const events = [...bytes].flatMap((byte) => decoder.push(Buffer.from([byte])));
    expect(decoder.pending).toBe(0);
    const documents = events.flatMap((event) => (event.kind === "document" ? [event.document] : []));
    expect(documents).toEqual(decodeEscPos(bytes));
    expect(documents).toHaveLength(2);
  });

  it("shows why Chinese mode must follow ESC @: without FS & the text is code page garbage", () => {
    const forgotten = Buffer.concat([hex("1B 40"), iconv.encode("湘潭", "gb18030"), hex("0A 1D 56 00")]);
    const [document] = decodeEscPos(forgotten);
    const item = document!.items[0]!;
    expect(item.kind === "text" && item.text).not.toBe("湘潭");
    const [fixed] = decodeEscPos(
      Buffer.concat([hex("1B 40 1C 26"), iconv.encode("湘潭", "gb18030"), hex("0A")]),
    );
    expect(fixed!.items[0]).toMatchObject({ kind: "text", text: "湘潭" });
  });

  it("reports real-time status queries and ASB enabling, even between text bytes", () => {
    const decoder = new EscPosDecoder();
    const events = decoder.push(hex("41 10 04 01 42 1D 61 0E 0A"));
    expect(events).toEqual([
      { kind: "status-query", n: 1 },
      { kind: "asb-enable", flags: 0x0e },
    ]);
    expect(decoder.end()).toEqual([
      {
        kind: "document",
        document: {
          items: [{ kind: "text", text: "AB", align: "left", bold: false, width: 1, height: 1 }],
          cut: undefined,
          unknownCommands: [],
        },
      },
    ]);
  });

  it("skips unknown commands and images by their length and keeps decoding", () => {
    const bytes = hex(
      "1B 7E 41 0A" + // unknown ESC ~, then "A"
        "1D 76 30 00 02 00 03 00 FF FF FF FF FF FF" + // 16x3 raster image
        "1B 2A 00 02 00 FF 00" + // 2-column 8-dot bit image
        "1D 28 4C 02 00 30 45" + // a graphics function skipped by length
        "1D 6B 02 34 39 30 31 32 33 34 35 36 37 38 39 34 00" + // EAN13, NUL-terminated
        "1D 56 42 05", // feed 5 and partial cut
    );
    const [document] = decodeEscPos(bytes);
    expect(document!.unknownCommands).toEqual(["1b7e"]);
    expect(document!.cut).toBe("partial");
    expect(document!.items).toEqual([
      { kind: "text", text: "A", align: "left", bold: false, width: 1, height: 1 },
      { kind: "image", widthDots: 16, heightDots: 3 },
      { kind: "image", widthDots: 2, heightDots: 8 },
      { kind: "barcode", symbology: "EAN13", data: "4901234567894" },
    ]);
  });

  it("decodes CODE128 code sets and escaped braces", () => {
    expect(decodeCode128Data(Buffer.from("{BNo.{C", "ascii"))).toBe("No.");
    expect(decodeCode128Data(Buffer.concat([Buffer.from("{C"), hex("0C 22 38")]))).toBe("123456");
    expect(decodeCode128Data(Buffer.from("{Ba{{b", "ascii"))).toBe("a{b");
  });

  it("renders a document as text for the simulator console", () => {
    const text = documentText(decodeEscPos(sampleReceipt())[0]!);
    expect(text).toContain("受理回执");
    expect(text).toContain("[QR https://linli.example.cn/r/LL20250612-0007]");
    expect(text).toContain("[CODE128 LL20250612-0007]");
    expect(text.split("\n").at(-1)).toBe("-------- partial cut --------");
  });
});

describe("printer status", () => {
  it("encodes DLE EOT queries", () => {
    expect(Buffer.concat(STATUS_QUERIES.map(encodeStatusQuery))).toEqual(
      hex("10 04 01 10 04 02 10 04 03 10 04 04"),
    );
  });

  it.each([
    ["idle and ready", { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 }, READY_STATUS, undefined],
    [
      "paper near end",
      { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x1e },
      { ...READY_STATUS, paperNearEnd: true },
      undefined,
    ],
    [
      "paper out",
      { 1: 0x1a, 2: 0x32, 3: 0x12, 4: 0x7e },
      { ...READY_STATUS, online: false, paperNearEnd: true, paperOut: true },
      "out of paper",
    ],
    [
      "cover open",
      { 1: 0x1a, 2: 0x16, 3: 0x12, 4: 0x12 },
      { ...READY_STATUS, online: false, coverOpen: true },
      "cover open",
    ],
    [
      "autocutter error",
      { 1: 0x1a, 2: 0x52, 3: 0x1a, 4: 0x12 },
      { ...READY_STATUS, online: false, error: true },
      "printer error",
    ],
  ] as const)("reads DLE EOT replies: %s", (_name, replies, status, reason) => {
    expect(statusFromQueryReplies(replies)).toEqual(status);
    expect(notReadyReason(statusFromQueryReplies(replies))).toBe(reason);
  });

  it("answers DLE EOT the way it reads them", () => {
    for (const status of [
      READY_STATUS,
      { ...READY_STATUS, paperNearEnd: true },
      { ...READY_STATUS, online: false, paperNearEnd: true, paperOut: true },
      { ...READY_STATUS, online: false, coverOpen: true },
    ]) {
      const replies = { 1: 0, 2: 0, 3: 0, 4: 0 };
      for (const n of STATUS_QUERIES) replies[n] = encodeStatusReply(n, status);
      expect(statusFromQueryReplies(replies)).toEqual(status);
    }
  });

  it.each([
    ["ready", "10 00 00 00", READY_STATUS],
    ["cover open", "38 00 00 00", { ...READY_STATUS, online: false, coverOpen: true }],
    ["near end", "10 00 03 00", { ...READY_STATUS, paperNearEnd: true }],
    ["paper out", "18 00 0F 00", { ...READY_STATUS, online: false, paperNearEnd: true, paperOut: true }],
  ])("decodes ASB: %s", (_name, bytes, status) => {
    expect(decodeAsb(hex(bytes))).toEqual(status);
    expect(encodeAsb(status)).toEqual(hex(bytes));
  });

  it("splits replies, ASB messages and noise", () => {
    const parser = new PrinterReplyParser();
    const first = parser.push(hex("12 FF 38 00"));
    expect(first).toEqual({ replies: [{ kind: "status", byte: 0x12 }], skipped: 1 });
    // Noise that looks like an ASB start does not hold up the status reply behind it.
    expect(new PrinterReplyParser().push(hex("38 C5 12")).replies).toEqual([{ kind: "status", byte: 0x12 }]);
    expect(new PrinterReplyParser().push(hex("38 12")).replies).toEqual([{ kind: "status", byte: 0x12 }]);
    const second = parser.push(hex("00 00 1E 10 90 00 00"));
    expect(second.replies).toEqual([
      { kind: "asb", status: { ...READY_STATUS, online: false, coverOpen: true } },
      { kind: "status", byte: 0x1e },
    ]);
    // "10 90 00 00" is no ASB (bit 7 set in byte 2): skipped byte by byte.
    expect(second.skipped).toBe(4);
  });
});
