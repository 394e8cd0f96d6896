import { EventEmitter } from "node:events";
import type { Logger } from "pino";
import { HealthState } from "../health";
import { ReconnectingTransport, type ReconnectOptions } from "../transports/reconnecting-transport";
import type { StreamTransport } from "../transports/stream-transport";
import { cardNumberOf, type IdCard, parseIdCardText } from "./id-card-text";
import { maskIdNumber } from "./id-number";
import { formatSamId } from "./sam-id";
import {
  describeSamVStatus,
  encodeSamVCommand,
  isSamFault,
  parseSamVResponse,
  SamVCommand,
  SamVFrameParser,
  type SamVResponse,
  SamVStatus,
} from "./sam-v-codec";

export interface IdCardReaderOptions {
  transport: StreamTransport;
  /** Device name in health reports, default "id-card". */
  name?: string;
  /** Pause between find-card polls, default 500 ms. */
  pollIntervalMs?: number;
  /** How long to wait for the answer to a short command, default 1000 ms. */
  commandTimeoutMs?: number;
  /** How long to wait for the text+photo answer (the card is read over RF), default 3000 ms. */
  readTimeoutMs?: number;
  /** Consecutive unanswered commands before the reader is reported unavailable and reopened, default 3. */
  timeoutsBeforeUnavailable?: number;
  /** Consecutive empty finds before a read card counts as removed (rides out RF glitches), default 2. */
  missesBeforeRemoved?: number;
  /** Read the fingerprint block too (command 30 10), default false. */
  readFingerprint?: boolean;
  reconnect?: Omit<ReconnectOptions, "logger">;
  logger?: Logger;
}

export interface IdCardReaderEvents {
  /** A card was placed and read. */
  card: [card: IdCard];
  /** The card that was read is gone (taken away, or the reader was lost: forget the resident). */
  removed: [];
  /** A card is on the reader but could not be read; reported once per placement. */
  unreadable: [reason: string];
}

class CommandTimeoutError extends Error {
  override readonly name = "CommandTimeoutError";
}

interface PendingCommand {
  resolve(response: SamVResponse): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * Resident ID card reader over the SAM_V serial protocol: polls find → select → read on an injected
 * transport, emits `card` when a card is placed and `removed` when it is taken away, and reports the
 * reader's health (not connected, SAM fault, not answering) while reopening it by itself.
 */
export class IdCardReader extends EventEmitter<IdCardReaderEvents> {
  readonly health: HealthState;
  readonly #link: ReconnectingTransport;
  readonly #logger: Logger | undefined;
  readonly #pollIntervalMs: number;
  readonly #commandTimeoutMs: number;
  readonly #readTimeoutMs: number;
  readonly #timeoutsBeforeUnavailable: number;
  readonly #missesBeforeRemoved: number;
  readonly #readFingerprint: boolean;
  readonly #parser = new SamVFrameParser();
  #running = false;
  #timer: NodeJS.Timeout | undefined;
  #tick: Promise<void> | undefined;
  #pending: PendingCommand | undefined;
  #samReady = false;
  #samId: string | undefined;
  #card: IdCard | undefined;
  #misses = 0;
  #unreadableReported = false;
  #timeouts = 0;

  constructor(options: IdCardReaderOptions) {
    super();
    const name = options.name ?? "id-card";
    this.#logger = options.logger?.child({ device: name });
    this.health = new HealthState(name);
    this.#pollIntervalMs = options.pollIntervalMs ?? 500;
    this.#commandTimeoutMs = options.commandTimeoutMs ?? 1000;
    this.#readTimeoutMs = options.readTimeoutMs ?? 3000;
    this.#timeoutsBeforeUnavailable = options.timeoutsBeforeUnavailable ?? 3;
    this.#missesBeforeRemoved = options.missesBeforeRemoved ?? 2;
    this.#readFingerprint = options.readFingerprint ?? false;
    this.#link = new ReconnectingTransport(options.transport, {
      ...options.reconnect,
      ...(this.#logger ? { logger: this.#logger } : {}),
    });
    this.#link.on("data", (chunk) => this.#onData(chunk));
    this.#link.on("up", () => this.#onUp());
    this.#link.on("down", (error) => this.#onDown(error));
    this.health.on("change", (health) => {
      if (health.status === "ok") this.#logger?.info("ID card reader ok");
      else this.#logger?.warn({ status: health.status, reason: health.reason }, "ID card reader not ok");
    });
  }

  /** The SAM module's id, read each time the reader is (re)opened. */
  get samId(): string | undefined {
    return this.#samId;
  }

  /** The card currently on the reader, if one was read. */
  get card(): IdCard | undefined {
    return this.#card;
  }

  async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    this.health.set("unavailable", `opening ${this.#link.transport.description}`);
    this.#link.start();
  }

  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#failPending(new Error("reader stopped"));
    await this.#tick;
    await this.#link.stop();
    this.#forgetCard();
    this.health.set("unavailable", "stopped");
  }

  #onUp(): void {
    this.#parser.reset();
    this.#samReady = false;
    this.#timeouts = 0;
    this.#schedule(0);
  }

  #onDown(error: Error | undefined): void {
    this.#failPending(error ?? new Error("reader disconnected"));
    this.#forgetCard();
    // A reopen we asked for after timeouts keeps its clearer "not answering" reason.
    if (!this.#running || error instanceof CommandTimeoutError) return;
    const detail = error?.message ?? "disconnected";
    this.health.set("unavailable", `reader not connected (${this.#link.transport.description}: ${detail})`);
  }

  #schedule(delayMs: number): void {
    if (!this.#running || this.#timer || this.#tick) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#tick = this.#cycle().finally(() => {
        this.#tick = undefined;
        if (this.#link.isOpen) this.#schedule(this.#pollIntervalMs);
      });
    }, delayMs);
  }

  async #cycle(): Promise<void> {
    if (!this.#running || !this.#link.isOpen) return;
    try {
      if (!this.#samReady) await this.#checkSam();
      if (this.#samReady) await this.#pollCard();
    } catch (error) {
      if (error instanceof CommandTimeoutError) this.#onTimeout(error);
      else this.#logger?.debug({ err: (error as Error).message }, "ID card reader cycle failed");
    }
  }

  async #checkSam(): Promise<void> {
    const status = await this.#command(SamVCommand.samStatus);
    if (status.status !== SamVStatus.ok) {
      this.#samFault(status.status);
      return;
    }
    if (this.#samId === undefined) {
      const id = await this.#command(SamVCommand.readSamId);
      if (id.status === SamVStatus.ok) this.#samId = formatSamId(id.data);
    }
    this.#samReady = true;
    this.health.set("ok");
  }

  #samFault(status: number): void {
    this.#samReady = false;
    this.#forgetCard();
    this.health.set("unavailable", `SAM fault: ${describeSamVStatus(status)}`);
  }

  async #pollCard(): Promise<void> {
    const find = await this.#command(SamVCommand.findCard);
    if (isSamFault(find.status)) return this.#samFault(find.status);
    this.health.set("ok");
    if (find.status !== SamVStatus.findOk) {
      this.#unreadableReported = false;
      if (this.#card && ++this.#misses >= this.#missesBeforeRemoved) this.#forgetCard();
      return;
    }
    this.#misses = 0;
    // The card that was read is still in the field: nothing new to read. Readers answer find with
    // 9F for as long as a card is in the field; a swap is seen as a removal followed by a new card.
    if (this.#card) return;
    const select = await this.#command(SamVCommand.selectCard);
    if (select.status !== SamVStatus.ok) return this.#unreadable(describeSamVStatus(select.status));
    const command = this.#readFingerprint
      ? SamVCommand.readTextPhotoAndFingerprint
      : SamVCommand.readTextAndPhoto;
    const read = await this.#command(command, this.#readTimeoutMs);
    if (read.status !== SamVStatus.ok) return this.#unreadable(describeSamVStatus(read.status));
    let card: IdCard;
    try {
      card = this.#parseRead(read.data);
    } catch (error) {
      return this.#unreadable((error as Error).message);
    }
    this.#card = card;
    this.#unreadableReported = false;
    this.#logger?.info({ card: card.type, number: maskIdNumber(cardNumberOf(card)) }, "ID card read");
    this.emit("card", card);
  }

  #parseRead(data: Buffer): IdCard {
    const lengthCount = this.#readFingerprint ? 3 : 2;
    if (data.length < lengthCount * 2) throw new Error(`read answer too short: ${data.length} bytes`);
    const lengths = Array.from({ length: lengthCount }, (_, index) => data.readUInt16BE(index * 2));
    const total = lengths.reduce((sum, length) => sum + length, lengthCount * 2);
    if (data.length < total)
      throw new Error(`read answer has ${data.length} bytes, its lengths need ${total}`);
    const blocks: Buffer[] = [];
    let offset = lengthCount * 2;
    for (const length of lengths) {
      blocks.push(data.subarray(offset, offset + length));
      offset += length;
    }
    return parseIdCardText(blocks[0]!, blocks[1]!, blocks[2]);
  }

  #unreadable(reason: string): void {
    this.#logger?.debug({ reason }, "card on reader could not be read");
    if (this.#unreadableReported) return;
    this.#unreadableReported = true;
    this.emit("unreadable", reason);
  }

  #forgetCard(): void {
    this.#misses = 0;
    if (!this.#card) return;
    this.#card = undefined;
    this.#logger?.info("ID card removed");
    this.emit("removed");
  }

  #onTimeout(error: CommandTimeoutError): void {
    this.#timeouts += 1;
    this.#logger?.debug({ err: error.message, timeouts: this.#timeouts }, "ID card reader did not answer");
    if (this.#timeouts < this.#timeoutsBeforeUnavailable) {
      this.health.set("degraded", "reader slow to answer (timeout)");
      return;
    }
    this.health.set("unavailable", `reader not answering (${this.#timeouts} timeouts in a row)`);
    this.#forgetCard();
    // Reopening recovers a reader that was power-cycled behind a USB-serial adapter that stayed.
    if (this.#timeouts % this.#timeoutsBeforeUnavailable === 0) void this.#link.reconnect(error);
  }

  async #command(
    command: readonly [number, number],
    timeoutMs = this.#commandTimeoutMs,
  ): Promise<SamVResponse> {
    if (!this.#running) throw new Error("reader stopped");
    // Answers only ever follow commands: whatever is buffered now is stale (a frame cut short, noise).
    if (this.#parser.pending > 0) {
      this.#logger?.debug({ bytes: this.#parser.pending }, "dropping stale bytes before command");
      this.#parser.reset();
    }
    const frame = encodeSamVCommand(command);
    const answer = new Promise<SamVResponse>((resolve, reject) => {
      const name = Buffer.from(command).toString("hex");
      const timer = setTimeout(() => {
        this.#pending = undefined;
        this.#parser.reset();
        reject(new CommandTimeoutError(`no answer to command ${name} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#pending = { resolve, reject, timer };
    });
    // The answer may fail (stop, disconnect) while the write is still in flight, before it is awaited.
    answer.catch(() => {});
    this.#logger?.trace({ frame: frame.toString("hex") }, "ID card reader command");
    try {
      await this.#link.write(frame);
    } catch (error) {
      this.#failPending(error as Error);
    }
    const response = await answer;
    if (!this.#running) throw new Error("reader stopped");
    this.#timeouts = 0;
    return response;
  }

  #failPending(error: Error): void {
    const pending = this.#pending;
    if (!pending) return;
    this.#pending = undefined;
    clearTimeout(pending.timer);
    pending.reject(error);
  }

  #onData(chunk: Buffer): void {
    // Only the size: read answers carry the holder's name and ID number.
    this.#logger?.trace({ bytes: chunk.length }, "ID card reader data");
    for (const output of this.#parser.push(chunk)) {
      if (output.kind === "discarded") {
        this.#logger?.debug(
          { bytes: output.bytes.length, reason: output.reason },
          "skipped bytes from reader",
        );
        continue;
      }
      const pending = this.#pending;
      if (!pending) {
        this.#logger?.debug("dropped an answer nobody waited for");
        continue;
      }
      this.#pending = undefined;
      clearTimeout(pending.timer);
      try {
        pending.resolve(parseSamVResponse(output.body));
      } catch (error) {
        pending.reject(error as Error);
      }
    }
  }
}
