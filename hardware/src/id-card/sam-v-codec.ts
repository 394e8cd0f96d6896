/**
 * SAM_V frames of resident ID card readers (二代证), see shared/references/hardware.md §1.
 *
 *   command:  AA AA AA 96 69 | LEN(2, BE) | CMD PARA | DATA | CHK
 *   response: AA AA AA 96 69 | LEN(2, BE) | SW1 SW2 SW3 | DATA | CHK
 *
 * LEN counts everything after itself; CHK is the XOR of LEN through the last DATA byte. Both
 * directions share the framing, so one parser serves the driver (responses) and the simulator
 * (commands).
 */

export const SAM_V_PREAMBLE = Buffer.from([0xaa, 0xaa, 0xaa, 0x96, 0x69]);
const HEADER_LENGTH = SAM_V_PREAMBLE.length + 2;
/** The largest legitimate body: a read with fingerprint (3 + 6 + 256 + 1024 + 1024 + 1), with room to spare. */
export const SAM_V_MAX_LENGTH = 4096;

export const SamVCommand = {
  resetSam: [0x10, 0xff],
  samStatus: [0x11, 0xff],
  readSamId: [0x12, 0xff],
  findCard: [0x20, 0x01],
  selectCard: [0x20, 0x02],
  readTextAndPhoto: [0x30, 0x01],
  readAppendedAddress: [0x30, 0x03],
  readTextPhotoAndFingerprint: [0x30, 0x10],
  setMaxRfBytes: [0x61, 0xff],
} as const satisfies Record<string, readonly [number, number]>;

export const SamVStatus = {
  ok: 0x90,
  noData: 0x91,
  findOk: 0x9f,
  checksumError: 0x10,
  lengthError: 0x11,
  badCommand: 0x21,
  notPermitted: 0x23,
  unknownError: 0x24,
  cardAuthenticatingSamFailed: 0x31,
  samAuthenticatingCardFailed: 0x32,
  verificationFailed: 0x33,
  fingerprintError: 0x37,
  informationLengthError: 0x3f,
  unknownCardType: 0x40,
  readFailed: 0x41,
  randomNumberFailed: 0x47,
  samSelfTestFailed: 0x60,
  samNotAuthorised: 0x66,
  findFailed: 0x80,
  selectFailed: 0x81,
} as const;

const STATUS_DESCRIPTIONS: Record<number, string> = {
  144: "ok",
  145: "no data for this item",
  159: "card found",
  16: "checksum error",
  17: "length error",
  33: "bad command",
  35: "not permitted",
  36: "unknown error",
  49: "card failed to authenticate SAM",
  50: "SAM failed to authenticate card",
  51: "verification failed",
  55: "fingerprint error",
  63: "information length error",
  64: "unknown card type",
  65: "read failed",
  71: "random number failed",
  96: "SAM self-test failed",
  102: "SAM not authorised",
  128: "no card found",
  129: "select card failed",
};

export function describeSamVStatus(status: number): string {
  const hex = status.toString(16).padStart(2, "0").toUpperCase();
  return `${STATUS_DESCRIPTIONS[status] ?? "unknown status"} (0x${hex})`;
}

/** Statuses that mean the SAM module itself is unusable, not just that this card or read failed. */
export function isSamFault(status: number): boolean {
  return status === SamVStatus.samSelfTestFailed || status === SamVStatus.samNotAuthorised;
}

export function xorChecksum(bytes: Uint8Array): number {
  let sum = 0;
  for (const byte of bytes) sum ^= byte;
  return sum;
}

/** Frames a body (CMD PARA DATA or SW1 SW2 SW3 DATA): preamble, LEN, body, CHK. */
export function encodeSamVFrame(body: Uint8Array): Buffer {
  const length = body.length + 1;
  if (length > 0xffff) throw new RangeError(`SAM_V body too long: ${body.length} bytes`);
  const lengthAndBody = Buffer.alloc(2 + body.length);
  lengthAndBody.writeUInt16BE(length, 0);
  lengthAndBody.set(body, 2);
  return Buffer.concat([SAM_V_PREAMBLE, lengthAndBody, Buffer.from([xorChecksum(lengthAndBody)])]);
}

export function encodeSamVCommand(
  command: readonly [number, number],
  data: Uint8Array = Buffer.alloc(0),
): Buffer {
  return encodeSamVFrame(Buffer.concat([Buffer.from(command), data]));
}

export function encodeSamVResponse(status: number, data: Uint8Array = Buffer.alloc(0)): Buffer {
  return encodeSamVFrame(Buffer.concat([Buffer.from([0x00, 0x00, status]), data]));
}

export interface SamVRequest {
  command: number;
  parameter: number;
  data: Buffer;
}

export interface SamVResponse {
  sw1: number;
  sw2: number;
  status: number;
  data: Buffer;
}

export class SamVFormatError extends Error {
  override readonly name = "SamVFormatError";
}

export function parseSamVRequest(body: Buffer): SamVRequest {
  if (body.length < 2) throw new SamVFormatError(`command body too short: ${body.length} bytes`);
  return { command: body[0]!, parameter: body[1]!, data: body.subarray(2) };
}

export function parseSamVResponse(body: Buffer): SamVResponse {
  if (body.length < 3) throw new SamVFormatError(`response body too short: ${body.length} bytes`);
  return { sw1: body[0]!, sw2: body[1]!, status: body[2]!, data: body.subarray(3) };
}

/** Decodes exactly one complete frame (no leading or trailing bytes) and returns its body. */
export function decodeSamVFrame(frame: Uint8Array): Buffer {
  const bytes = Buffer.from(frame);
  if (bytes.length < HEADER_LENGTH + 1 || !bytes.subarray(0, SAM_V_PREAMBLE.length).equals(SAM_V_PREAMBLE)) {
    throw new SamVFormatError("not a SAM_V frame (preamble AA AA AA 96 69 missing)");
  }
  const length = bytes.readUInt16BE(SAM_V_PREAMBLE.length);
  if (bytes.length !== HEADER_LENGTH + length) {
    throw new SamVFormatError(`LEN says ${length} bytes follow, frame has ${bytes.length - HEADER_LENGTH}`);
  }
  const checked = bytes.subarray(SAM_V_PREAMBLE.length, bytes.length - 1);
  const expected = xorChecksum(checked);
  const actual = bytes[bytes.length - 1]!;
  if (expected !== actual) {
    throw new SamVFormatError(`checksum 0x${actual.toString(16)} should be 0x${expected.toString(16)}`);
  }
  return checked.subarray(2);
}

export type SamVParserOutput =
  | { kind: "frame"; body: Buffer }
  | { kind: "discarded"; bytes: Buffer; reason: string };

/**
 * Splits a byte stream into frame bodies. Bytes before a preamble, frames with an impossible LEN and
 * frames with a wrong checksum are reported as discarded, and parsing resumes at the next preamble
 * (which may lie inside the discarded frame, when a frame was cut short and the next one followed).
 */
export class SamVFrameParser {
  #buffer: Buffer = Buffer.alloc(0);

  /** Bytes held while waiting for the rest of a frame. */
  get pending(): number {
    return this.#buffer.length;
  }

  reset(): void {
    this.#buffer = Buffer.alloc(0);
  }

  push(chunk: Uint8Array): SamVParserOutput[] {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    const out: SamVParserOutput[] = [];
    for (;;) {
      const start = this.#buffer.indexOf(SAM_V_PREAMBLE);
      if (start < 0) {
        // Keep a tail that could be the beginning of a preamble split across chunks.
        const keep = this.#preamblePrefixAtEnd();
        this.#discard(out, this.#buffer.length - keep, "no preamble");
        return out;
      }
      if (start > 0) this.#discard(out, start, "bytes before preamble");
      if (this.#buffer.length < HEADER_LENGTH) return out;
      const length = this.#buffer.readUInt16BE(SAM_V_PREAMBLE.length);
      if (length < 3 || length > SAM_V_MAX_LENGTH) {
        this.#discard(out, 1, `impossible LEN ${length}`);
        continue;
      }
      if (this.#buffer.length < HEADER_LENGTH + length) return out;
      const frame = this.#buffer.subarray(0, HEADER_LENGTH + length);
      const checked = frame.subarray(SAM_V_PREAMBLE.length, frame.length - 1);
      if (xorChecksum(checked) !== frame[frame.length - 1]) {
        this.#discard(out, 1, "checksum mismatch");
        continue;
      }
      out.push({ kind: "frame", body: Buffer.from(checked.subarray(2)) });
      this.#buffer = this.#buffer.subarray(frame.length);
    }
  }

  #discard(out: SamVParserOutput[], count: number, reason: string): void {
    if (count <= 0) return;
    const last = out[out.length - 1];
    const bytes = Buffer.from(this.#buffer.subarray(0, count));
    this.#buffer = this.#buffer.subarray(count);
    // Resynchronising skips one byte at a time; report each run of skipped bytes once.
    if (last?.kind === "discarded" && last.reason === reason) {
      last.bytes = Buffer.concat([last.bytes, bytes]);
    } else {
      out.push({ kind: "discarded", bytes, reason });
    }
  }

  #preamblePrefixAtEnd(): number {
    const maxKeep = Math.min(SAM_V_PREAMBLE.length - 1, this.#buffer.length);
    for (let keep = maxKeep; keep > 0; keep--) {
      const tail = this.#buffer.subarray(this.#buffer.length - keep);
      if (tail.equals(SAM_V_PREAMBLE.subarray(0, keep))) return keep;
    }
    return 0;
  }
}
