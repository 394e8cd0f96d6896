// RFLink serial line protocol (57600 8N1). The gateway sends `20;SEQ;NAME;KEY=VALUE;...;` lines, SEQ
// being a two-digit hex counter; the host sends `10;COMMAND;` lines. Pure functions only.

/** Baud rate of RFLink gateways (Arduino Mega firmware and its ESP ports). */
export const RFLINK_BAUD_RATE = 57600;

/** Lines longer than this are not RFLink: they are noise or a wrong baud rate. */
export const RFLINK_MAX_LINE_LENGTH = 256;

export type RflinkMessage =
  | { kind: "banner"; sequence: number; text: string }
  | { kind: "pong"; sequence: number }
  | { kind: "ok"; sequence: number }
  | { kind: "command-unknown"; sequence: number }
  | { kind: "version"; sequence: number; fields: Record<string, string> }
  | { kind: "debug"; sequence: number; text: string }
  /** Any other reply to a command, e.g. `20;05;RFDEBUG=ON;`. */
  | { kind: "reply"; sequence: number; text: string }
  | RflinkEvent;

/** A decoded radio packet, e.g. `20;45;EV1527;ID=295FD59;SWITCH=3;CMD=ON;`. */
export interface RflinkEvent {
  kind: "event";
  sequence: number;
  /** RFLink protocol name, e.g. "EV1527", "NewKaku". */
  protocol: string;
  /** Device id in upper-case hex as sent (leading zeros kept). */
  id: string;
  switch?: string;
  cmd?: string;
  /** Every KEY=VALUE field of the line, ID/SWITCH/CMD included. */
  fields: Record<string, string>;
}

export class RflinkLineError extends Error {
  override name = "RflinkLineError";
  readonly line: string;
  constructor(message: string, line: string) {
    super(`${message}: ${JSON.stringify(line.length > 80 ? `${line.slice(0, 80)}…` : line)}`);
    this.line = line;
  }
}

const PRINTABLE = /^[\x20-\x7e]*$/;
const FIELD_KEY = /^[A-Za-z0-9_()]+$/;
const HEX_ID = /^[0-9A-Fa-f]{1,8}$/;
const SWITCH_VALUE = /^[0-9A-Za-z]{1,4}$/;

/** Parses one line from the gateway (without its line ending); throws RflinkLineError if malformed. */
export function parseRflinkLine(line: string): RflinkMessage {
  if (line.length > RFLINK_MAX_LINE_LENGTH) throw new RflinkLineError("line too long", line);
  if (!PRINTABLE.test(line)) throw new RflinkLineError("non-printable characters in line", line);
  if (!line.startsWith("20;")) throw new RflinkLineError("not a gateway line (must start with 20;)", line);
  if (!line.endsWith(";")) throw new RflinkLineError("line does not end with ;", line);
  const parts = line.slice(0, -1).split(";");
  const [, sequenceText = "", name = "", ...rest] = parts;
  if (!/^[0-9A-Fa-f]{2}$/.test(sequenceText)) throw new RflinkLineError("bad sequence number", line);
  const sequence = Number.parseInt(sequenceText, 16);
  if (name === "") throw new RflinkLineError("missing message name", line);

  if (name === "PONG") return { kind: "pong", sequence };
  if (name === "OK") return { kind: "ok", sequence };
  if (name === "CMD UNKNOWN") return { kind: "command-unknown", sequence };
  if (/RadioFrequencyLink|RFLink Gateway/i.test(name)) return { kind: "banner", sequence, text: name };
  if (name === "DEBUG") return { kind: "debug", sequence, text: rest.join(";") };
  if (name.startsWith("VER=")) {
    return { kind: "version", sequence, fields: parseFields([name, ...rest], line) };
  }
  if (name.includes("=")) return { kind: "reply", sequence, text: [name, ...rest].join(";") };

  const fields = parseFields(rest, line);
  const id = fields.ID;
  if (id === undefined) throw new RflinkLineError(`${name} line without ID`, line);
  if (!HEX_ID.test(id)) throw new RflinkLineError("ID is not 1-8 hex digits", line);
  const event: RflinkEvent = { kind: "event", sequence, protocol: name, id: id.toUpperCase(), fields };
  if (fields.SWITCH !== undefined) {
    if (!SWITCH_VALUE.test(fields.SWITCH)) throw new RflinkLineError("bad SWITCH value", line);
    event.switch = fields.SWITCH.toUpperCase();
  }
  if (fields.CMD !== undefined) event.cmd = fields.CMD.toUpperCase();
  return event;
}

function parseFields(parts: string[], line: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const part of parts) {
    const equals = part.indexOf("=");
    const key = part.slice(0, equals);
    if (equals <= 0 || !FIELD_KEY.test(key))
      throw new RflinkLineError(`bad field ${JSON.stringify(part)}`, line);
    fields[key.toUpperCase()] = part.slice(equals + 1);
  }
  return fields;
}

/** Formats a gateway line: `20;SEQ;` + the parts + `;` + CRLF, as RFLink prints it. */
export function formatRflinkLine(sequence: number, parts: readonly string[]): string {
  const sequenceText = (sequence & 0xff).toString(16).toUpperCase().padStart(2, "0");
  return `20;${sequenceText};${parts.join(";")};\r\n`;
}

export interface RflinkEventFields {
  protocol: string;
  id: string;
  switch?: string | number;
  cmd?: string;
}

/** Formats a radio packet line, e.g. `20;45;EV1527;ID=295FD59;SWITCH=3;CMD=ON;`. */
export function formatRflinkEvent(sequence: number, event: RflinkEventFields): string {
  const parts = [event.protocol, `ID=${event.id.toUpperCase()}`];
  if (event.switch !== undefined) parts.push(`SWITCH=${String(event.switch).toUpperCase()}`);
  if (event.cmd !== undefined) parts.push(`CMD=${event.cmd}`);
  return formatRflinkLine(sequence, parts);
}

/** A host → gateway command line, e.g. `10;PING;` (RFLink accepts CRLF or LF). */
export function formatRflinkCommand(command: string): string {
  return `10;${command};\r\n`;
}

/** The command of a host line (`10;PING;` → "PING"), or undefined if the line is not a command. */
export function parseRflinkCommand(line: string): string | undefined {
  const match = /^10;(.+);$/.exec(line);
  return match?.[1];
}

/** Ids compare by value: "0295FD59" and "295fd59" are the same transmitter. */
export function normalizeRflinkId(id: string): string {
  return id.toUpperCase().replace(/^0+(?=.)/, "");
}

/** Switches compare by value too: gateways print "3", "03" or "3" for the same key. */
export function normalizeRflinkSwitch(value: string | number): string {
  return String(value)
    .toUpperCase()
    .replace(/^0+(?=.)/, "");
}

/**
 * Splits a serial byte stream into lines. Bytes are read as latin1 so that noise never throws;
 * a run without a line break longer than the limit is dropped up to the next line break, which is
 * how the stream resynchronises after garbage.
 */
export class RflinkLineSplitter {
  readonly #maxLength: number;
  #pending = "";
  #discarding = false;
  /** How many over-long runs were dropped. */
  overflows = 0;

  constructor(maxLength = RFLINK_MAX_LINE_LENGTH) {
    this.#maxLength = maxLength;
  }

  push(chunk: Uint8Array): string[] {
    const lines: string[] = [];
    const pieces = (this.#pending + Buffer.from(chunk).toString("latin1")).split("\n");
    this.#pending = pieces.pop() ?? "";
    for (const piece of pieces) {
      if (this.#discarding) {
        this.#discarding = false;
        continue;
      }
      const line = piece.endsWith("\r") ? piece.slice(0, -1) : piece;
      if (line.length > 0) lines.push(line);
    }
    if (this.#pending.length > this.#maxLength) {
      this.#pending = "";
      if (!this.#discarding) this.overflows++;
      this.#discarding = true;
    }
    return lines;
  }
}

/** A 24-bit EV1527 code word: 20-bit transmitter address, 4-bit key (data bits D0–D3). */
export interface Ev1527Code {
  address: number;
  key: number;
}

export function decodeEv1527(code: number): Ev1527Code {
  if (!Number.isInteger(code) || code < 0 || code > 0xffffff) {
    throw new RangeError(`EV1527 code must be a 24-bit integer, got ${code}`);
  }
  return { address: code >>> 4, key: code & 0x0f };
}

export function encodeEv1527({ address, key }: Ev1527Code): number {
  if (!Number.isInteger(address) || address < 0 || address > 0xfffff) {
    throw new RangeError(`EV1527 address must be 20 bits, got ${address}`);
  }
  if (!Number.isInteger(key) || key < 0 || key > 0xf)
    throw new RangeError(`EV1527 key must be 4 bits, got ${key}`);
  return (address << 4) | key;
}

/**
 * The ID and SWITCH a gateway prints for a received EV1527 code: the 20-bit address in hex and the
 * key. (hardware.md's example ID=295FD59 has 28 bits: some gateways put every hex digit but the last
 * of a longer code word into ID, so the codec accepts ids of up to 32 bits.)
 */
export function ev1527ToRflink(code: Ev1527Code): { id: string; switch: string } {
  encodeEv1527(code);
  return { id: code.address.toString(16).toUpperCase(), switch: code.key.toString(16).toUpperCase() };
}
