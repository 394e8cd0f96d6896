// WG / UHPPOTE access controller protocol: every request and reply is one 64-byte UDP datagram,
// little-endian, `17 FN 00 00 | serial u32 | data 8–39 | sequence id u32 at 40 | extension 44–63`.
// Dates and times are BCD. Pure functions only: the driver and the simulator share them.

export const UHPPOTE_PORT = 60000;
export const UHPPOTE_PACKET_SIZE = 64;
export const UHPPOTE_START_BYTE = 0x17;
/** Guards destructive requests (delete all cards, set event index). */
export const UHPPOTE_MAGIC = 0x55aaaa55;

export const FUNCTION_CODES = {
  getStatus: 0x20,
  setTime: 0x30,
  getTime: 0x32,
  openDoor: 0x40,
  putCard: 0x50,
  deleteCard: 0x52,
  deleteAllCards: 0x54,
  getCardCount: 0x58,
  getCardByNumber: 0x5a,
  getCardByIndex: 0x5c,
  setDoorControl: 0x80,
  getDoorControl: 0x82,
  setTimeProfile: 0x88,
  setListener: 0x90,
  getListener: 0x92,
  discover: 0x94,
  getTimeProfile: 0x98,
  getEvent: 0xb0,
  setEventIndex: 0xb2,
  getEventIndex: 0xb4,
} as const;

export type UhppoteFunction = keyof typeof FUNCTION_CODES;

const FUNCTION_NAMES = new Map<number, UhppoteFunction>(
  Object.entries(FUNCTION_CODES).map(([name, code]) => [code, name as UhppoteFunction]),
);

/** Door control modes (function 0x80/0x82). */
export const DOOR_MODES = { normallyOpen: 1, normallyClosed: 2, controlled: 3 } as const;
export type DoorMode = (typeof DOOR_MODES)[keyof typeof DOOR_MODES];

/** Event types of the status / event records. */
export const EVENT_TYPES = { swipe: 1, door: 2, alarm: 3 } as const;

/** Event reason codes used by the controllers (the subset this codebase produces or explains). */
export const EVENT_REASONS: Readonly<Record<number, string>> = {
  1: "card swiped",
  5: "denied: PC control",
  6: "denied: no access",
  7: "denied: wrong PIN",
  8: "denied: anti-passback",
  9: "denied: more cards required",
  10: "denied: first card open",
  11: "denied: door normally closed",
  12: "denied: interlock",
  13: "denied: limited times",
  15: "denied: outside time profile",
  18: "denied",
  20: "push button",
  23: "door opened",
  24: "door closed",
  25: "super password open door",
  28: "controller power on",
  29: "controller reset",
  31: "push button invalid: forced lock",
  32: "push button invalid: not online",
  33: "push button invalid: interlock",
  34: "threat",
  37: "open too long",
  38: "forced open",
  39: "fire",
  40: "forced close",
  41: "guard against theft",
  42: "24x7 zone",
  43: "emergency call",
  44: "remote open door",
  45: "remote open door (USB reader)",
};

export const DIRECTIONS = { in: 1, out: 2 } as const;

/** A card as stored in a controller. Dates are the controller's local calendar dates. */
export interface CardRecord {
  cardNumber: number;
  /** First valid day, "YYYY-MM-DD". */
  from: string;
  /** Last valid day, "YYYY-MM-DD". */
  to: string;
  /** Doors 1–4: 0 no access, 1 access at any time, 2–254 the id of a time profile. */
  doors: [number, number, number, number];
  /** Keypad PIN 0–999999, 0 for none. */
  pin: number;
}

export interface TimeSegment {
  /** "HH:MM" */
  start: string;
  /** "HH:MM" */
  end: string;
}

export interface TimeProfile {
  /** 2–254 */
  id: number;
  from: string;
  to: string;
  /** Monday first, as the controllers store them. */
  weekdays: [boolean, boolean, boolean, boolean, boolean, boolean, boolean];
  /** Up to three segments; "00:00"–"00:00" is an unused segment. */
  segments: [TimeSegment, TimeSegment, TimeSegment];
  /** Profile that also applies when this one does not, 0 for none. */
  linkedProfileId: number;
}

export interface GateEvent {
  index: number;
  /** 1 swipe, 2 door or button, 3 alarm (see EVENT_TYPES). */
  type: number;
  granted: boolean;
  door: number;
  /** 1 in, 2 out. */
  direction: number;
  card: number;
  /** "YYYY-MM-DD HH:MM:SS" controller local time, null when not set. */
  timestamp: string | null;
  reason: number;
}

export interface ControllerStatus {
  /** The last event, null when the log is empty. */
  event: GateEvent | null;
  doorOpen: [boolean, boolean, boolean, boolean];
  buttonPressed: [boolean, boolean, boolean, boolean];
  systemError: number;
  /** Controller clock "YYYY-MM-DD HH:MM:SS", null when not set. */
  time: string | null;
  specialInfo: number;
  /** Bit n set: door n+1 unlock relay energised. */
  relays: number;
  /** Bit set per alarm input. */
  inputs: number;
}

export interface DoorControl {
  door: number;
  mode: DoorMode;
  delaySeconds: number;
}

export interface ListenerAddress {
  /** IPv4 address events are pushed to, "0.0.0.0" when none. */
  address: string;
  port: number;
  /** Seconds between unsolicited status pushes, 0 for events only. */
  interval: number;
}

export interface ControllerInfo {
  address: string;
  netmask: string;
  gateway: string;
  macAddress: string;
  /** Firmware version, e.g. "v8.92". */
  version: string;
  /** Firmware release date, "YYYY-MM-DD". */
  releaseDate: string | null;
}

type Empty = Record<string, never>;

export interface UhppoteRequests {
  getStatus: Empty;
  setTime: { time: string };
  getTime: Empty;
  openDoor: { door: number };
  putCard: { card: CardRecord };
  deleteCard: { cardNumber: number };
  deleteAllCards: Empty;
  getCardCount: Empty;
  getCardByNumber: { cardNumber: number };
  getCardByIndex: { index: number };
  setDoorControl: DoorControl;
  getDoorControl: { door: number };
  setTimeProfile: { profile: TimeProfile };
  getTimeProfile: { profileId: number };
  setListener: { address: string; port: number; interval?: number };
  getListener: Empty;
  discover: Empty;
  getEvent: { index: number };
  setEventIndex: { index: number };
  getEventIndex: Empty;
}

export interface UhppoteReplies {
  getStatus: ControllerStatus;
  setTime: { time: string | null };
  getTime: { time: string | null };
  openDoor: { opened: boolean };
  putCard: { stored: boolean };
  deleteCard: { deleted: boolean };
  deleteAllCards: { deleted: boolean };
  getCardCount: { count: number };
  /** null: no such card. */
  getCardByNumber: { card: CardRecord | null };
  /** null: no card at this index; `deleted` when the slot holds a deleted card. */
  getCardByIndex: { card: CardRecord | null; deleted: boolean };
  setDoorControl: DoorControl;
  getDoorControl: DoorControl;
  setTimeProfile: { stored: boolean };
  getTimeProfile: { profile: TimeProfile | null };
  setListener: { ok: boolean };
  getListener: ListenerAddress;
  discover: ControllerInfo;
  /** null: no event at this index. */
  getEvent: { event: GateEvent | null };
  setEventIndex: { updated: boolean };
  getEventIndex: { index: number };
}

export type UhppoteFailure = "length" | "start-byte" | "function" | "serial" | "field";

/** A datagram that is not a valid packet of the expected kind; `reason` says which check failed. */
export class UhppoteFormatError extends Error {
  override name = "UhppoteFormatError";
  readonly reason: UhppoteFailure;
  constructor(reason: UhppoteFailure, message: string) {
    super(message);
    this.reason = reason;
  }
}

// ---------------------------------------------------------------------------------------------
// Field access

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const HHMM = /^(\d{2}):(\d{2})$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function fieldError(message: string): UhppoteFormatError {
  return new UhppoteFormatError("field", message);
}

class PacketWriter {
  readonly bytes = Buffer.alloc(UHPPOTE_PACKET_SIZE);

  u8(offset: number, value: number, what: string, min = 0, max = 0xff): void {
    if (!Number.isInteger(value) || value < min || value > max) {
      throw fieldError(`${what} must be an integer ${min}–${max}, got ${value}`);
    }
    this.bytes.writeUInt8(value, offset);
  }
  bool(offset: number, value: boolean): void {
    this.bytes.writeUInt8(value ? 1 : 0, offset);
  }
  u16(offset: number, value: number, what: string): void {
    if (!Number.isInteger(value) || value < 0 || value > 0xffff)
      throw fieldError(`${what} must be 0–65535, got ${value}`);
    this.bytes.writeUInt16LE(value, offset);
  }
  u32(offset: number, value: number, what: string): void {
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
      throw fieldError(`${what} must be an unsigned 32-bit integer, got ${value}`);
    }
    this.bytes.writeUInt32LE(value, offset);
  }
  bcd(offset: number, digits: string): void {
    for (let i = 0; i < digits.length; i += 2) {
      this.bytes[offset + i / 2] = (Number(digits[i]) << 4) | Number(digits[i + 1]);
    }
  }
  date(offset: number, value: string, what: string): void {
    if (!DATE.test(value) || !validDate(value))
      throw fieldError(`${what} must be a date YYYY-MM-DD, got ${value}`);
    this.bcd(offset, value.replaceAll("-", ""));
  }
  datetime(offset: number, value: string, what: string): void {
    if (!DATETIME.test(value) || !validDate(value.slice(0, 10)) || !validTime(value.slice(11))) {
      throw fieldError(`${what} must be YYYY-MM-DD HH:MM:SS, got ${value}`);
    }
    this.bcd(offset, value.replace(/[-: ]/g, ""));
  }
  hhmm(offset: number, value: string, what: string): void {
    if (!HHMM.test(value) || !validTime(`${value}:00`))
      throw fieldError(`${what} must be HH:MM, got ${value}`);
    this.bcd(offset, value.replace(":", ""));
  }
  ipv4(offset: number, value: string, what: string): void {
    const match = IPV4.exec(value);
    const parts = match?.slice(1).map(Number);
    if (!parts || parts.some((part) => part > 255))
      throw fieldError(`${what} must be an IPv4 address, got ${value}`);
    this.bytes.set(parts, offset);
  }
  pin(offset: number, value: number): void {
    if (!Number.isInteger(value) || value < 0 || value > 999999)
      throw fieldError(`PIN must be 0–999999, got ${value}`);
    this.bytes.writeUIntLE(value, offset, 3);
  }
}

class PacketReader {
  readonly bytes: Buffer;
  constructor(bytes: Buffer) {
    this.bytes = bytes;
  }
  u8(offset: number): number {
    return this.bytes.readUInt8(offset);
  }
  bool(offset: number): boolean {
    return this.bytes.readUInt8(offset) !== 0;
  }
  u16(offset: number): number {
    return this.bytes.readUInt16LE(offset);
  }
  u32(offset: number): number {
    return this.bytes.readUInt32LE(offset);
  }
  /** BCD digits, or undefined when every byte is zero (the controllers' "not set"). */
  bcd(offset: number, length: number): string | undefined {
    const slice = this.bytes.subarray(offset, offset + length);
    if (slice.every((byte) => byte === 0)) return undefined;
    let digits = "";
    for (const byte of slice) {
      const high = byte >> 4;
      const low = byte & 0x0f;
      if (high > 9 || low > 9) throw fieldError(`byte ${offset + digits.length / 2} is not BCD`);
      digits += `${high}${low}`;
    }
    return digits;
  }
  date(offset: number): string | null {
    const digits = this.bcd(offset, 4);
    if (digits === undefined) return null;
    const value = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
    if (!validDate(value)) throw fieldError(`invalid date ${value} at byte ${offset}`);
    return value;
  }
  datetime(offset: number): string | null {
    const digits = this.bcd(offset, 7);
    if (digits === undefined) return null;
    return checkedDateTime(
      `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)} ${digits.slice(8, 10)}:${digits.slice(10, 12)}:${digits.slice(12, 14)}`,
      offset,
    );
  }
  hhmm(offset: number): string {
    const digits = this.bcd(offset, 2) ?? "0000";
    const value = `${digits.slice(0, 2)}:${digits.slice(2, 4)}`;
    if (!validTime(`${value}:00`)) throw fieldError(`invalid time ${value} at byte ${offset}`);
    return value;
  }
  ipv4(offset: number): string {
    return [...this.bytes.subarray(offset, offset + 4)].join(".");
  }
  mac(offset: number): string {
    return [...this.bytes.subarray(offset, offset + 6)]
      .map((byte) => byte.toString(16).padStart(2, "0"))
      .join(":");
  }
  pin(offset: number): number {
    return this.bytes.readUIntLE(offset, 3);
  }
}

function validDate(value: string): boolean {
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function validTime(value: string): boolean {
  const [hour, minute, second] = value.split(":").map(Number) as [number, number, number];
  return hour <= 23 && minute <= 59 && second <= 59;
}

function checkedDateTime(value: string, offset: number): string {
  if (!validDate(value.slice(0, 10)) || !validTime(value.slice(11))) {
    throw fieldError(`invalid date-time ${value} at byte ${offset}`);
  }
  return value;
}

function magic(reader: PacketReader, offset: number): void {
  if (reader.u32(offset) !== UHPPOTE_MAGIC) throw fieldError(`missing magic word at byte ${offset}`);
}

function door(writer: PacketWriter, offset: number, value: number): void {
  writer.u8(offset, value, "door", 1, 4);
}

// ---------------------------------------------------------------------------------------------
// Record layouts shared by several functions

function writeEvent(writer: PacketWriter, event: GateEvent | null): void {
  if (!event) return;
  writer.u32(8, event.index, "event index");
  writer.u8(12, event.type, "event type");
  writer.bool(13, event.granted);
  writer.u8(14, event.door, "event door");
  writer.u8(15, event.direction, "event direction");
  writer.u32(16, event.card, "event card");
  if (event.timestamp !== null) writer.datetime(20, event.timestamp, "event timestamp");
  writer.u8(27, event.reason, "event reason");
}

function readEvent(reader: PacketReader): GateEvent | null {
  const index = reader.u32(8);
  if (index === 0) return null;
  return {
    index,
    type: reader.u8(12),
    granted: reader.bool(13),
    door: reader.u8(14),
    direction: reader.u8(15),
    card: reader.u32(16),
    timestamp: reader.datetime(20),
    reason: reader.u8(27),
  };
}

function writeCard(writer: PacketWriter, card: CardRecord): void {
  writer.u32(8, card.cardNumber, "card number");
  writer.date(12, card.from, "card valid-from date");
  writer.date(16, card.to, "card valid-to date");
  card.doors.forEach((access, i) => {
    writer.u8(20 + i, access, `door ${i + 1} access`);
  });
  writer.pin(24, card.pin);
}

function readCard(reader: PacketReader): CardRecord {
  const from = reader.date(12);
  const to = reader.date(16);
  if (from === null || to === null) throw fieldError("card without validity dates");
  return {
    cardNumber: reader.u32(8),
    from,
    to,
    doors: [reader.u8(20), reader.u8(21), reader.u8(22), reader.u8(23)],
    pin: reader.pin(24),
  };
}

const DELETED_CARD = 0xffffffff;

function writeDoorControl(writer: PacketWriter, control: DoorControl): void {
  door(writer, 8, control.door);
  writer.u8(9, control.mode, "door mode", 1, 3);
  writer.u8(10, control.delaySeconds, "door open delay");
}

function readDoorControl(reader: PacketReader): DoorControl {
  const mode = reader.u8(9);
  if (mode < 1 || mode > 3) throw fieldError(`door mode ${mode} is not 1–3`);
  return { door: reader.u8(8), mode: mode as DoorMode, delaySeconds: reader.u8(10) };
}

function writeProfile(writer: PacketWriter, profile: TimeProfile): void {
  writer.u8(8, profile.id, "time profile id", 2, 254);
  writer.date(9, profile.from, "time profile valid-from date");
  writer.date(13, profile.to, "time profile valid-to date");
  profile.weekdays.forEach((on, i) => {
    writer.bool(17 + i, on);
  });
  profile.segments.forEach((segment, i) => {
    writer.hhmm(24 + i * 4, segment.start, `segment ${i + 1} start`);
    writer.hhmm(26 + i * 4, segment.end, `segment ${i + 1} end`);
  });
  writer.u8(36, profile.linkedProfileId, "linked time profile id");
}

function readProfile(reader: PacketReader): TimeProfile | null {
  const id = reader.u8(8);
  if (id === 0) return null;
  const from = reader.date(9);
  const to = reader.date(13);
  if (from === null || to === null) throw fieldError("time profile without validity dates");
  const weekdays = [17, 18, 19, 20, 21, 22, 23].map((offset) =>
    reader.bool(offset),
  ) as TimeProfile["weekdays"];
  const segments = [0, 1, 2].map((i) => ({
    start: reader.hhmm(24 + i * 4),
    end: reader.hhmm(26 + i * 4),
  })) as TimeProfile["segments"];
  return { id, from, to, weekdays, segments, linkedProfileId: reader.u8(36) };
}

function writeStatus(writer: PacketWriter, status: ControllerStatus): void {
  writeEvent(writer, status.event);
  status.doorOpen.forEach((open, i) => {
    writer.bool(28 + i, open);
  });
  status.buttonPressed.forEach((pressed, i) => {
    writer.bool(32 + i, pressed);
  });
  writer.u8(36, status.systemError, "system error");
  if (status.time !== null) {
    if (!DATETIME.test(status.time) || !status.time.startsWith("20")) {
      throw fieldError(`status time must be YYYY-MM-DD HH:MM:SS in 2000–2099, got ${status.time}`);
    }
    const digits = status.time.replace(/[-: ]/g, "");
    // The clock is split: time of day at 37–39, date as yymmdd at 51–53.
    writer.bcd(37, digits.slice(8, 14));
    writer.bcd(51, digits.slice(2, 8));
  }
  writer.u8(48, status.specialInfo, "special info");
  writer.u8(49, status.relays, "relays");
  writer.u8(50, status.inputs, "inputs");
}

function readStatus(reader: PacketReader): ControllerStatus {
  const date = reader.bcd(51, 3);
  // Midnight is 00 00 00: only the date says whether the clock is set.
  const time = reader.bcd(37, 3) ?? "000000";
  return {
    event: readEvent(reader),
    doorOpen: [reader.bool(28), reader.bool(29), reader.bool(30), reader.bool(31)],
    buttonPressed: [reader.bool(32), reader.bool(33), reader.bool(34), reader.bool(35)],
    systemError: reader.u8(36),
    time:
      date === undefined
        ? null
        : checkedDateTime(
            `20${date.slice(0, 2)}-${date.slice(2, 4)}-${date.slice(4, 6)} ${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}`,
            37,
          ),
    specialInfo: reader.u8(48),
    relays: reader.u8(49),
    inputs: reader.u8(50),
  };
}

function writeOptionalTime(writer: PacketWriter, time: string | null): void {
  if (time !== null) writer.datetime(8, time, "time");
}

// ---------------------------------------------------------------------------------------------
// Per-function layouts

interface FunctionCodec<K extends UhppoteFunction> {
  writeRequest(writer: PacketWriter, request: UhppoteRequests[K]): void;
  readRequest(reader: PacketReader): UhppoteRequests[K];
  writeReply(writer: PacketWriter, reply: UhppoteReplies[K]): void;
  readReply(reader: PacketReader): UhppoteReplies[K];
}

const nothing = {
  writeRequest: () => {},
  readRequest: () => ({}) as Empty,
};

const CODECS: { [K in UhppoteFunction]: FunctionCodec<K> } = {
  getStatus: { ...nothing, writeReply: writeStatus, readReply: readStatus },
  setTime: {
    writeRequest: (w, request) => w.datetime(8, request.time, "time"),
    readRequest: (r) => {
      const time = r.datetime(8);
      if (time === null) throw fieldError("set time without a time");
      return { time };
    },
    writeReply: (w, reply) => writeOptionalTime(w, reply.time),
    readReply: (r) => ({ time: r.datetime(8) }),
  },
  getTime: {
    ...nothing,
    writeReply: (w, reply) => writeOptionalTime(w, reply.time),
    readReply: (r) => ({ time: r.datetime(8) }),
  },
  openDoor: {
    writeRequest: (w, request) => door(w, 8, request.door),
    readRequest: (r) => ({ door: r.u8(8) }),
    writeReply: (w, reply) => w.bool(8, reply.opened),
    readReply: (r) => ({ opened: r.bool(8) }),
  },
  putCard: {
    writeRequest: (w, request) => writeCard(w, request.card),
    readRequest: (r) => ({ card: readCard(r) }),
    writeReply: (w, reply) => w.bool(8, reply.stored),
    readReply: (r) => ({ stored: r.bool(8) }),
  },
  deleteCard: {
    writeRequest: (w, request) => w.u32(8, request.cardNumber, "card number"),
    readRequest: (r) => ({ cardNumber: r.u32(8) }),
    writeReply: (w, reply) => w.bool(8, reply.deleted),
    readReply: (r) => ({ deleted: r.bool(8) }),
  },
  deleteAllCards: {
    writeRequest: (w) => w.u32(8, UHPPOTE_MAGIC, "magic"),
    readRequest: (r) => {
      magic(r, 8);
      return {};
    },
    writeReply: (w, reply) => w.bool(8, reply.deleted),
    readReply: (r) => ({ deleted: r.bool(8) }),
  },
  getCardCount: {
    ...nothing,
    writeReply: (w, reply) => w.u32(8, reply.count, "card count"),
    readReply: (r) => ({ count: r.u32(8) }),
  },
  getCardByNumber: {
    writeRequest: (w, request) => w.u32(8, request.cardNumber, "card number"),
    readRequest: (r) => ({ cardNumber: r.u32(8) }),
    writeReply: (w, reply) => {
      if (reply.card) writeCard(w, reply.card);
    },
    readReply: (r) => ({ card: r.u32(8) === 0 ? null : readCard(r) }),
  },
  getCardByIndex: {
    writeRequest: (w, request) => w.u32(8, request.index, "card index"),
    readRequest: (r) => ({ index: r.u32(8) }),
    writeReply: (w, reply) => {
      if (reply.deleted) w.u32(8, DELETED_CARD, "card number");
      else if (reply.card) writeCard(w, reply.card);
    },
    readReply: (r) => {
      const number = r.u32(8);
      if (number === DELETED_CARD) return { card: null, deleted: true };
      return { card: number === 0 ? null : readCard(r), deleted: false };
    },
  },
  setDoorControl: {
    writeRequest: writeDoorControl,
    readRequest: readDoorControl,
    writeReply: writeDoorControl,
    readReply: readDoorControl,
  },
  getDoorControl: {
    writeRequest: (w, request) => door(w, 8, request.door),
    readRequest: (r) => ({ door: r.u8(8) }),
    writeReply: writeDoorControl,
    readReply: readDoorControl,
  },
  setTimeProfile: {
    writeRequest: (w, request) => writeProfile(w, request.profile),
    readRequest: (r) => {
      const profile = readProfile(r);
      if (!profile) throw fieldError("time profile id 0");
      return { profile };
    },
    writeReply: (w, reply) => w.bool(8, reply.stored),
    readReply: (r) => ({ stored: r.bool(8) }),
  },
  getTimeProfile: {
    writeRequest: (w, request) => w.u8(8, request.profileId, "time profile id", 2, 254),
    readRequest: (r) => ({ profileId: r.u8(8) }),
    writeReply: (w, reply) => {
      if (reply.profile) writeProfile(w, reply.profile);
    },
    readReply: (r) => ({ profile: readProfile(r) }),
  },
  setListener: {
    writeRequest: (w, request) => {
      w.ipv4(8, request.address, "listener address");
      w.u16(12, request.port, "listener port");
      w.u8(14, request.interval ?? 0, "status interval");
    },
    readRequest: (r) => ({ address: r.ipv4(8), port: r.u16(12), interval: r.u8(14) }),
    writeReply: (w, reply) => w.bool(8, reply.ok),
    readReply: (r) => ({ ok: r.bool(8) }),
  },
  getListener: {
    ...nothing,
    writeReply: (w, reply) => {
      w.ipv4(8, reply.address, "listener address");
      w.u16(12, reply.port, "listener port");
      w.u8(14, reply.interval, "status interval");
    },
    readReply: (r) => ({ address: r.ipv4(8), port: r.u16(12), interval: r.u8(14) }),
  },
  discover: {
    ...nothing,
    writeReply: (w, reply) => {
      w.ipv4(8, reply.address, "address");
      w.ipv4(12, reply.netmask, "netmask");
      w.ipv4(16, reply.gateway, "gateway");
      const mac = reply.macAddress.split(":").map((part) => Number.parseInt(part, 16));
      if (mac.length !== 6 || mac.some((part) => !(part >= 0 && part <= 255))) {
        throw fieldError(`MAC address must be six hex bytes, got ${reply.macAddress}`);
      }
      w.bytes.set(mac, 20);
      const version = /^v(\d{1,2})\.(\d{2})$/.exec(reply.version);
      if (!version) throw fieldError(`version must look like v8.92, got ${reply.version}`);
      w.bcd(26, `${version[1]?.padStart(2, "0")}${version[2]}`);
      if (reply.releaseDate !== null) w.date(28, reply.releaseDate, "release date");
    },
    readReply: (r) => {
      const version = r.bcd(26, 2) ?? "0000";
      return {
        address: r.ipv4(8),
        netmask: r.ipv4(12),
        gateway: r.ipv4(16),
        macAddress: r.mac(20),
        version: `v${Number(version.slice(0, 2))}.${version.slice(2)}`,
        releaseDate: r.date(28),
      };
    },
  },
  getEvent: {
    writeRequest: (w, request) => w.u32(8, request.index, "event index"),
    readRequest: (r) => ({ index: r.u32(8) }),
    writeReply: (w, reply) => writeEvent(w, reply.event),
    readReply: (r) => ({ event: readEvent(r) }),
  },
  setEventIndex: {
    writeRequest: (w, request) => {
      w.u32(8, request.index, "event index");
      w.u32(12, UHPPOTE_MAGIC, "magic");
    },
    readRequest: (r) => {
      magic(r, 12);
      return { index: r.u32(8) };
    },
    writeReply: (w, reply) => w.bool(8, reply.updated),
    readReply: (r) => ({ updated: r.bool(8) }),
  },
  getEventIndex: {
    ...nothing,
    writeReply: (w, reply) => w.u32(8, reply.index, "event index"),
    readReply: (r) => ({ index: r.u32(8) }),
  },
};

// ---------------------------------------------------------------------------------------------
// Packets

export interface PacketHeader {
  functionCode: number;
  serialNumber: number;
  sequenceId: number;
}

/** Checks length and start byte and reads the header; throws UhppoteFormatError. */
export function readHeader(packet: Uint8Array): PacketHeader {
  if (packet.length !== UHPPOTE_PACKET_SIZE) {
    throw new UhppoteFormatError(
      "length",
      `packet of ${packet.length} bytes, expected ${UHPPOTE_PACKET_SIZE}`,
    );
  }
  const bytes = Buffer.from(packet.buffer, packet.byteOffset, packet.length);
  if (bytes[0] !== UHPPOTE_START_BYTE) {
    throw new UhppoteFormatError("start-byte", `start byte 0x${bytes[0]?.toString(16)}, expected 0x17`);
  }
  return {
    functionCode: bytes.readUInt8(1),
    serialNumber: bytes.readUInt32LE(4),
    sequenceId: bytes.readUInt32LE(40),
  };
}

function encode<K extends UhppoteFunction>(
  kind: K,
  serialNumber: number,
  sequenceId: number,
  fill: (writer: PacketWriter) => void,
): Buffer {
  const writer = new PacketWriter();
  writer.bytes[0] = UHPPOTE_START_BYTE;
  writer.bytes[1] = FUNCTION_CODES[kind];
  writer.u32(4, serialNumber, "serial number");
  fill(writer);
  writer.u32(40, sequenceId, "sequence id");
  return writer.bytes;
}

/** A request datagram. Throws UhppoteFormatError("field") for out-of-range values. */
export function encodeRequest<K extends UhppoteFunction>(
  kind: K,
  serialNumber: number,
  request: UhppoteRequests[K],
  sequenceId = 0,
): Buffer {
  return encode(kind, serialNumber, sequenceId, (writer) => CODECS[kind].writeRequest(writer, request));
}

/** A reply datagram (the simulator's side). */
export function encodeReply<K extends UhppoteFunction>(
  kind: K,
  serialNumber: number,
  reply: UhppoteReplies[K],
  sequenceId = 0,
): Buffer {
  return encode(kind, serialNumber, sequenceId, (writer) => CODECS[kind].writeReply(writer, reply));
}

export type DecodedRequest = {
  [K in UhppoteFunction]: { kind: K; serialNumber: number; sequenceId: number; request: UhppoteRequests[K] };
}[UhppoteFunction];

/** Decodes a request (the simulator's side); throws UhppoteFormatError for anything invalid. */
export function decodeRequest(packet: Uint8Array): DecodedRequest {
  const header = readHeader(packet);
  const kind = FUNCTION_NAMES.get(header.functionCode);
  if (!kind)
    throw new UhppoteFormatError("function", `unknown function code 0x${header.functionCode.toString(16)}`);
  const reader = new PacketReader(Buffer.from(packet));
  const request = CODECS[kind].readRequest(reader);
  return {
    kind,
    serialNumber: header.serialNumber,
    sequenceId: header.sequenceId,
    request,
  } as DecodedRequest;
}

export interface DecodedReply<K extends UhppoteFunction> {
  serialNumber: number;
  sequenceId: number;
  reply: UhppoteReplies[K];
}

/**
 * Decodes a reply to a `kind` request, checking length, start byte, function code and — unless it
 * is undefined, as for discovery — the serial number. Throws UhppoteFormatError naming the check.
 */
export function decodeReply<K extends UhppoteFunction>(
  kind: K,
  packet: Uint8Array,
  expectedSerialNumber?: number,
): DecodedReply<K> {
  const header = readHeader(packet);
  if (header.functionCode !== FUNCTION_CODES[kind]) {
    throw new UhppoteFormatError(
      "function",
      `reply function 0x${header.functionCode.toString(16)}, expected 0x${FUNCTION_CODES[kind].toString(16)}`,
    );
  }
  if (expectedSerialNumber !== undefined && header.serialNumber !== expectedSerialNumber) {
    throw new UhppoteFormatError(
      "serial",
      `reply from controller ${header.serialNumber}, expected ${expectedSerialNumber}`,
    );
  }
  const reply = CODECS[kind].readReply(new PacketReader(Buffer.from(packet)));
  return { serialNumber: header.serialNumber, sequenceId: header.sequenceId, reply };
}

// ---------------------------------------------------------------------------------------------
// Clock helpers: controllers keep local wall-clock time without a zone.

const pad = (value: number) => String(value).padStart(2, "0");

/** "YYYY-MM-DD HH:MM:SS" of a Date in this machine's local time. */
export function toControllerDateTime(date: Date): string {
  return `${toControllerDate(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** "YYYY-MM-DD" of a Date in this machine's local time. */
export function toControllerDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local-time Date of a controller "YYYY-MM-DD HH:MM:SS". */
export function fromControllerDateTime(value: string): Date {
  const match = DATETIME.exec(value);
  if (!match) throw new RangeError(`not a controller date-time: ${value}`);
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as number[];
  return new Date(year ?? 0, (month ?? 1) - 1, day, hour, minute, second);
}
