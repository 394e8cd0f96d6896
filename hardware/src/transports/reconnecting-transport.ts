import { EventEmitter } from "node:events";
import type { Logger } from "pino";
import type { StreamTransport } from "./stream-transport";

export interface ReconnectOptions {
  /** First retry delay after a failed open or a lost device, default 250 ms. */
  initialDelayMs?: number;
  /** Upper bound of the doubling retry delay, default 5000 ms. */
  maxDelayMs?: number;
  logger?: Logger;
}

export interface ReconnectingTransportEvents {
  /** The device is open (first time or again after it was lost). */
  up: [];
  /** The device was lost or could not be opened; retries continue until `stop()`. Emitted once per outage. */
  down: [error: Error | undefined];
  data: [chunk: Buffer];
}

/**
 * Keeps a StreamTransport open: opens it, and whenever it closes or fails to open, retries with a
 * doubling delay until `stop()`. Drivers use it to recover by themselves when a pty is removed, a TCP
 * connection resets or a USB device is unplugged and plugged back.
 */
export class ReconnectingTransport extends EventEmitter<ReconnectingTransportEvents> {
  readonly transport: StreamTransport;
  readonly #initialDelayMs: number;
  readonly #maxDelayMs: number;
  readonly #logger: Logger | undefined;
  #running = false;
  #state: "idle" | "up" | "down" = "idle";
  #delayMs: number;
  #timer: NodeJS.Timeout | undefined;
  #opening: Promise<void> | undefined;
  #lastError: Error | undefined;

  constructor(transport: StreamTransport, options: ReconnectOptions = {}) {
    super();
    this.transport = transport;
    this.#initialDelayMs = options.initialDelayMs ?? 250;
    this.#maxDelayMs = options.maxDelayMs ?? 5000;
    this.#delayMs = this.#initialDelayMs;
    this.#logger = options.logger;
    transport.on("data", this.#onData);
    transport.on("close", this.#onClose);
    transport.on("error", this.#onError);
  }

  get isOpen(): boolean {
    return this.#state === "up" && this.transport.isOpen;
  }

  /** Why the device is down (the last open or I/O error), if it is. */
  get lastError(): Error | undefined {
    return this.#lastError;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#state = "idle";
    this.#attempt();
  }

  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#opening;
    await this.transport.close();
    this.#state = "idle";
  }

  async write(data: Uint8Array): Promise<void> {
    if (!this.isOpen) {
      throw Object.assign(new Error(`${this.transport.description} is not connected`), {
        code: "ENOTCONN",
        cause: this.#lastError,
      });
    }
    await this.transport.write(data);
  }

  /**
   * Closes and reopens the transport, for when the device stopped answering although the transport
   * still looks open (a serial device that was power-cycled, a half-open TCP connection).
   */
  async reconnect(reason: Error): Promise<void> {
    if (!this.#running) return;
    this.#markDown(reason);
    // `close` from an intentional close carries no error; `#onClose` then schedules the reopen.
    if (this.transport.isOpen) await this.transport.close();
    else this.#schedule();
  }

  #attempt(): void {
    this.#timer = undefined;
    if (!this.#running || this.#opening) return;
    this.#opening = this.#open().finally(() => {
      this.#opening = undefined;
    });
  }

  async #open(): Promise<void> {
    try {
      await this.transport.open();
    } catch (error) {
      this.#logger?.debug(
        { transport: this.transport.description, err: (error as Error).message },
        "open failed",
      );
      this.#markDown(error as Error);
      this.#schedule();
      return;
    }
    if (!this.#running) {
      await this.transport.close();
      return;
    }
    this.#delayMs = this.#initialDelayMs;
    this.#lastError = undefined;
    this.#state = "up";
    this.#logger?.debug({ transport: this.transport.description }, "transport open");
    this.emit("up");
  }

  #schedule(): void {
    if (!this.#running || this.#timer) return;
    const delay = this.#delayMs;
    this.#delayMs = Math.min(this.#maxDelayMs, this.#delayMs * 2);
    this.#timer = setTimeout(() => this.#attempt(), delay);
  }

  #markDown(error: Error | undefined): void {
    if (error) this.#lastError = error;
    // Once per outage; a first open that fails is an outage too.
    if (this.#state === "down") return;
    this.#state = "down";
    this.emit("down", this.#lastError);
  }

  readonly #onData = (chunk: Buffer): void => {
    this.emit("data", chunk);
  };

  readonly #onClose = (error: Error | undefined): void => {
    if (!this.#running) return;
    if (this.#state === "up") {
      this.#logger?.debug({ transport: this.transport.description, err: error?.message }, "transport closed");
      this.#markDown(error ?? new Error(`${this.transport.description} closed`));
    }
    this.#schedule();
  };

  readonly #onError = (error: Error): void => {
    this.#logger?.debug({ transport: this.transport.description, err: error.message }, "transport error");
  };
}
