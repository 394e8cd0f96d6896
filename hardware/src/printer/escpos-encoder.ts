import iconv from "iconv-lite";

/**
 * Builds ESC/POS bytes for a receipt, with Chinese text as GB18030 inside Chinese mode
 * (shared/references/hardware.md §2).
 */

export type Alignment = "left" | "center" | "right";
export type QrErrorCorrection = "L" | "M" | "Q" | "H";

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const LF = 0x0a;

const ALIGNMENT_CODES: Record<Alignment, number> = { left: 0, center: 1, right: 2 };
const QR_ERROR_CORRECTION_CODES: Record<QrErrorCorrection, number> = { L: 48, M: 49, Q: 50, H: 51 };

export interface QrCodeOptions {
  /** Module size in dots, 1–16, default 6. */
  moduleSize?: number;
  errorCorrection?: QrErrorCorrection;
}

export interface BarcodeOptions {
  /** Bar height in dots, 1–255, default 80. */
  height?: number;
  /** Narrow bar width, 2–6, default 2. */
  moduleWidth?: number;
  /** Print the human-readable text below the bars, default true. */
  showText?: boolean;
}

/** Control characters inside text would be taken as commands by the printer: print them as spaces. */
function printable(text: string): string {
  let out = "";
  for (const character of text) {
    const code = character.charCodeAt(0);
    out += code < 0x20 || code === 0x7f ? " " : character;
  }
  return out;
}

function checkRange(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
}

export class EscPosEncoder {
  readonly #chunks: Buffer[] = [];

  #push(...bytes: number[]): this {
    this.#chunks.push(Buffer.from(bytes));
    return this;
  }

  /**
   * ESC @ resets the printer, and on many models that also leaves Chinese mode: FS & switches it
   * straight back on so that the GB18030 text that follows is not printed as code page garbage.
   */
  initialize(): this {
    return this.#push(ESC, 0x40, FS, 0x26);
  }

  align(alignment: Alignment): this {
    return this.#push(ESC, 0x61, ALIGNMENT_CODES[alignment]);
  }

  bold(on = true): this {
    return this.#push(ESC, 0x45, on ? 1 : 0);
  }

  /** Character size as multiples of normal width and height, 1–8 each. */
  size(width = 1, height = width): this {
    checkRange("width", width, 1, 8);
    checkRange("height", height, 1, 8);
    return this.#push(GS, 0x21, ((width - 1) << 4) | (height - 1));
  }

  /** Text without a line break, in GB18030. */
  text(text: string): this {
    const lines = text.split("\n");
    lines.forEach((line, index) => {
      if (index > 0) this.#push(LF);
      if (line.length > 0) this.#chunks.push(iconv.encode(printable(line), "gb18030"));
    });
    return this;
  }

  /** Text followed by a line break. */
  line(text = ""): this {
    return this.text(text).#push(LF);
  }

  /** QR code via GS ( k: model 2, module size, error correction, store, print. */
  qrCode(data: string, options: QrCodeOptions = {}): this {
    const moduleSize = options.moduleSize ?? 6;
    checkRange("QR module size", moduleSize, 1, 16);
    const payload = Buffer.from(data, "utf8");
    const storeLength = payload.length + 3;
    if (payload.length === 0 || storeLength > 0xffff)
      throw new RangeError("QR payload must be 1 to 65532 bytes");
    this.#push(GS, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00);
    this.#push(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, moduleSize);
    this.#push(
      GS,
      0x28,
      0x6b,
      0x03,
      0x00,
      0x31,
      0x45,
      QR_ERROR_CORRECTION_CODES[options.errorCorrection ?? "M"],
    );
    this.#push(GS, 0x28, 0x6b, storeLength & 0xff, storeLength >> 8, 0x31, 0x50, 0x30);
    this.#chunks.push(payload);
    return this.#push(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30);
  }

  /** CODE128 in code set B (printable ASCII), e.g. a receipt code. */
  code128(data: string, options: BarcodeOptions = {}): this {
    if (!/^[ -~]+$/.test(data)) throw new RangeError("CODE128 set B takes printable ASCII only");
    const height = options.height ?? 80;
    const moduleWidth = options.moduleWidth ?? 2;
    checkRange("barcode height", height, 1, 255);
    checkRange("barcode module width", moduleWidth, 2, 6);
    // "{" starts a code set switch in ESC/POS CODE128 data, so a literal brace is written "{{".
    const symbols = Buffer.from(`{B${data.replaceAll("{", "{{")}`, "ascii");
    if (symbols.length > 255) throw new RangeError("CODE128 data too long");
    this.#push(GS, 0x48, options.showText === false ? 0 : 2);
    this.#push(GS, 0x68, height);
    this.#push(GS, 0x77, moduleWidth);
    this.#push(GS, 0x6b, 73, symbols.length);
    this.#chunks.push(symbols);
    return this;
  }

  /** Prints what is buffered and feeds n lines. */
  feed(lines = 1): this {
    checkRange("feed lines", lines, 0, 255);
    return this.#push(ESC, 0x64, lines);
  }

  cut(kind: "full" | "partial" = "partial"): this {
    return this.#push(GS, 0x56, kind === "full" ? 0x00 : 0x01);
  }

  /** Any bytes, for commands this encoder does not cover. */
  raw(bytes: Uint8Array): this {
    this.#chunks.push(Buffer.from(bytes));
    return this;
  }

  encode(): Buffer {
    return Buffer.concat(this.#chunks);
  }
}
