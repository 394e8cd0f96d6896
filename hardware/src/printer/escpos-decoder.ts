import iconv from "iconv-lite";
import type { Alignment, QrErrorCorrection } from "./escpos-encoder";

/**
 * Turns ESC/POS bytes back into what a receipt shows: text lines (GB18030 in Chinese mode, code
 * page 437 outside it), QR payloads, barcodes, images, feeds and cuts. Used by tests as an oracle and
 * by the printer simulator. Real-time commands (DLE EOT, GS a) are reported separately so the
 * simulator can answer them.
 */

export interface TextStyle {
  align: Alignment;
  bold: boolean;
  /** Character width and height multipliers. */
  width: number;
  height: number;
}

export type PrintedItem =
  | ({ kind: "text"; text: string } & TextStyle)
  | { kind: "qr"; data: string; moduleSize: number; errorCorrection: QrErrorCorrection }
  | { kind: "barcode"; symbology: string; data: string }
  | { kind: "image"; widthDots: number; heightDots: number }
  | { kind: "feed"; lines: number };

export interface PrintedDocument {
  items: PrintedItem[];
  /** How the document ended; undefined when the bytes ended without a cut. */
  cut: "full" | "partial" | undefined;
  /** Commands the decoder did not know, as hex of their first bytes; they were skipped. */
  unknownCommands: string[];
}

export type DecoderEvent =
  | { kind: "document"; document: PrintedDocument }
  | { kind: "status-query"; n: number }
  | { kind: "asb-enable"; flags: number };

export interface EscPosDecoderOptions {
  /**
   * Whether ESC @ leaves Chinese mode on. Printers differ; the default models one that drops it
   * (as hardware.md warns), so a stream that forgets FS & after ESC @ decodes as code page garbage.
   */
  chineseModeAfterInitialize?: boolean;
  /** Chinese mode at power-on, default true (Chinese-market printers). */
  chineseModeAtStart?: boolean;
}

const NEED_MORE = -1;

const QR_ERROR_CORRECTION: Record<number, QrErrorCorrection> = { 48: "L", 49: "M", 50: "Q", 51: "H" };
const ALIGNMENTS: Alignment[] = ["left", "center", "right"];
const SYMBOLOGIES: Record<number, string> = {
  0: "UPC-A",
  1: "UPC-E",
  2: "EAN13",
  3: "EAN8",
  4: "CODE39",
  5: "ITF",
  6: "CODABAR",
  65: "UPC-A",
  66: "UPC-E",
  67: "EAN13",
  68: "EAN8",
  69: "CODE39",
  70: "ITF",
  71: "CODABAR",
  72: "CODE93",
  73: "CODE128",
};

/** ESC x commands with a fixed number of parameter bytes after the two command bytes. */
const ESC_PARAMETER_COUNTS: Record<number, number> = {
  32: 1, // ESC SP n  right-side character spacing
  33: 1, // ESC ! n   print mode
  36: 2, // ESC $     absolute position
  37: 1, // ESC %     user-defined character set
  45: 1, // ESC -     underline
  50: 0, // ESC 2     default line spacing
  51: 1, // ESC 3 n   line spacing
  60: 0, // ESC <     return home
  61: 1, // ESC =     select peripheral
  64: 0, // ESC @     initialise
  68: NEED_MORE, // ESC D   tab positions, NUL-terminated (handled separately)
  69: 1, // ESC E     bold
  71: 1, // ESC G     double strike
  74: 1, // ESC J     feed dots
  77: 1, // ESC M     font
  82: 1, // ESC R     international character set
  84: 1, // ESC T     print direction (page mode)
  86: 1, // ESC V     90° rotation
  92: 2, // ESC \     relative position
  97: 1, // ESC a     alignment
  100: 1, // ESC d     feed lines
  101: 1, // ESC e     reverse feed
  105: 0, // ESC i     partial cut (legacy)
  109: 0, // ESC m     partial cut (legacy)
  112: 3, // ESC p     drawer pulse
  116: 1, // ESC t     code page
  123: 1, // ESC {     upside down
};

/** GS x commands with a fixed number of parameter bytes. */
const GS_PARAMETER_COUNTS: Record<number, number> = {
  33: 1, // GS ! n   character size
  66: 1, // GS B     reverse
  72: 1, // GS H     HRI position
  73: 1, // GS I     printer id (answers; not simulated)
  76: 2, // GS L     left margin
  80: 2, // GS P     motion units
  87: 2, // GS W     print area width
  97: 1, // GS a     ASB (reported)
  102: 1, // GS f     HRI font
  104: 1, // GS h     barcode height
  114: 1, // GS r     transmit status (not simulated)
  119: 1, // GS w     barcode width
};

/** FS x commands with a fixed number of parameter bytes. */
const FS_PARAMETER_COUNTS: Record<number, number> = {
  33: 1, // FS ! n   Chinese character mode
  38: 0, // FS &     Chinese mode on
  45: 1, // FS -     Chinese underline
  46: 0, // FS .     Chinese mode off
  67: 1, // FS C     Chinese code system
  83: 2, // FS S     Chinese character spacing
  87: 1, // FS W     Chinese quadruple size
};

interface Segment {
  bytes: number[];
  chinese: boolean;
}

const DEFAULT_STYLE: TextStyle = { align: "left", bold: false, width: 1, height: 1 };

/** Streaming decoder: push bytes as they arrive; a document is complete at each cut. */
export class EscPosDecoder {
  readonly #chineseModeAfterInitialize: boolean;
  #buffer: Buffer = Buffer.alloc(0);
  #chinese: boolean;
  #style: TextStyle = { ...DEFAULT_STYLE };
  #lineStyle: TextStyle | undefined;
  #segments: Segment[] = [];
  #items: PrintedItem[] = [];
  #unknown: string[] = [];
  #qrData = "";
  #qrModuleSize = 3;
  #qrErrorCorrection: QrErrorCorrection = "L";
  /** Where the events of the current `push` go. */
  #events: DecoderEvent[] = [];

  constructor(options: EscPosDecoderOptions = {}) {
    this.#chineseModeAfterInitialize = options.chineseModeAfterInitialize ?? false;
    this.#chinese = options.chineseModeAtStart ?? true;
  }

  /** Bytes held back because a command or character is not complete yet. */
  get pending(): number {
    return this.#buffer.length;
  }

  push(chunk: Uint8Array): DecoderEvent[] {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    const events: DecoderEvent[] = [];
    this.#events = events;
    let index = 0;
    while (index < this.#buffer.length) {
      const used = this.#step(index);
      if (used === NEED_MORE) break;
      index += used;
    }
    this.#buffer = this.#buffer.subarray(index);
    return events;
  }

  /**
   * Ends the stream: returns what was printed but not cut off (a receipt without a cut) as a
   * document, and reports a command left incomplete.
   */
  end(): DecoderEvent[] {
    if (this.#buffer.length > 0) {
      this.#unknown.push(`truncated ${this.#buffer.subarray(0, 8).toString("hex")}`);
      this.#buffer = Buffer.alloc(0);
    }
    this.#flushLine();
    if (this.#items.length === 0 && this.#unknown.length === 0) return [];
    return [{ kind: "document", document: this.#takeDocument(undefined) }];
  }

  #step(index: number): number {
    const buffer = this.#buffer;
    const byte = buffer[index]!;
    const available = buffer.length - index;
    switch (byte) {
      case 0x0a: // LF
        this.#flushLine(true);
        return 1;
      case 0x0d: // CR: printers with auto line feed off ignore it
      case 0x09: // HT
      case 0x18: // CAN
        return 1;
      case 0x0c: // FF (page mode print and return): ends the line like LF
        this.#flushLine();
        return 1;
      case 0x10:
        return this.#realTime(index, available);
      case 0x1b:
        return this.#esc(index, available);
      case 0x1d:
        return this.#gs(index, available);
      case 0x1c:
        return this.#fs(index, available);
      default:
        if (byte < 0x20) {
          this.#unknown.push(byte.toString(16).padStart(2, "0"));
          return 1;
        }
        return this.#character(index, available);
    }
  }

  #character(index: number, available: number): number {
    const byte = this.#buffer[index]!;
    let length = 1;
    if (this.#chinese && byte >= 0x81 && byte <= 0xfe) {
      // GB18030: two bytes, or four when the second is a digit.
      if (available < 2) return NEED_MORE;
      const second = this.#buffer[index + 1]!;
      length = second >= 0x30 && second <= 0x39 ? 4 : 2;
      if (available < length) return NEED_MORE;
    }
    this.#lineStyle ??= { ...this.#style };
    let segment = this.#segments[this.#segments.length - 1];
    if (!segment || segment.chinese !== this.#chinese) {
      segment = { bytes: [], chinese: this.#chinese };
      this.#segments.push(segment);
    }
    for (let offset = 0; offset < length; offset++) segment.bytes.push(this.#buffer[index + offset]!);
    return length;
  }

  #flushLine(lineFeed = false): void {
    if (this.#segments.length === 0) {
      // An LF on an empty line feeds one line of paper.
      if (lineFeed) this.#addFeed(1);
      return;
    }
    const text = this.#segments
      .map((segment) => iconv.decode(Buffer.from(segment.bytes), segment.chinese ? "gb18030" : "cp437"))
      .join("");
    this.#items.push({ kind: "text", text, ...(this.#lineStyle ?? this.#style) });
    this.#segments = [];
    this.#lineStyle = undefined;
  }

  #addFeed(lines: number): void {
    if (lines <= 0) return;
    const last = this.#items[this.#items.length - 1];
    if (last?.kind === "feed") last.lines += lines;
    else this.#items.push({ kind: "feed", lines });
  }

  #takeDocument(cut: PrintedDocument["cut"]): PrintedDocument {
    const document: PrintedDocument = { items: this.#items, cut, unknownCommands: this.#unknown };
    this.#items = [];
    this.#unknown = [];
    return document;
  }

  #realTime(index: number, available: number): number {
    if (available < 3) return NEED_MORE;
    const command = this.#buffer[index + 1]!;
    const n = this.#buffer[index + 2]!;
    if (command === 0x04) {
      this.#events.push({ kind: "status-query", n });
      return 3;
    }
    if (command === 0x05) return 3; // DLE ENQ n: real-time request, nothing to print
    if (command === 0x14) return available < 5 ? NEED_MORE : 5; // DLE DC4 fn m t
    this.#unknown.push(`10${command.toString(16).padStart(2, "0")}`);
    return 1;
  }

  #esc(index: number, available: number): number {
    if (available < 2) return NEED_MORE;
    const command = this.#buffer[index + 1]!;
    if (command === 0x44) {
      const end = this.#buffer.indexOf(0x00, index + 2);
      return end < 0 ? NEED_MORE : end - index + 1;
    }
    if (command === 0x2a) return this.#bitImage(index, available);
    if (command === 0x63) {
      // ESC c 3/4/5 n: paper sensor and panel settings.
      return available < 4 ? NEED_MORE : 4;
    }
    const count = ESC_PARAMETER_COUNTS[command];
    if (count === undefined) {
      this.#unknown.push(`1b${command.toString(16).padStart(2, "0")}`);
      return 2;
    }
    if (available < 2 + count) return NEED_MORE;
    const n = this.#buffer[index + 2] ?? 0;
    switch (command) {
      case 0x40:
        // Initialise discards what is buffered but not yet printed.
        this.#segments = [];
        this.#lineStyle = undefined;
        this.#style = { ...DEFAULT_STYLE };
        if (!this.#chineseModeAfterInitialize) this.#chinese = false;
        this.#qrData = "";
        break;
      case 0x21:
        this.#style.bold = (n & 0x08) !== 0;
        this.#style.height = n & 0x10 ? 2 : 1;
        this.#style.width = n & 0x20 ? 2 : 1;
        break;
      case 0x45:
        this.#style.bold = (n & 0x01) !== 0;
        break;
      case 0x61:
        this.#style.align = ALIGNMENTS[n % 48] ?? "left";
        break;
      case 0x64:
        this.#flushLine();
        this.#addFeed(n);
        break;
      case 0x4a:
        this.#flushLine();
        break;
      case 0x69:
        this.#endDocument("full");
        break;
      case 0x6d:
        this.#endDocument("partial");
        break;
    }
    return 2 + count;
  }

  #bitImage(index: number, available: number): number {
    if (available < 5) return NEED_MORE;
    const mode = this.#buffer[index + 2]!;
    const columns = this.#buffer[index + 3]! + 256 * this.#buffer[index + 4]!;
    const length = 5 + columns * (mode >= 32 ? 3 : 1);
    if (available < length) return NEED_MORE;
    this.#flushLine();
    this.#items.push({ kind: "image", widthDots: columns, heightDots: mode >= 32 ? 24 : 8 });
    return length;
  }

  #gs(index: number, available: number): number {
    if (available < 2) return NEED_MORE;
    const command = this.#buffer[index + 1]!;
    switch (command) {
      case 0x28:
        return this.#gsParen(index, available);
      case 0x56:
        return this.#cut(index, available);
      case 0x6b:
        return this.#barcode(index, available);
      case 0x76:
        return this.#raster(index, available);
    }
    const count = GS_PARAMETER_COUNTS[command];
    if (count === undefined) {
      this.#unknown.push(`1d${command.toString(16).padStart(2, "0")}`);
      return 2;
    }
    if (available < 2 + count) return NEED_MORE;
    const n = this.#buffer[index + 2]!;
    if (command === 0x21) {
      this.#style.width = ((n >> 4) & 0x07) + 1;
      this.#style.height = (n & 0x07) + 1;
    } else if (command === 0x61) {
      this.#events.push({ kind: "asb-enable", flags: n });
    }
    return 2 + count;
  }

  #fs(index: number, available: number): number {
    if (available < 2) return NEED_MORE;
    const command = this.#buffer[index + 1]!;
    const count = FS_PARAMETER_COUNTS[command];
    if (count === undefined) {
      this.#unknown.push(`1c${command.toString(16).padStart(2, "0")}`);
      return 2;
    }
    if (available < 2 + count) return NEED_MORE;
    if (command === 0x26) this.#chinese = true;
    if (command === 0x2e) this.#chinese = false;
    return 2 + count;
  }

  /** GS ( fn pL pH data: QR code for `GS ( k` with cn 49, skipped by its length otherwise. */
  #gsParen(index: number, available: number): number {
    if (available < 5) return NEED_MORE;
    const fn = this.#buffer[index + 2]!;
    const length = this.#buffer[index + 3]! + 256 * this.#buffer[index + 4]!;
    if (available < 5 + length) return NEED_MORE;
    const parameters = this.#buffer.subarray(index + 5, index + 5 + length);
    if (fn === 0x6b && parameters[0] === 0x31) this.#qr(parameters);
    else if (fn !== 0x6b) this.#flushLine();
    return 5 + length;
  }

  #qr(parameters: Buffer): void {
    const function_ = parameters[1];
    switch (function_) {
      case 0x43:
        this.#qrModuleSize = parameters[2] ?? this.#qrModuleSize;
        break;
      case 0x45:
        this.#qrErrorCorrection = QR_ERROR_CORRECTION[parameters[2] ?? 48] ?? "L";
        break;
      case 0x50:
        this.#qrData = parameters.subarray(3).toString("utf8");
        break;
      case 0x51:
        this.#flushLine();
        this.#items.push({
          kind: "qr",
          data: this.#qrData,
          moduleSize: this.#qrModuleSize,
          errorCorrection: this.#qrErrorCorrection,
        });
        break;
    }
  }

  #cut(index: number, available: number): number {
    if (available < 3) return NEED_MORE;
    const mode = this.#buffer[index + 2]!;
    // GS V 65/66 n: feed n then cut; GS V 0/1/48/49: cut at once.
    const length = mode === 65 || mode === 66 ? 4 : 3;
    if (available < length) return NEED_MORE;
    const partial = mode === 1 || mode === 49 || mode === 66;
    this.#endDocument(partial ? "partial" : "full");
    return length;
  }

  #endDocument(cut: "full" | "partial"): void {
    this.#flushLine();
    this.#events.push({ kind: "document", document: this.#takeDocument(cut) });
  }

  #barcode(index: number, available: number): number {
    if (available < 3) return NEED_MORE;
    const m = this.#buffer[index + 2]!;
    let data: Buffer;
    let length: number;
    if (m <= 6) {
      const end = this.#buffer.indexOf(0x00, index + 3);
      if (end < 0) return NEED_MORE;
      data = this.#buffer.subarray(index + 3, end);
      length = end - index + 1;
    } else {
      if (available < 4) return NEED_MORE;
      const n = this.#buffer[index + 3]!;
      if (available < 4 + n) return NEED_MORE;
      data = this.#buffer.subarray(index + 4, index + 4 + n);
      length = 4 + n;
    }
    this.#flushLine();
    const symbology = SYMBOLOGIES[m] ?? `barcode ${m}`;
    const text = symbology === "CODE128" ? decodeCode128Data(data) : data.toString("latin1");
    this.#items.push({ kind: "barcode", symbology, data: text });
    return length;
  }

  #raster(index: number, available: number): number {
    if (available < 8) return NEED_MORE;
    const widthBytes = this.#buffer[index + 4]! + 256 * this.#buffer[index + 5]!;
    const height = this.#buffer[index + 6]! + 256 * this.#buffer[index + 7]!;
    const length = 8 + widthBytes * height;
    if (available < length) return NEED_MORE;
    this.#flushLine();
    this.#items.push({ kind: "image", widthDots: widthBytes * 8, heightDots: height });
    return length;
  }
}

/**
 * ESC/POS CODE128 data starts with a code set selector ({A, {B or {C) and may switch set inside;
 * "{{" is a literal brace. Code set C packs two digits per byte.
 */
export function decodeCode128Data(data: Uint8Array): string {
  let set: "A" | "B" | "C" = "B";
  let out = "";
  for (let index = 0; index < data.length; index++) {
    const byte = data[index]!;
    if (byte === 0x7b && index + 1 < data.length) {
      const next = String.fromCharCode(data[index + 1]!);
      index += 1;
      if (next === "A" || next === "B" || next === "C") set = next;
      else if (next === "{") out += "{";
      // {1 {2 {3 {4 {S are function and shift codes: nothing to show.
      continue;
    }
    out += set === "C" ? String(byte).padStart(2, "0") : String.fromCharCode(byte);
  }
  return out;
}

/** Decodes a complete byte stream into its documents (the last one may have no cut). */
export function decodeEscPos(bytes: Uint8Array, options: EscPosDecoderOptions = {}): PrintedDocument[] {
  const decoder = new EscPosDecoder(options);
  return [...decoder.push(bytes), ...decoder.end()].flatMap((event) =>
    event.kind === "document" ? [event.document] : [],
  );
}

/** A document as plain text, for logs and the simulator's console: QR and barcodes in brackets. */
export function documentText(document: PrintedDocument, columns = 32): string {
  const lines: string[] = [];
  for (const item of document.items) {
    switch (item.kind) {
      case "text": {
        const width = displayWidth(item.text) * item.width;
        const room = Math.max(0, columns - width);
        const indent = item.align === "center" ? room >> 1 : item.align === "right" ? room : 0;
        lines.push(" ".repeat(indent) + item.text);
        break;
      }
      case "qr":
        lines.push(`[QR ${item.data}]`);
        break;
      case "barcode":
        lines.push(`[${item.symbology} ${item.data}]`);
        break;
      case "image":
        lines.push(`[image ${item.widthDots}x${item.heightDots}]`);
        break;
      case "feed":
        for (let line = 0; line < item.lines; line++) lines.push("");
        break;
    }
  }
  if (document.cut) lines.push(`-------- ${document.cut} cut --------`);
  return lines.join("\n");
}

/** Columns a string takes on a receipt: CJK and other wide characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += character.codePointAt(0)! >= 0x1100 ? 2 : 1;
  return width;
}
