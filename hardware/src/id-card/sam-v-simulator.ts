import type { Logger } from "pino";
import { ReconnectingTransport } from "../transports/reconnecting-transport";
import { SerialTransport } from "../transports/serial-transport";
import { createPtyPair, type PtyPair } from "../transports/socat-pty-pair";
import type { StreamTransport } from "../transports/stream-transport";
import { encodeIdCardText, type IdCard } from "./id-card-text";
import { encodeSamId } from "./sam-id";
import {
  encodeSamVResponse,
  parseSamVRequest,
  SAM_V_PREAMBLE,
  SamVFrameParser,
  type SamVRequest,
  SamVStatus,
} from "./sam-v-codec";

export interface SamVSimulatorOptions {
  /** The device side of the link, e.g. a SerialTransport on one end of a socat pty pair. */
  transport: StreamTransport;
  /** Printed form of the SAM id, default "05.01-20230615-0012345678-3210987654". */
  samId?: string;
  /** Time the simulated RF read of text and photo takes, default 0 (real readers take 0.3–1 s). */
  readDelayMs?: number;
  logger?: Logger;
}

/** Ways to spoil the next answer, to test a driver's resynchronisation. */
export type ResponseFault = "garbage-before" | "bad-checksum" | "cut-short" | "silence";

/**
 * The reader side of SAM_V: answers find, select and read for the card that lies on it, using the
 * same codec as the driver. Control API for tests and the CLI: placeCard, removeCard,
 * setSamFault, clearSamFault, sendGarbage, spoilNextAnswer.
 */
export class SamVSimulator {
  readonly #link: ReconnectingTransport;
  readonly #parser = new SamVFrameParser();
  readonly #samId: Buffer;
  readonly #readDelayMs: number;
  readonly #logger: Logger | undefined;
  #card: IdCard | undefined;
  #samFault: number | undefined;
  #faults: ResponseFault[] = [];
  #queue: Promise<void> = Promise.resolve();
  /** Commands received, as "CMD PARA" hex (e.g. "2001"), so tests can see what a driver sent. */
  readonly received: string[] = [];

  constructor(options: SamVSimulatorOptions) {
    this.#samId = encodeSamId(options.samId ?? "05.01-20230615-0012345678-3210987654");
    this.#readDelayMs = options.readDelayMs ?? 0;
    this.#logger = options.logger;
    // Reopens the device side too when a pty pair is recreated (a replug in tests).
    this.#link = new ReconnectingTransport(options.transport, { initialDelayMs: 20, maxDelayMs: 200 });
    this.#link.on("data", (chunk) => this.#onData(chunk));
    this.#link.on("up", () => this.#parser.reset());
  }

  get card(): IdCard | undefined {
    return this.#card;
  }

  async start(): Promise<void> {
    const up = new Promise<void>((resolve) => this.#link.once("up", resolve));
    this.#link.start();
    await up;
  }

  async stop(): Promise<void> {
    await this.#link.stop();
    await this.#queue;
  }

  placeCard(card: IdCard): void {
    this.#card = card;
  }

  removeCard(): void {
    this.#card = undefined;
  }

  /** Makes the SAM report a fault (default: self-test failed) until `clearSamFault()`. */
  setSamFault(status: number = SamVStatus.samSelfTestFailed): void {
    this.#samFault = status;
  }

  clearSamFault(): void {
    this.#samFault = undefined;
  }

  /** Writes bytes that are no frame (by default line noise, then a read answer cut short) to the host. */
  async sendGarbage(
    bytes: Uint8Array = Buffer.from("00ff55aaaa9613aaaaaa9669050800009001000400", "hex"),
  ): Promise<void> {
    await this.#link.write(bytes);
  }

  /** Spoils the next answer(s) in the given way, one fault per answer. */
  spoilNextAnswer(...faults: ResponseFault[]): void {
    this.#faults.push(...faults);
  }

  #onData(chunk: Buffer): void {
    for (const output of this.#parser.push(chunk)) {
      if (output.kind === "discarded") {
        // A real reader answers a corrupted command with a checksum error and ignores noise.
        if (output.reason === "checksum mismatch")
          this.#enqueue(encodeSamVResponse(SamVStatus.checksumError));
        continue;
      }
      let request: SamVRequest;
      try {
        request = parseSamVRequest(output.body);
      } catch {
        this.#enqueue(encodeSamVResponse(SamVStatus.lengthError));
        continue;
      }
      this.received.push(Buffer.from([request.command, request.parameter]).toString("hex"));
      const isRead = request.command === 0x30;
      this.#enqueue(this.#answer(request), isRead ? this.#readDelayMs : 0);
    }
  }

  #enqueue(answer: Buffer, delayMs = 0): void {
    this.#queue = this.#queue.then(async () => {
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      await this.#send(answer);
    });
  }

  async #send(answer: Buffer): Promise<void> {
    const fault = this.#faults.shift();
    let bytes = answer;
    if (fault === "silence") return;
    if (fault === "garbage-before") bytes = Buffer.concat([Buffer.from("13aa0096aaaa", "hex"), answer]);
    if (fault === "bad-checksum") {
      bytes = Buffer.from(answer);
      bytes[bytes.length - 1]! ^= 0xff;
    }
    if (fault === "cut-short")
      bytes = answer.subarray(0, Math.max(SAM_V_PREAMBLE.length + 3, answer.length >> 1));
    try {
      await this.#link.write(bytes);
    } catch (error) {
      this.#logger?.debug({ err: (error as Error).message }, "simulator could not answer");
    }
  }

  #answer(request: SamVRequest): Buffer {
    const key = (request.command << 8) | request.parameter;
    const card = this.#card;
    switch (key) {
      case 0x10ff: // reset SAM
      case 0x61ff: // set max RF bytes
        return encodeSamVResponse(SamVStatus.ok);
      case 0x11ff:
        return encodeSamVResponse(this.#samFault ?? SamVStatus.ok);
      case 0x12ff:
        return encodeSamVResponse(SamVStatus.ok, this.#samId);
    }
    if (this.#samFault !== undefined) return encodeSamVResponse(this.#samFault);
    switch (key) {
      case 0x2001:
        return encodeSamVResponse(card ? SamVStatus.findOk : SamVStatus.findFailed);
      case 0x2002:
        return card
          ? encodeSamVResponse(SamVStatus.ok, Buffer.alloc(8))
          : encodeSamVResponse(SamVStatus.selectFailed);
      case 0x3001:
      case 0x3010: {
        if (!card) return encodeSamVResponse(SamVStatus.readFailed);
        const blocks = [encodeIdCardText(card), card.photo];
        if (key === 0x3010) blocks.push(card.fingerprint ?? Buffer.alloc(0));
        const lengths = Buffer.alloc(blocks.length * 2);
        for (const [index, block] of blocks.entries()) lengths.writeUInt16BE(block.length, index * 2);
        return encodeSamVResponse(SamVStatus.ok, Buffer.concat([lengths, ...blocks]));
      }
      case 0x3003:
        return encodeSamVResponse(SamVStatus.noData);
      default:
        return encodeSamVResponse(SamVStatus.badCommand);
    }
  }
}

export interface PtySamVSimulator {
  simulator: SamVSimulator;
  pty: PtyPair;
  /** The serial path a driver opens. */
  hostPath: string;
  close(): Promise<void>;
}

/** A simulated reader on a fresh socat pty pair, as if it were plugged in at `hostPath`. */
export async function startSamVSimulatorOnPty(
  options: Omit<SamVSimulatorOptions, "transport"> & { directory?: string } = {},
): Promise<PtySamVSimulator> {
  const { directory, ...simulatorOptions } = options;
  const pty = await createPtyPair(directory === undefined ? {} : { directory });
  const simulator = new SamVSimulator({
    ...simulatorOptions,
    transport: new SerialTransport({ path: pty.devicePath }),
  });
  await simulator.start();
  return {
    simulator,
    pty,
    hostPath: pty.hostPath,
    async close() {
      await simulator.stop();
      await pty.close();
    },
  };
}
