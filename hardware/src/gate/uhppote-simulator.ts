import type { Socket } from "node:dgram";
import { EventEmitter } from "node:events";
import type { Logger } from "pino";
import { openUdpSocket } from "./udp-exchange";
import {
  type CardRecord,
  type ControllerStatus,
  DIRECTIONS,
  DOOR_MODES,
  type DoorControl,
  type DoorMode,
  decodeRequest,
  EVENT_TYPES,
  encodeReply,
  fromControllerDateTime,
  type GateEvent,
  type ListenerAddress,
  type TimeProfile,
  toControllerDate,
  toControllerDateTime,
  UHPPOTE_PORT,
  type UhppoteFunction,
  type UhppoteReplies,
  type UhppoteRequests,
} from "./uhppote-codec";

export interface UhppoteSimulatorOptions {
  serialNumber: number;
  /** Address to bind, default 127.0.0.1. */
  host?: string;
  /** Port to bind, default 60000; 0 picks a free one (tests). */
  port?: number;
  /** What discovery reports. */
  network?: Partial<{ address: string; netmask: string; gateway: string; macAddress: string }>;
  logger?: Logger;
}

export interface SwipeResult {
  granted: boolean;
  reason: number;
  event: GateEvent;
}

/** Reason codes the simulator produces (see EVENT_REASONS). */
const REASON = {
  swipe: 1,
  noAccess: 6,
  normallyClosed: 11,
  outsideTimeProfile: 15,
  denied: 18,
  pushButton: 20,
  doorOpened: 23,
  doorClosed: 24,
  pushButtonLocked: 31,
  forcedOpen: 38,
  remoteOpen: 44,
} as const;

type Handlers = { [K in UhppoteFunction]: (request: UhppoteRequests[K]) => UhppoteReplies[K] | undefined };

/**
 * A UHPPOTE-style controller on a real UDP socket: serial number, four doors, card store, event
 * log, clock and event listener, answering every function of the codec and pushing each new event to
 * the configured listener. Physical actions: `swipe`, `pressButton`, `forceOpen`, `closeDoor`.
 * Garbage, requests for other serial numbers and malformed requests are ignored, like a real one.
 */
export class UhppoteSimulator extends EventEmitter<{ event: [GateEvent] }> {
  readonly serialNumber: number;
  /** Set non-zero to simulate a controller fault (reported in the status). */
  systemError = 0;
  /** False simulates a controller that is off or unreachable: requests get no reply. */
  answering = true;
  /** Datagrams ignored as garbage or meant for another controller. */
  ignored = 0;
  readonly #options: UhppoteSimulatorOptions;
  readonly #logger: Logger | undefined;
  #socket: Socket | undefined;
  #cardSlots: Array<CardRecord | null> = [];
  readonly #profiles = new Map<number, TimeProfile>();
  readonly #events: GateEvent[] = [];
  #eventIndex = 0;
  #clockOffsetMs = 0;
  #listener: ListenerAddress = { address: "0.0.0.0", port: 0, interval: 0 };
  readonly #doors: DoorControl[] = [1, 2, 3, 4].map((door) => ({
    door,
    mode: DOOR_MODES.controlled,
    delaySeconds: 3,
  }));
  readonly #doorOpen = [false, false, false, false];
  readonly #buttonPressed = [false, false, false, false];
  readonly #unlockedUntil = [0, 0, 0, 0];
  readonly #timers = new Set<NodeJS.Timeout>();

  constructor(options: UhppoteSimulatorOptions) {
    super();
    this.serialNumber = options.serialNumber;
    this.#options = options;
    this.#logger = options.logger?.child({ simulator: "uhppote", serialNumber: options.serialNumber });
  }

  get address(): { host: string; port: number } | undefined {
    if (!this.#socket) return undefined;
    const bound = this.#socket.address();
    return { host: bound.address, port: bound.port };
  }

  async start(): Promise<{ host: string; port: number }> {
    if (!this.#socket) {
      const socket = await openUdpSocket(
        this.#options.host ?? "127.0.0.1",
        this.#options.port ?? UHPPOTE_PORT,
      );
      socket.on("message", (message, from) => this.#onMessage(message, from.address, from.port));
      socket.on("error", (error) => this.#logger?.warn({ err: error.message }, "simulator socket error"));
      this.#socket = socket;
    }
    return this.address!;
  }

  async stop(): Promise<void> {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    const socket = this.#socket;
    this.#socket = undefined;
    if (socket) await new Promise<void>((resolve) => socket.close(() => resolve()));
  }

  /** The controller clock, "YYYY-MM-DD HH:MM:SS". */
  now(): string {
    return toControllerDateTime(new Date(Date.now() + this.#clockOffsetMs));
  }

  /** Cards in store order. */
  get cards(): CardRecord[] {
    return this.#cardSlots.filter((card): card is CardRecord => card !== null);
  }

  get events(): readonly GateEvent[] {
    return this.#events;
  }

  /** Adds or replaces a card, as an installer would at the controller. */
  addCard(card: CardRecord): void {
    // Encoding it is the validation: the card must survive a get-card reply.
    encodeReply("getCardByNumber", this.serialNumber, { card });
    const at = this.#cardSlots.findIndex((slot) => slot?.cardNumber === card.cardNumber);
    if (at >= 0) this.#cardSlots[at] = card;
    else this.#cardSlots.push(card);
  }

  /** A card held to a door's reader: granted or denied by the card list, dates, profiles and door mode. */
  swipe(cardNumber: number, door: number, direction: number = DIRECTIONS.in): SwipeResult {
    checkDoor(door);
    const reason = this.#decide(cardNumber, door);
    const granted = reason === REASON.swipe;
    if (granted) this.#unlock(door);
    const event = this.#record({
      type: EVENT_TYPES.swipe,
      granted,
      door,
      direction,
      card: cardNumber,
      reason,
    });
    return { granted, reason, event };
  }

  /** The exit button beside a door: unlocks it unless the door is set normally closed. */
  pressButton(door: number): GateEvent {
    checkDoor(door);
    const locked = this.#doors[door - 1]?.mode === DOOR_MODES.normallyClosed;
    this.#buttonPressed[door - 1] = true;
    this.#later(500, () => {
      this.#buttonPressed[door - 1] = false;
    });
    if (!locked) this.#unlock(door);
    return this.#record({
      type: EVENT_TYPES.door,
      granted: !locked,
      door,
      direction: DIRECTIONS.in,
      card: 0,
      reason: locked ? REASON.pushButtonLocked : REASON.pushButton,
    });
  }

  /** The door is pushed open: an alarm unless its lock was released. */
  forceOpen(door: number): GateEvent {
    checkDoor(door);
    this.#doorOpen[door - 1] = true;
    const unlocked = this.#isUnlocked(door);
    return this.#record({
      type: unlocked ? EVENT_TYPES.door : EVENT_TYPES.alarm,
      granted: unlocked,
      door,
      direction: DIRECTIONS.in,
      card: 0,
      reason: unlocked ? REASON.doorOpened : REASON.forcedOpen,
    });
  }

  closeDoor(door: number): GateEvent {
    checkDoor(door);
    this.#doorOpen[door - 1] = false;
    return this.#record({
      type: EVENT_TYPES.door,
      granted: true,
      door,
      direction: DIRECTIONS.in,
      card: 0,
      reason: REASON.doorClosed,
    });
  }

  /** Current status, as get-status reports it. */
  status(): ControllerStatus {
    let relays = 0;
    for (let door = 1; door <= 4; door++) if (this.#isUnlocked(door)) relays |= 1 << (door - 1);
    return {
      event: this.#events.at(-1) ?? null,
      doorOpen: [...this.#doorOpen] as ControllerStatus["doorOpen"],
      buttonPressed: [...this.#buttonPressed] as ControllerStatus["buttonPressed"],
      systemError: this.systemError,
      time: this.now(),
      specialInfo: 0,
      relays,
      inputs: 0,
    };
  }

  #decide(cardNumber: number, door: number): number {
    const card = this.cards.find((candidate) => candidate.cardNumber === cardNumber);
    if (!card) return REASON.noAccess;
    const today = this.now().slice(0, 10);
    if (today < card.from || today > card.to) return REASON.denied;
    const access = card.doors[door - 1] ?? 0;
    if (access === 0) return REASON.noAccess;
    if (access >= 2 && !this.#profileAllows(access)) return REASON.outsideTimeProfile;
    if (this.#doors[door - 1]?.mode === DOOR_MODES.normallyClosed) return REASON.normallyClosed;
    return REASON.swipe;
  }

  #profileAllows(profileId: number): boolean {
    const clock = fromControllerDateTime(this.now());
    const today = toControllerDate(clock);
    const time = this.now().slice(11, 16);
    const weekday = (clock.getDay() + 6) % 7; // the controllers count from Monday
    const visited = new Set<number>();
    for (let id = profileId; id !== 0 && !visited.has(id); ) {
      visited.add(id);
      const profile = this.#profiles.get(id);
      if (!profile) return false;
      const inDates = today >= profile.from && today <= profile.to;
      const inSegment = profile.segments.some(
        (segment) => segment.start !== segment.end && time >= segment.start && time <= segment.end,
      );
      if (inDates && profile.weekdays[weekday] && inSegment) return true;
      id = profile.linkedProfileId;
    }
    return false;
  }

  #isUnlocked(door: number): boolean {
    const mode = this.#doors[door - 1]?.mode;
    if (mode === DOOR_MODES.normallyOpen) return true;
    if (mode === DOOR_MODES.normallyClosed) return false;
    return Date.now() < (this.#unlockedUntil[door - 1] ?? 0);
  }

  #unlock(door: number): void {
    const delayMs = (this.#doors[door - 1]?.delaySeconds ?? 3) * 1000;
    this.#unlockedUntil[door - 1] = Date.now() + delayMs;
  }

  #record(fields: Omit<GateEvent, "index" | "timestamp">): GateEvent {
    const event: GateEvent = { index: this.#events.length + 1, timestamp: this.now(), ...fields };
    this.#events.push(event);
    this.#push();
    this.emit("event", event);
    return event;
  }

  /** Sends the status with the new event to the configured listener, as the controllers do. */
  #push(): void {
    const { address, port } = this.#listener;
    if (!this.#socket || address === "0.0.0.0" || port === 0) return;
    const datagram = encodeReply("getStatus", this.serialNumber, this.status());
    this.#socket.send(datagram, port, address, (error) => {
      if (error) this.#logger?.debug({ err: error.message }, "event push failed");
    });
  }

  #later(ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      action();
    }, ms);
    timer.unref();
    this.#timers.add(timer);
  }

  #onMessage(message: Buffer, host: string, port: number): void {
    if (!this.answering) return;
    let decoded: ReturnType<typeof decodeRequest>;
    try {
      decoded = decodeRequest(message);
    } catch (error) {
      this.ignored++;
      this.#logger?.debug({ err: (error as Error).message }, "ignored datagram");
      return;
    }
    const forUs =
      decoded.serialNumber === this.serialNumber ||
      (decoded.kind === "discover" && decoded.serialNumber === 0);
    if (!forUs) {
      this.ignored++;
      return;
    }
    const handler = this.#handlers[decoded.kind] as (request: unknown) => unknown;
    try {
      const reply = handler(decoded.request);
      if (reply === undefined) return;
      const datagram = encodeReply(decoded.kind, this.serialNumber, reply as never, decoded.sequenceId);
      this.#socket?.send(datagram, port, host);
    } catch (error) {
      this.#logger?.warn({ err: (error as Error).message, kind: decoded.kind }, "request not answered");
    }
  }

  readonly #handlers: Handlers = {
    getStatus: () => this.status(),
    setTime: ({ time }) => {
      this.#clockOffsetMs = fromControllerDateTime(time).getTime() - Date.now();
      return { time: this.now() };
    },
    getTime: () => ({ time: this.now() }),
    openDoor: ({ door }) => {
      if (door < 1 || door > 4) return { opened: false };
      if (this.#doors[door - 1]?.mode === DOOR_MODES.normallyClosed) return { opened: false };
      this.#unlock(door);
      this.#record({
        type: EVENT_TYPES.door,
        granted: true,
        door,
        direction: DIRECTIONS.in,
        card: 0,
        reason: REASON.remoteOpen,
      });
      return { opened: true };
    },
    putCard: ({ card }) => {
      if (card.cardNumber === 0 || card.cardNumber === 0xffffffff) return { stored: false };
      this.addCard(card);
      return { stored: true };
    },
    deleteCard: ({ cardNumber }) => {
      const at = this.#cardSlots.findIndex((slot) => slot?.cardNumber === cardNumber);
      if (at < 0) return { deleted: false };
      this.#cardSlots[at] = null;
      return { deleted: true };
    },
    deleteAllCards: () => {
      this.#cardSlots = [];
      return { deleted: true };
    },
    getCardCount: () => ({ count: this.cards.length }),
    getCardByNumber: ({ cardNumber }) => ({
      card: this.cards.find((card) => card.cardNumber === cardNumber) ?? null,
    }),
    getCardByIndex: ({ index }) => {
      const slot = index >= 1 ? this.#cardSlots[index - 1] : undefined;
      return slot === null ? { card: null, deleted: true } : { card: slot ?? null, deleted: false };
    },
    setDoorControl: ({ door, mode, delaySeconds }) => {
      if (door < 1 || door > 4) return undefined;
      const control = { door, mode: mode as DoorMode, delaySeconds };
      this.#doors[door - 1] = control;
      return control;
    },
    getDoorControl: ({ door }) => (door >= 1 && door <= 4 ? this.#doors[door - 1] : undefined),
    setTimeProfile: ({ profile }) => {
      if (profile.id < 2 || profile.id > 254) return { stored: false };
      this.#profiles.set(profile.id, profile);
      return { stored: true };
    },
    getTimeProfile: ({ profileId }) => ({ profile: this.#profiles.get(profileId) ?? null }),
    setListener: ({ address, port, interval }) => {
      this.#listener = { address, port, interval: interval ?? 0 };
      return { ok: true };
    },
    getListener: () => this.#listener,
    discover: () => ({
      address: this.#options.network?.address ?? this.#reportedAddress(),
      netmask: this.#options.network?.netmask ?? "255.255.255.0",
      gateway: this.#options.network?.gateway ?? "0.0.0.0",
      macAddress: this.#options.network?.macAddress ?? "00:12:23:34:45:56",
      version: "v8.92",
      releaseDate: "2018-11-05",
    }),
    getEvent: ({ index }) => ({ event: this.#events[index - 1] ?? null }),
    setEventIndex: ({ index }) => {
      this.#eventIndex = index;
      return { updated: true };
    },
    getEventIndex: () => ({ index: this.#eventIndex }),
  };

  #reportedAddress(): string {
    const host = this.address?.host ?? "0.0.0.0";
    return host === "0.0.0.0" ? "192.168.1.100" : host;
  }
}

function checkDoor(door: number): void {
  if (!Number.isInteger(door) || door < 1 || door > 4) throw new RangeError(`door must be 1–4, got ${door}`);
}
