import type { Socket } from "node:dgram";
import { EventEmitter } from "node:events";
import type { Logger } from "pino";
import { openUdpSocket } from "./udp-exchange";
import { type ControllerStatus, decodeReply, type GateEvent } from "./uhppote-codec";

/** An event a controller pushed to its configured listener. */
export interface GateEventNotice {
  serialNumber: number;
  event: GateEvent;
  /** The whole status datagram the event came in (door and button states, relays, clock). */
  status: ControllerStatus;
}

export interface UhppoteEventListenerOptions {
  host: string;
  /** 0 picks a free port (tests); see `address` for the one bound. */
  port: number;
  /** Only events of these controllers; all when omitted. */
  serialNumbers?: number[];
  logger?: Logger;
}

/**
 * Receives the status datagrams controllers push on every event (function 0x20, same layout as the
 * get-status reply) and emits each new event once. Controllers that push their status periodically
 * repeat the last event; repeats of the last index seen per controller are dropped.
 */
export class UhppoteEventListener extends EventEmitter<{ event: [GateEventNotice] }> {
  readonly #options: UhppoteEventListenerOptions;
  readonly #logger: Logger | undefined;
  readonly #lastIndex = new Map<number, number>();
  #socket: Socket | undefined;
  dropped = 0;

  constructor(options: UhppoteEventListenerOptions) {
    super();
    this.#options = options;
    this.#logger = options.logger;
  }

  /** Where it listens, once started. */
  get address(): { host: string; port: number } | undefined {
    if (!this.#socket) return undefined;
    const bound = this.#socket.address();
    return { host: bound.address, port: bound.port };
  }

  async start(): Promise<{ host: string; port: number }> {
    if (!this.#socket) {
      const socket = await openUdpSocket(this.#options.host, this.#options.port);
      socket.on("message", (message) => this.#onMessage(message));
      socket.on("error", (error) =>
        this.#logger?.warn({ err: error.message }, "event listener socket error"),
      );
      this.#socket = socket;
      this.#logger?.info(this.address, "listening for gate events");
    }
    return this.address!;
  }

  async stop(): Promise<void> {
    const socket = this.#socket;
    this.#socket = undefined;
    if (socket) await new Promise<void>((resolve) => socket.close(() => resolve()));
  }

  #onMessage(message: Buffer): void {
    let serialNumber: number;
    let status: ControllerStatus;
    try {
      ({ serialNumber, reply: status } = decodeReply("getStatus", message));
    } catch (error) {
      this.dropped++;
      this.#logger?.debug({ err: (error as Error).message }, "dropped datagram on event listener");
      return;
    }
    const { serialNumbers } = this.#options;
    if (serialNumbers && !serialNumbers.includes(serialNumber)) {
      this.dropped++;
      this.#logger?.debug({ serialNumber }, "event from a controller that is not ours");
      return;
    }
    const event = status.event;
    if (!event || this.#lastIndex.get(serialNumber) === event.index) return;
    this.#lastIndex.set(serialNumber, event.index);
    this.#logger?.debug(
      { serialNumber, index: event.index, type: event.type, reason: event.reason },
      "gate event",
    );
    try {
      this.emit("event", { serialNumber, event, status });
    } catch (error) {
      this.#logger?.error({ err: (error as Error).message }, "gate event listener failed");
    }
  }
}
