/**
 * Printer status over ESC/POS: real-time `DLE EOT n` queries (one byte back each) and Automatic
 * Status Back (`GS a n`, four bytes on every change). Bit meanings from
 * shared/references/hardware.md §2.
 */

export interface PrinterStatus {
  online: boolean;
  coverOpen: boolean;
  paperNearEnd: boolean;
  paperOut: boolean;
  /** Autocutter, unrecoverable or auto-recoverable error. */
  error: boolean;
}

export const READY_STATUS: PrinterStatus = {
  online: true,
  coverOpen: false,
  paperNearEnd: false,
  paperOut: false,
  error: false,
};

/** The four DLE EOT queries: printer, offline cause, error cause, paper roll sensor. */
export const STATUS_QUERIES = [1, 2, 3, 4] as const;
export type StatusQuery = (typeof STATUS_QUERIES)[number];

export function encodeStatusQuery(n: StatusQuery): Buffer {
  return Buffer.from([0x10, 0x04, n]);
}

/** `GS a n`: bit 1 on/offline, bit 2 error, bit 3 paper sensor (bit 0, the drawer, is not needed). */
export const ASB_ONLINE_ERROR_PAPER = 0x0e;

export function encodeAsbEnable(flags: number = ASB_ONLINE_ERROR_PAPER): Buffer {
  return Buffer.from([0x1d, 0x61, flags & 0xff]);
}

/** Real-time status bytes have bits 1 and 4 set and bits 0 and 7 clear. */
export function isStatusReplyByte(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

/** The first ASB byte has bit 4 set and bits 0, 1 and 7 clear. */
export function isAsbFirstByte(byte: number): boolean {
  return (byte & 0x93) === 0x10;
}

/** Combines the replies to DLE EOT 1–4 into one status. */
export function statusFromQueryReplies(replies: Record<StatusQuery, number>): PrinterStatus {
  const printer = replies[1];
  const offlineCause = replies[2];
  const errorCause = replies[3];
  const paper = replies[4];
  return {
    online: (printer & 0x08) === 0,
    coverOpen: (offlineCause & 0x04) !== 0,
    paperNearEnd: (paper & 0x0c) !== 0,
    paperOut: (paper & 0x60) !== 0 || (offlineCause & 0x20) !== 0,
    error: (offlineCause & 0x40) !== 0 || (errorCause & 0x68) !== 0,
  };
}

/** The reply byte a printer in this status gives to DLE EOT n (used by the simulator). */
export function encodeStatusReply(n: StatusQuery, status: PrinterStatus): number {
  let byte = 0x12;
  switch (n) {
    case 1:
      if (!status.online) byte |= 0x08;
      break;
    case 2:
      if (status.coverOpen) byte |= 0x04;
      if (status.paperOut) byte |= 0x20;
      if (status.error) byte |= 0x40;
      break;
    case 3:
      if (status.error) byte |= 0x20;
      break;
    case 4:
      if (status.paperNearEnd || status.paperOut) byte |= 0x0c;
      if (status.paperOut) byte |= 0x60;
      break;
  }
  return byte;
}

/** Decodes the four ASB bytes: byte 1 bit 3 offline, bit 5 cover; byte 2 errors; byte 3 paper. */
export function decodeAsb(bytes: Uint8Array): PrinterStatus {
  if (bytes.length !== 4 || !isAsbFirstByte(bytes[0]!)) {
    throw new RangeError(`not an ASB message: ${Buffer.from(bytes).toString("hex")}`);
  }
  const [first, second, third] = [bytes[0]!, bytes[1]!, bytes[2]!];
  return {
    online: (first & 0x08) === 0,
    coverOpen: (first & 0x20) !== 0,
    error: (second & 0x68) !== 0,
    paperNearEnd: (third & 0x03) !== 0,
    paperOut: (third & 0x0c) !== 0,
  };
}

export function encodeAsb(status: PrinterStatus): Buffer {
  let first = 0x10;
  if (!status.online) first |= 0x08;
  if (status.coverOpen) first |= 0x20;
  const second = status.error ? 0x20 : 0x00;
  let third = 0x00;
  if (status.paperNearEnd || status.paperOut) third |= 0x03;
  if (status.paperOut) third |= 0x0c;
  return Buffer.from([first, second, third, 0x00]);
}

export type PrinterReply = { kind: "status"; byte: number } | { kind: "asb"; status: PrinterStatus };

/**
 * Splits what a printer sends back into status reply bytes and ASB messages, skipping anything
 * else (answers to commands we never send, line noise).
 */
export class PrinterReplyParser {
  #buffer: Buffer = Buffer.alloc(0);

  reset(): void {
    this.#buffer = Buffer.alloc(0);
  }

  push(chunk: Uint8Array): { replies: PrinterReply[]; skipped: number } {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    const replies: PrinterReply[] = [];
    let skipped = 0;
    let index = 0;
    while (index < this.#buffer.length) {
      const byte = this.#buffer[index]!;
      if (isStatusReplyByte(byte)) {
        replies.push({ kind: "status", byte });
        index += 1;
      } else if (isAsbFirstByte(byte)) {
        const message = this.#buffer.subarray(index, index + 4);
        // Bytes 2–4 have bits 4 and 7 clear, unlike any status reply: a byte that breaks this rule
        // shows at once that this was noise, so a reply behind it is never held up.
        if (!message.subarray(1).every((b) => (b & 0x90) === 0)) {
          skipped += 1;
          index += 1;
        } else if (message.length < 4) {
          break;
        } else {
          replies.push({ kind: "asb", status: decodeAsb(message) });
          index += 4;
        }
      } else {
        skipped += 1;
        index += 1;
      }
    }
    this.#buffer = this.#buffer.subarray(index);
    return { replies, skipped };
  }
}

/** Why a printer in this status cannot print, or undefined when it can. */
export function notReadyReason(status: PrinterStatus): string | undefined {
  if (status.coverOpen) return "cover open";
  if (status.paperOut) return "out of paper";
  if (status.error) return "printer error";
  if (!status.online) return "printer offline";
  return undefined;
}
