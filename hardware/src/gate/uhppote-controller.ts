import { EventEmitter } from "node:events";
import type { Logger } from "pino";
import { HealthState } from "../health";
import { exchange, UhppoteTimeoutError } from "./udp-exchange";
import {
  type CardRecord,
  type ControllerStatus,
  type DoorControl,
  type DoorMode,
  encodeRequest,
  fromControllerDateTime,
  type GateEvent,
  type ListenerAddress,
  type TimeProfile,
  toControllerDateTime,
  UHPPOTE_PORT,
  type UhppoteFunction,
  type UhppoteReplies,
  type UhppoteRequests,
} from "./uhppote-codec";
import { type GateEventNotice, UhppoteEventListener } from "./uhppote-event-listener";

export interface UhppoteControllerOptions {
  /** Controller address (or a broadcast address on its subnet). */
  host: string;
  port?: number;
  serialNumber: number;
  /** Device name in health reports and logs, default "gate-<serial>". */
  name?: string;
  /** Wait per attempt, default 1000 ms. */
  timeoutMs?: number;
  /** Resends after a timeout, default 2. */
  retries?: number;
  /** Bind an event listener here and point the controller at it. */
  listen?: { host: string; port: number };
  /** Status poll for health, default 10 s. */
  healthIntervalMs?: number;
  /** A controller clock further off than this is degraded, default 5 minutes. */
  maxClockDriftMs?: number;
  /** Local address requests are sent from, default any. */
  bindAddress?: string;
  logger?: Logger;
}

/**
 * A WG/UHPPOTE access controller on UDP 60000: request/reply with per-request timeout and retries,
 * the domain API (doors, cards, events, clock, listener), an optional listener for pushed events,
 * and health from a periodic status poll — unavailable while it does not answer, degraded while it
 * answers with a system error, an unset or drifting clock, or without our event listener.
 */
export class UhppoteController extends EventEmitter<{ event: [GateEventNotice] }> {
  readonly health: HealthState;
  readonly serialNumber: number;
  readonly #host: string;
  readonly #port: number;
  readonly #timeoutMs: number;
  readonly #retries: number;
  readonly #healthIntervalMs: number;
  readonly #maxClockDriftMs: number;
  readonly #bindAddress: string | undefined;
  readonly #logger: Logger | undefined;
  readonly #listener: UhppoteEventListener | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #sequenceId = 0;
  #running = false;
  #answering = false;
  #checking: Promise<void> | undefined;
  #healthTimer: NodeJS.Timeout | undefined;
  #listenerConfigured = false;

  constructor(options: UhppoteControllerOptions) {
    super();
    this.serialNumber = options.serialNumber;
    const name = options.name ?? `gate-${options.serialNumber}`;
    this.health = new HealthState(name);
    this.#host = options.host;
    this.#port = options.port ?? UHPPOTE_PORT;
    this.#timeoutMs = options.timeoutMs ?? 1000;
    this.#retries = options.retries ?? 2;
    this.#healthIntervalMs = options.healthIntervalMs ?? 10_000;
    this.#maxClockDriftMs = options.maxClockDriftMs ?? 5 * 60_000;
    this.#bindAddress = options.bindAddress;
    this.#logger = options.logger?.child({ device: name });
    if (options.listen) {
      this.#listener = new UhppoteEventListener({
        ...options.listen,
        serialNumbers: [options.serialNumber],
        logger: this.#logger,
      });
      this.#listener.on("event", (notice) => this.emit("event", notice));
    }
  }

  /** Where pushed events are received, once started with a `listen` address. */
  get listenerAddress(): { host: string; port: number } | undefined {
    return this.#listener?.address;
  }

  /** Binds the event listener (rejects if it cannot) and starts the health poll. */
  async start(): Promise<void> {
    if (this.#running) return;
    await this.#listener?.start();
    this.#running = true;
    this.health.set("unavailable", "checking");
    void this.checkHealth();
    this.#healthTimer = setInterval(() => void this.checkHealth(), this.#healthIntervalMs);
  }

  async stop(): Promise<void> {
    this.#running = false;
    clearInterval(this.#healthTimer);
    await this.#checking;
    await this.#listener?.stop();
    this.health.set("unavailable", "stopped");
  }

  /** Polls the status once and updates health; resolves when done (never rejects). */
  checkHealth(): Promise<void> {
    this.#checking ??= this.#checkHealth().finally(() => {
      this.#checking = undefined;
    });
    return this.#checking;
  }

  async #checkHealth(): Promise<void> {
    let status: ControllerStatus;
    try {
      status = await this.getStatus();
    } catch {
      return; // #request has reported it.
    }
    const problems: string[] = [];
    if (status.systemError !== 0) problems.push(`controller reports system error ${status.systemError}`);
    if (status.time === null) problems.push("controller clock is not set");
    else {
      const driftMs = fromControllerDateTime(status.time).getTime() - Date.now();
      if (Math.abs(driftMs) > this.#maxClockDriftMs) {
        problems.push(`controller clock is off by ${Math.round(driftMs / 1000)} s`);
      }
    }
    const listenerProblem = await this.#ensureListener();
    if (listenerProblem) problems.push(listenerProblem);
    if (problems.length > 0) this.health.set("degraded", problems.join("; "));
    else this.health.set("ok");
  }

  /** Points the controller at our listener unless it already is; returns a problem, if any. */
  async #ensureListener(): Promise<string | undefined> {
    const bound = this.#listener?.address;
    if (!bound || this.#listenerConfigured) return undefined;
    if (bound.host === "0.0.0.0") {
      // The controller needs a concrete address to push to; we cannot choose one for it.
      this.#listenerConfigured = true;
      this.#logger?.info(bound, "listening on all interfaces: set the controller's event listener yourself");
      return undefined;
    }
    try {
      const current = await this.getListener();
      if (current.address !== bound.host || current.port !== bound.port) {
        const { ok } = await this.setListener(bound.host, bound.port);
        if (!ok) return "controller refused our event listener address";
      }
      this.#listenerConfigured = true;
      return undefined;
    } catch (error) {
      return `could not set the event listener: ${(error as Error).message}`;
    }
  }

  /** Sends any request and resolves with the decoded reply; rejects with UhppoteTimeoutError. */
  request<K extends UhppoteFunction>(kind: K, request: UhppoteRequests[K]): Promise<UhppoteReplies[K]> {
    // One request at a time: these controllers are small and answer in order.
    const result = this.#queue.then(() => this.#request(kind, request));
    this.#queue = result.catch(() => {});
    return result;
  }

  async #request<K extends UhppoteFunction>(
    kind: K,
    request: UhppoteRequests[K],
  ): Promise<UhppoteReplies[K]> {
    this.#sequenceId = (this.#sequenceId + 1) >>> 0 || 1;
    const sequenceId = this.#sequenceId;
    const packet = encodeRequest(kind, this.serialNumber, request, sequenceId);
    this.#logger?.trace({ kind, bytes: packet.toString("hex") }, "request");
    try {
      const { reply } = await exchange(kind, packet, sequenceId, {
        host: this.#host,
        port: this.#port,
        serialNumber: this.serialNumber,
        timeoutMs: this.#timeoutMs,
        retries: this.#retries,
        bindAddress: this.#bindAddress,
        logger: this.#logger,
      });
      if (!this.#answering) {
        this.#answering = true;
        this.#logger?.info({ host: this.#host, port: this.#port }, "controller answering");
        // A controller that was away may have been reset: check it and its listener again.
        this.#listenerConfigured = false;
        if (this.#running && kind !== "getStatus") void this.checkHealth();
      }
      return reply;
    } catch (error) {
      if (error instanceof UhppoteTimeoutError) {
        if (this.#answering)
          this.#logger?.warn({ host: this.#host, port: this.#port }, "controller not answering");
        this.#answering = false;
        this.health.set("unavailable", `no reply from controller at ${this.#host}:${this.#port}`);
      }
      throw error;
    }
  }

  getStatus(): Promise<ControllerStatus> {
    return this.request("getStatus", {});
  }

  async getTime(): Promise<string | null> {
    return (await this.request("getTime", {})).time;
  }

  /** Sets the controller clock, by default to this machine's local time; resolves with the new time. */
  async setTime(time: string | Date = new Date()): Promise<string | null> {
    const value = typeof time === "string" ? time : toControllerDateTime(time);
    return (await this.request("setTime", { time: value })).time;
  }

  /** Unlocks a door (1–4) for its configured delay; resolves true when the controller did. */
  async openDoor(door: number): Promise<boolean> {
    return (await this.request("openDoor", { door })).opened;
  }

  getDoorControl(door: number): Promise<DoorControl> {
    return this.request("getDoorControl", { door });
  }

  setDoorControl(door: number, mode: DoorMode, delaySeconds: number): Promise<DoorControl> {
    return this.request("setDoorControl", { door, mode, delaySeconds });
  }

  /** Adds or replaces a card. */
  async putCard(card: CardRecord): Promise<boolean> {
    return (await this.request("putCard", { card })).stored;
  }

  async deleteCard(cardNumber: number): Promise<boolean> {
    return (await this.request("deleteCard", { cardNumber })).deleted;
  }

  async deleteAllCards(): Promise<boolean> {
    return (await this.request("deleteAllCards", {})).deleted;
  }

  async getCardCount(): Promise<number> {
    return (await this.request("getCardCount", {})).count;
  }

  /** The card, or null when the controller does not have it. */
  async getCardByNumber(cardNumber: number): Promise<CardRecord | null> {
    return (await this.request("getCardByNumber", { cardNumber })).card;
  }

  /** The card at a 1-based index of the card store; `deleted` marks a slot freed by a deletion. */
  getCardByIndex(index: number): Promise<UhppoteReplies["getCardByIndex"]> {
    return this.request("getCardByIndex", { index });
  }

  /** The event at an index of the log, or null when there is none. */
  async getEvent(index: number): Promise<GateEvent | null> {
    return (await this.request("getEvent", { index })).event;
  }

  /** The index of the last event an operator marked as retrieved. */
  async getEventIndex(): Promise<number> {
    return (await this.request("getEventIndex", {})).index;
  }

  async setEventIndex(index: number): Promise<boolean> {
    return (await this.request("setEventIndex", { index })).updated;
  }

  getListener(): Promise<ListenerAddress> {
    return this.request("getListener", {});
  }

  setListener(address: string, port: number, interval = 0): Promise<{ ok: boolean }> {
    return this.request("setListener", { address, port, interval });
  }

  async getTimeProfile(profileId: number): Promise<TimeProfile | null> {
    return (await this.request("getTimeProfile", { profileId })).profile;
  }

  async setTimeProfile(profile: TimeProfile): Promise<boolean> {
    return (await this.request("setTimeProfile", { profile })).stored;
  }
}
