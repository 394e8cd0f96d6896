import { EventEmitter } from "node:events";
import type { Logger } from "pino";
import { HealthState } from "../health";
import { ReconnectingTransport } from "../transports/reconnecting-transport";
import type { StreamTransport } from "../transports/stream-transport";
import { PressDebouncer } from "./press-debouncer";
import {
  formatRflinkCommand,
  normalizeRflinkId,
  normalizeRflinkSwitch,
  parseRflinkLine,
  type RflinkEvent,
  RflinkLineSplitter,
  type RflinkMessage,
} from "./rflink-codec";

/** An enrolled pendant: which transmitter (and key) means which button, for whom. */
export interface PendantMapping {
  /** Transmitter id as the gateway prints it (hex), e.g. "295FD59". */
  id: string;
  /** Only this key of the transmitter; any key when omitted. */
  switch?: string | number;
  /** Only this RFLink protocol name; any when omitted. */
  protocol?: string;
  button: string;
  /** Who wears it (a resident id or name), passed through to the press. */
  owner?: string;
}

export interface PendantPress {
  button: string;
  owner?: string;
  pendantId: string;
  switch?: string;
  protocol: string;
  cmd?: string;
}

/** A transmitter that is not enrolled: reported so staff can enrol it, never acted on. */
export interface UnknownPendant {
  protocol: string;
  id: string;
  switch?: string;
  cmd?: string;
}

export interface RflinkReceiverEvents {
  press: [PendantPress];
  unknown: [UnknownPendant];
}

export interface RflinkReceiverOptions {
  /** The serial port (or any byte stream) the gateway is on. */
  transport: StreamTransport;
  pendants: PendantMapping[];
  /** Device name in health reports and logs, default "pendant". */
  name?: string;
  /** Repeats of the same id+switch within this window are one press, default 1000 ms. */
  debounceMs?: number;
  /** How often the gateway is pinged, default 10 s. */
  pingIntervalMs?: number;
  /** How long a PONG may take, default 2 s. */
  pingTimeoutMs?: number;
  reconnect?: { initialDelayMs?: number; maxDelayMs?: number };
  logger?: Logger;
  now?: () => number;
}

/**
 * A 433 MHz receiver speaking the RFLink line protocol. Maps enrolled pendants to button presses,
 * reports unknown transmitters, and supervises the gateway: ok while it answers PING (or sends
 * anything readable), degraded while it is silent or unreadable, unavailable while the port is gone.
 */
export class RflinkReceiver extends EventEmitter<RflinkReceiverEvents> {
  readonly health: HealthState;
  readonly #link: ReconnectingTransport;
  readonly #logger: Logger | undefined;
  readonly #debouncer: PressDebouncer;
  readonly #pendants: PendantMapping[];
  readonly #pingIntervalMs: number;
  readonly #pingTimeoutMs: number;
  readonly #now: () => number;
  #splitter = new RflinkLineSplitter();
  #running = false;
  #answering = false;
  #lastAnswerAt = Number.NEGATIVE_INFINITY;
  #lastUnreadableAt = Number.NEGATIVE_INFINITY;
  #pingTimer: NodeJS.Timeout | undefined;
  #pongTimer: NodeJS.Timeout | undefined;
  #version: string | undefined;

  constructor(options: RflinkReceiverOptions) {
    super();
    const name = options.name ?? "pendant";
    this.health = new HealthState(name);
    this.#logger = options.logger?.child({ device: name });
    this.#debouncer = new PressDebouncer(options.debounceMs ?? 1000);
    this.#pendants = options.pendants;
    this.#pingIntervalMs = options.pingIntervalMs ?? 10_000;
    this.#pingTimeoutMs = options.pingTimeoutMs ?? 2000;
    this.#now = options.now ?? Date.now;
    this.#link = new ReconnectingTransport(options.transport, { ...options.reconnect, logger: this.#logger });
    this.#link.on("up", this.#onUp);
    this.#link.on("down", this.#onDown);
    this.#link.on("data", this.#onData);
  }

  /** Firmware version the gateway reported (`VER=1.1;REV=48`), once it answered `10;VERSION;`. */
  get version(): string | undefined {
    return this.#version;
  }

  /** Starts opening the port; the receiver keeps trying in the background until `stop()`. */
  async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    this.health.set("unavailable", `opening ${this.#link.transport.description}`);
    this.#link.start();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#stopPinging();
    await this.#link.stop();
    this.#answering = false;
    this.health.set("unavailable", "stopped");
  }

  readonly #onUp = (): void => {
    this.#splitter = new RflinkLineSplitter();
    this.health.set("degraded", "port open, waiting for the receiver to answer");
    // An Arduino-based gateway reboots when its port is opened and drops these; its boot banner
    // then proves it alive instead.
    void this.#send("VERSION");
    this.#ping();
    this.#pingTimer = setInterval(() => this.#ping(), this.#pingIntervalMs);
  };

  readonly #onDown = (error: Error | undefined): void => {
    this.#stopPinging();
    if (this.#answering) this.#logger?.warn({ err: error?.message }, "pendant receiver gone");
    this.#answering = false;
    this.health.set("unavailable", `port unavailable: ${error?.message ?? "closed"}`);
  };

  readonly #onData = (chunk: Buffer): void => {
    this.#logger?.trace({ bytes: chunk.toString("hex") }, "rx");
    for (const line of this.#splitter.push(chunk)) this.#onLine(line);
  };

  #onLine(line: string): void {
    let message: RflinkMessage;
    try {
      message = parseRflinkLine(line);
    } catch (error) {
      this.#lastUnreadableAt = this.#now();
      this.#logger?.debug({ err: (error as Error).message }, "skipping malformed line");
      return;
    }
    this.#lastAnswerAt = this.#now();
    if (!this.#answering) {
      this.#answering = true;
      this.#logger?.info("pendant receiver answering");
    }
    this.health.set("ok");
    if (message.kind === "event") this.#onRadioEvent(message);
    else if (message.kind === "version") {
      this.#version = Object.entries(message.fields)
        .map(([key, value]) => `${key}=${value}`)
        .join(";");
    } else if (message.kind === "banner") this.#logger?.info({ banner: message.text }, "receiver started");
  }

  #onRadioEvent(event: RflinkEvent): void {
    const id = normalizeRflinkId(event.id);
    const key = event.switch === undefined ? undefined : normalizeRflinkSwitch(event.switch);
    if (!this.#debouncer.accept(`${event.protocol};${id};${key ?? ""};${event.cmd ?? ""}`, this.#now()))
      return;
    const pendant = this.#pendants.find(
      (candidate) =>
        normalizeRflinkId(candidate.id) === id &&
        (candidate.switch === undefined || normalizeRflinkSwitch(candidate.switch) === key) &&
        (candidate.protocol === undefined ||
          candidate.protocol.toUpperCase() === event.protocol.toUpperCase()),
    );
    const heard = { protocol: event.protocol, id, switch: key, cmd: event.cmd };
    if (!pendant) {
      this.#logger?.info(heard, "unknown transmitter");
      this.#emitSafely("unknown", heard);
      return;
    }
    this.#logger?.info({ button: pendant.button, id, switch: key }, "pendant press");
    this.#emitSafely("press", {
      button: pendant.button,
      owner: pendant.owner,
      pendantId: id,
      switch: key,
      protocol: event.protocol,
      cmd: event.cmd,
    });
  }

  #emitSafely<K extends keyof RflinkReceiverEvents>(event: K, ...args: RflinkReceiverEvents[K]): void {
    try {
      (this.emit as (event: K, ...args: RflinkReceiverEvents[K]) => boolean)(event, ...args);
    } catch (error) {
      this.#logger?.error({ err: (error as Error).message }, `${event} listener failed`);
    }
  }

  #ping(): void {
    const sentAt = this.#now();
    void this.#send("PING");
    clearTimeout(this.#pongTimer);
    this.#pongTimer = setTimeout(() => this.#checkAnswered(sentAt), this.#pingTimeoutMs);
  }

  #checkAnswered(sentAt: number): void {
    if (!this.#running || this.#lastAnswerAt >= sentAt) return;
    if (this.#answering) this.#logger?.warn("pendant receiver stopped answering");
    this.#answering = false;
    const reason =
      this.#lastUnreadableAt >= sentAt
        ? "receiver sends unreadable data (wrong baud rate?)"
        : `receiver silent: no answer to PING within ${this.#pingTimeoutMs} ms`;
    this.health.set("degraded", reason);
  }

  async #send(command: string): Promise<void> {
    try {
      await this.#link.write(Buffer.from(formatRflinkCommand(command), "latin1"));
    } catch (error) {
      // The link reports the lost port itself; a failed ping needs no second report.
      this.#logger?.debug({ err: (error as Error).message, command }, "write failed");
    }
  }

  #stopPinging(): void {
    clearInterval(this.#pingTimer);
    clearTimeout(this.#pongTimer);
    this.#pingTimer = undefined;
    this.#pongTimer = undefined;
  }
}
