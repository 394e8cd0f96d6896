import { EventEmitter } from "node:events";
import type { Logger } from "pino";
import { ReconnectingTransport } from "../transports/reconnecting-transport";
import type { StreamTransport } from "../transports/stream-transport";
import { formatRflinkEvent, formatRflinkLine, parseRflinkCommand, RflinkLineSplitter } from "./rflink-codec";

export const RFLINK_BANNER = "Nodo RadioFrequencyLink - RFLink Gateway V1.1 - R48";

export interface RflinkSimulatorOptions {
  /** The device end of the serial link (the socat pty a simulator opens). */
  transport: StreamTransport;
  logger?: Logger;
}

export interface PressOptions {
  protocol?: string;
  cmd?: string;
  /** How many times the pendant repeats the code, default 3. */
  repeats?: number;
  /** Gap between repeats, default 50 ms (a real pendant repeats within about a second). */
  gapMs?: number;
}

export interface RflinkSimulatorEvents {
  /** A command line arrived from the host, e.g. "PING". */
  command: [string];
  /** The link to the host came up (the gateway "booted") or went away. */
  up: [];
  down: [];
}

/**
 * The gateway side of an RFLink receiver on a serial link: prints the boot banner whenever the
 * link comes up (plugging a USB gateway in powers it up), answers PING and VERSION, and lets a test
 * or an operator press pendants and send noise.
 */
export class RflinkSimulator extends EventEmitter<RflinkSimulatorEvents> {
  readonly #link: ReconnectingTransport;
  readonly #logger: Logger | undefined;
  #splitter = new RflinkLineSplitter();
  #sequence = 0;
  /** False simulates hung firmware: the port stays open but nothing is answered. */
  answering = true;

  constructor(options: RflinkSimulatorOptions) {
    super();
    this.#logger = options.logger?.child({ simulator: "rflink" });
    this.#link = new ReconnectingTransport(options.transport, { initialDelayMs: 50, maxDelayMs: 500 });
    this.#link.on("up", () => {
      this.#splitter = new RflinkLineSplitter();
      this.#sequence = 0;
      void this.#writeLine(formatRflinkLine(this.#nextSequence(), [RFLINK_BANNER]));
      this.emit("up");
    });
    this.#link.on("down", () => this.emit("down"));
    this.#link.on("data", (chunk) => {
      for (const line of this.#splitter.push(chunk)) this.#onLine(line);
    });
  }

  get isUp(): boolean {
    return this.#link.isOpen;
  }

  /** Opens the device end and keeps reopening it after an unplug until `stop()`. */
  start(): void {
    this.#link.start();
  }

  async stop(): Promise<void> {
    await this.#link.stop();
  }

  /** Sends a pendant's code the way a real pendant does: the same line several times. */
  async press(id: string, key?: string | number, options: PressOptions = {}): Promise<void> {
    const repeats = options.repeats ?? 3;
    for (let repeat = 0; repeat < repeats; repeat++) {
      if (repeat > 0) await new Promise((resolve) => setTimeout(resolve, options.gapMs ?? 50));
      await this.#writeLine(
        formatRflinkEvent(this.#nextSequence(), {
          protocol: options.protocol ?? "EV1527",
          id,
          switch: key,
          cmd: options.cmd ?? "ON",
        }),
      );
    }
  }

  /** Writes noise: by default a broken line, binary junk and a line that is not RFLink at all. */
  async sendGarbage(bytes?: Uint8Array): Promise<void> {
    const noise = bytes ?? Buffer.from("20;4;EV1527;ID=\r\n\x00\xff\x13\x7f\r\nhello world\r\n", "latin1");
    await this.#link.write(noise);
  }

  #onLine(line: string): void {
    const command = parseRflinkCommand(line);
    if (command === undefined) return;
    this.emit("command", command);
    if (!this.answering) return;
    const upper = command.toUpperCase();
    if (upper === "PING") void this.#writeLine(formatRflinkLine(this.#nextSequence(), ["PONG"]));
    else if (upper === "VERSION") {
      void this.#writeLine(formatRflinkLine(this.#nextSequence(), ["VER=1.1", "REV=48", "BUILD=08"]));
    } else if (upper === "REBOOT") {
      this.#sequence = 0;
      void this.#writeLine(formatRflinkLine(this.#nextSequence(), [RFLINK_BANNER]));
    } else void this.#writeLine(formatRflinkLine(this.#nextSequence(), ["CMD UNKNOWN"]));
  }

  #nextSequence(): number {
    const sequence = this.#sequence;
    this.#sequence = (this.#sequence + 1) & 0xff;
    return sequence;
  }

  async #writeLine(line: string): Promise<void> {
    try {
      await this.#link.write(Buffer.from(line, "latin1"));
    } catch (error) {
      this.#logger?.debug({ err: (error as Error).message }, "simulator write failed");
    }
  }
}
