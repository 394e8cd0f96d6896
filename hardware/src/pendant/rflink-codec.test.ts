import { describe, expect, it } from "vitest";
import {
  decodeEv1527,
  encodeEv1527,
  ev1527ToRflink,
  formatRflinkCommand,
  formatRflinkEvent,
  formatRflinkLine,
  normalizeRflinkId,
  normalizeRflinkSwitch,
  parseRflinkCommand,
  parseRflinkLine,
  RflinkLineError,
  RflinkLineSplitter,
} from "./rflink-codec";

const hex = (text: string) => Buffer.from(text.replaceAll(" ", ""), "hex");

describe("parseRflinkLine", () => {
  it("decodes a pendant press", () => {
    expect(parseRflinkLine("20;45;EV1527;ID=295FD59;SWITCH=3;CMD=ON;")).toEqual({
      kind: "event",
      sequence: 0x45,
      protocol: "EV1527",
      id: "295FD59",
      switch: "3",
      cmd: "ON",
      fields: { ID: "295FD59", SWITCH: "3", CMD: "ON" },
    });
  });

  it("keeps extra fields and accepts lower-case hex", () => {
    const message = parseRflinkLine("20;0a;NewKaku;ID=005ef68a;SWITCH=a;CMD=OFF;RSSI=-71;");
    expect(message).toMatchObject({ sequence: 10, id: "005EF68A", switch: "A", cmd: "OFF" });
    expect(message.kind === "event" && message.fields.RSSI).toBe("-71");
  });

  it("recognises the gateway's own messages", () => {
    expect(parseRflinkLine("20;00;Nodo RadioFrequencyLink - RFLink Gateway V1.1 - R48;")).toEqual({
      kind: "banner",
      sequence: 0,
      text: "Nodo RadioFrequencyLink - RFLink Gateway V1.1 - R48",
    });
    expect(parseRflinkLine("20;99;PONG;")).toEqual({ kind: "pong", sequence: 0x99 });
    expect(parseRflinkLine("20;01;OK;")).toEqual({ kind: "ok", sequence: 1 });
    expect(parseRflinkLine("20;02;CMD UNKNOWN;")).toEqual({ kind: "command-unknown", sequence: 2 });
    expect(parseRflinkLine("20;03;VER=1.1;REV=48;BUILD=08;")).toEqual({
      kind: "version",
      sequence: 3,
      fields: { VER: "1.1", REV: "48", BUILD: "08" },
    });
    expect(parseRflinkLine("20;04;RFDEBUG=ON;")).toEqual({ kind: "reply", sequence: 4, text: "RFDEBUG=ON" });
    expect(parseRflinkLine("20;05;DEBUG;Pulses=4;")).toEqual({
      kind: "debug",
      sequence: 5,
      text: "Pulses=4",
    });
  });

  it.each([
    ["10;PING;", "not a gateway line"],
    ["20;45;EV1527;ID=295FD59;SWITCH=3;CMD=ON", "does not end with ;"],
    ["20;4G;EV1527;ID=1;", "bad sequence number"],
    ["20;4;EV1527;ID=1;", "bad sequence number"],
    ["20;45;;", "missing message name"],
    ["20;45;EV1527;SWITCH=3;CMD=ON;", "EV1527 line without ID"],
    ["20;45;EV1527;ID=XYZ;", "ID is not 1-8 hex digits"],
    ["20;45;EV1527;ID=123456789;", "ID is not 1-8 hex digits"],
    ["20;45;EV1527;ID=1;SWITCH=3+;", "bad SWITCH value"],
    ["20;45;EV1527;ID=1;garbage;", 'bad field "garbage"'],
    ["20;45;EV1527;ID=1;=ON;", 'bad field "=ON"'],
    ["20;45;EV1527;ID=1\u0000;", "non-printable characters"],
    [`20;45;EV1527;ID=1;X=${"a".repeat(300)};`, "line too long"],
  ])("rejects %j", (line, reason) => {
    expect(() => parseRflinkLine(line)).toThrow(RflinkLineError);
    expect(() => parseRflinkLine(line)).toThrow(reason);
  });
});

describe("formatting", () => {
  it("formats gateway lines with a two-digit hex sequence and CRLF", () => {
    expect(formatRflinkLine(0x1ff, ["PONG"])).toBe("20;FF;PONG;\r\n");
    expect(formatRflinkEvent(0x45, { protocol: "EV1527", id: "295fd59", switch: 3, cmd: "ON" })).toBe(
      "20;45;EV1527;ID=295FD59;SWITCH=3;CMD=ON;\r\n",
    );
  });

  it("formats and parses host commands", () => {
    expect(Buffer.from(formatRflinkCommand("PING"), "latin1")).toEqual(hex("31 30 3b 50 49 4e 47 3b 0d 0a"));
    expect(parseRflinkCommand("10;PING;")).toBe("PING");
    expect(parseRflinkCommand("20;00;PONG")).toBeUndefined();
  });

  it("round-trips an event", () => {
    const line = formatRflinkEvent(7, { protocol: "EV1527", id: "A1B2C", switch: "F", cmd: "ON" });
    expect(parseRflinkLine(line.trimEnd())).toMatchObject({
      sequence: 7,
      id: "A1B2C",
      switch: "F",
      cmd: "ON",
    });
  });

  it("compares ids and switches by value", () => {
    expect(normalizeRflinkId("0295fd59")).toBe("295FD59");
    expect(normalizeRflinkId("000")).toBe("0");
    expect(normalizeRflinkSwitch("03")).toBe("3");
    expect(normalizeRflinkSwitch(3)).toBe("3");
    expect(normalizeRflinkSwitch("0")).toBe("0");
  });
});

describe("RflinkLineSplitter", () => {
  it("reassembles lines split across reads and strips CRLF", () => {
    const splitter = new RflinkLineSplitter();
    expect(splitter.push(Buffer.from("20;01;PO"))).toEqual([]);
    expect(splitter.push(Buffer.from("NG;\r\n20;02;OK;\r\n20;0"))).toEqual(["20;01;PONG;", "20;02;OK;"]);
    expect(splitter.push(Buffer.from("3;OK;\n"))).toEqual(["20;03;OK;"]);
  });

  it("drops an over-long run of noise and resynchronises at the next line break", () => {
    const splitter = new RflinkLineSplitter(32);
    expect(splitter.push(Buffer.alloc(40, 0xaa))).toEqual([]);
    expect(splitter.push(Buffer.alloc(40, 0x55))).toEqual([]);
    expect(splitter.push(Buffer.from("junk\r\n20;09;PONG;\r\n"))).toEqual(["20;09;PONG;"]);
    expect(splitter.overflows).toBe(1);
  });

  it("never throws on binary input", () => {
    const splitter = new RflinkLineSplitter();
    expect(splitter.push(hex("00 ff 13 0a 80 0d 0a"))).toEqual(["\u0000\u00ff\u0013", "\u0080"]);
  });
});

describe("EV1527", () => {
  it("splits a 24-bit code word into a 20-bit address and a 4-bit key", () => {
    expect(decodeEv1527(0x295fd5)).toEqual({ address: 0x295fd, key: 5 });
    expect(encodeEv1527({ address: 0x295fd, key: 5 })).toBe(0x295fd5);
    expect(decodeEv1527(0xffffff)).toEqual({ address: 0xfffff, key: 0xf });
  });

  it("prints the address as ID and the key as SWITCH", () => {
    expect(ev1527ToRflink({ address: 0x0a2b3, key: 3 })).toEqual({ id: "A2B3", switch: "3" });
  });

  it("rejects values out of range", () => {
    expect(() => decodeEv1527(0x1000000)).toThrow(RangeError);
    expect(() => encodeEv1527({ address: 0x100000, key: 0 })).toThrow(/20 bits/);
    expect(() => encodeEv1527({ address: 1, key: 16 })).toThrow(/4 bits/);
  });
});
