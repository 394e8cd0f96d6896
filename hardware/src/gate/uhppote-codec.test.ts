import { describe, expect, it } from "vitest";
import {
  type CardRecord,
  type ControllerStatus,
  decodeReply,
  decodeRequest,
  encodeReply,
  encodeRequest,
  fromControllerDateTime,
  type TimeProfile,
  toControllerDateTime,
  UhppoteFormatError,
} from "./uhppote-codec";

const SERIAL = 405419896; // 78 37 2a 18 little-endian

/** A 64-byte datagram from the hex of its first bytes (the rest is zero), e.g. "17 20 00 00 78372a18". */
function packet(...pieces: Array<[offset: number, hex: string]>): Buffer {
  const bytes = Buffer.alloc(64);
  for (const [offset, hex] of pieces) Buffer.from(hex.replaceAll(" ", ""), "hex").copy(bytes, offset);
  return bytes;
}
const header = (code: string): [number, string] => [0, `17 ${code} 00 00 78 37 2a 18`];

const card: CardRecord = {
  cardNumber: 8165538,
  from: "2024-01-01",
  to: "2024-12-31",
  doors: [1, 0, 29, 1],
  pin: 7531,
};
const cardBytes: [number, string] = [8, "a2 98 7c 00 20 24 01 01 20 24 12 31 01 00 1d 01 6b 1d 00"];

describe("requests", () => {
  it.each([
    ["get status", encodeRequest("getStatus", SERIAL, {}), packet(header("20"))],
    [
      "get status with a sequence id",
      encodeRequest("getStatus", SERIAL, {}, 7),
      packet(header("20"), [40, "07"]),
    ],
    [
      "set time",
      encodeRequest("setTime", SERIAL, { time: "2022-08-23 09:49:03" }),
      packet(header("30"), [8, "20 22 08 23 09 49 03"]),
    ],
    ["get time", encodeRequest("getTime", SERIAL, {}), packet(header("32"))],
    ["open door 3", encodeRequest("openDoor", SERIAL, { door: 3 }), packet(header("40"), [8, "03"])],
    ["put card", encodeRequest("putCard", SERIAL, { card }), packet(header("50"), cardBytes)],
    [
      "delete card",
      encodeRequest("deleteCard", SERIAL, { cardNumber: 8165538 }),
      packet(header("52"), [8, "a2987c00"]),
    ],
    [
      "delete all cards",
      encodeRequest("deleteAllCards", SERIAL, {}),
      packet(header("54"), [8, "55 aa aa 55"]),
    ],
    ["get card count", encodeRequest("getCardCount", SERIAL, {}), packet(header("58"))],
    [
      "get card by number",
      encodeRequest("getCardByNumber", SERIAL, { cardNumber: 8165538 }),
      packet(header("5a"), [8, "a2987c00"]),
    ],
    [
      "get card by index",
      encodeRequest("getCardByIndex", SERIAL, { index: 258 }),
      packet(header("5c"), [8, "02010000"]),
    ],
    [
      "set door control",
      encodeRequest("setDoorControl", SERIAL, { door: 3, mode: 2, delaySeconds: 10 }),
      packet(header("80"), [8, "03 02 0a"]),
    ],
    [
      "get door control",
      encodeRequest("getDoorControl", SERIAL, { door: 4 }),
      packet(header("82"), [8, "04"]),
    ],
    [
      "set listener",
      encodeRequest("setListener", SERIAL, { address: "192.168.1.100", port: 60001, interval: 15 }),
      packet(header("90"), [8, "c0 a8 01 64 61 ea 0f"]),
    ],
    ["get listener", encodeRequest("getListener", SERIAL, {}), packet(header("92"))],
    ["discover (broadcast)", encodeRequest("discover", 0, {}), packet([0, "17 94"])],
    [
      "get time profile",
      encodeRequest("getTimeProfile", SERIAL, { profileId: 29 }),
      packet(header("98"), [8, "1d"]),
    ],
    ["get event", encodeRequest("getEvent", SERIAL, { index: 78 }), packet(header("b0"), [8, "4e000000"])],
    [
      "set event index",
      encodeRequest("setEventIndex", SERIAL, { index: 13 }),
      packet(header("b2"), [8, "0d000000 55aaaa55"]),
    ],
    ["get event index", encodeRequest("getEventIndex", SERIAL, {}), packet(header("b4"))],
  ])("%s", (_name, encoded, expected) => {
    expect(encoded.toString("hex")).toBe(expected.toString("hex"));
  });

  it("encodes a time profile", () => {
    const profile: TimeProfile = {
      id: 29,
      from: "2024-01-01",
      to: "2024-12-31",
      weekdays: [true, true, true, true, true, false, false],
      segments: [
        { start: "08:30", end: "11:45" },
        { start: "13:00", end: "17:00" },
        { start: "00:00", end: "00:00" },
      ],
      linkedProfileId: 3,
    };
    const expected = packet(header("88"), [
      8,
      "1d 20240101 20241231 01 01 01 01 01 00 00 0830 1145 1300 1700 0000 0000 03",
    ]);
    expect(encodeRequest("setTimeProfile", SERIAL, { profile }).toString("hex")).toBe(
      expected.toString("hex"),
    );
    expect(decodeRequest(expected)).toEqual({
      kind: "setTimeProfile",
      serialNumber: SERIAL,
      sequenceId: 0,
      request: { profile },
    });
  });

  it("decodes requests on the controller side", () => {
    expect(decodeRequest(packet(header("40"), [8, "02"], [40, "2a"]))).toEqual({
      kind: "openDoor",
      serialNumber: SERIAL,
      sequenceId: 42,
      request: { door: 2 },
    });
    expect(decodeRequest(packet(header("50"), cardBytes))).toMatchObject({
      kind: "putCard",
      request: { card },
    });
  });

  it("refuses destructive requests without the magic word", () => {
    expect(() => decodeRequest(packet(header("54")))).toThrow("missing magic word at byte 8");
    expect(() => decodeRequest(packet(header("b2"), [8, "0d000000"]))).toThrow(
      "missing magic word at byte 12",
    );
  });

  it.each([
    ["door 5", () => encodeRequest("openDoor", SERIAL, { door: 5 }), "door must be an integer 1–4, got 5"],
    [
      "door mode 4",
      () => encodeRequest("setDoorControl", SERIAL, { door: 1, mode: 4 as 1, delaySeconds: 3 }),
      "door mode",
    ],
    [
      "a 7-digit PIN",
      () => encodeRequest("putCard", SERIAL, { card: { ...card, pin: 1_000_000 } }),
      "PIN must be 0–999999",
    ],
    [
      "30 February",
      () => encodeRequest("putCard", SERIAL, { card: { ...card, to: "2024-02-30" } }),
      "valid-to date",
    ],
    ["a bad time", () => encodeRequest("setTime", SERIAL, { time: "2024-01-01 24:00:00" }), "time must be"],
    ["a bad address", () => encodeRequest("setListener", SERIAL, { address: "10.0.0.256", port: 1 }), "IPv4"],
    ["a negative serial", () => encodeRequest("getStatus", -1, {}), "serial number"],
  ])("rejects %s", (_name, encode, message) => {
    expect(encode).toThrow(UhppoteFormatError);
    expect(encode).toThrow(message);
  });
});

describe("replies", () => {
  // Status of controller 405419896 at 2022-08-23 09:49:39: last event #78 (door 3, remote open,
  // granted, card 8165537 at 09:47:06), door 2 open, door 4 button pressed, relays 0b0111, inputs 9.
  const statusBytes = packet(
    header("20"),
    [8, "4e000000 02 01 03 01 a1987c00 20220823094706 2c 00 01 00 00 00 00 00 01 03 094939"],
    [48, "27 07 09 220823"],
  );
  const status: ControllerStatus = {
    event: {
      index: 78,
      type: 2,
      granted: true,
      door: 3,
      direction: 1,
      card: 8165537,
      timestamp: "2022-08-23 09:47:06",
      reason: 44,
    },
    doorOpen: [false, true, false, false],
    buttonPressed: [false, false, false, true],
    systemError: 3,
    time: "2022-08-23 09:49:39",
    specialInfo: 39,
    relays: 7,
    inputs: 9,
  };

  it("decodes and encodes a status", () => {
    expect(decodeReply("getStatus", statusBytes, SERIAL)).toEqual({
      serialNumber: SERIAL,
      sequenceId: 0,
      reply: status,
    });
    expect(encodeReply("getStatus", SERIAL, status).toString("hex")).toBe(statusBytes.toString("hex"));
  });

  it("decodes a status with an empty event log and a clock at midnight", () => {
    const bytes = packet(header("20"), [37, "000000"], [51, "250101"]);
    expect(decodeReply("getStatus", bytes, SERIAL).reply).toMatchObject({
      event: null,
      time: "2025-01-01 00:00:00",
    });
  });

  it("decodes discovery replies from any controller", () => {
    const bytes = packet(header("94"), [8, "c0a80164 ffffff00 c0a80101 00 12 23 34 45 56 08 92 20181105"]);
    expect(decodeReply("discover", bytes)).toEqual({
      serialNumber: SERIAL,
      sequenceId: 0,
      reply: {
        address: "192.168.1.100",
        netmask: "255.255.255.0",
        gateway: "192.168.1.1",
        macAddress: "00:12:23:34:45:56",
        version: "v8.92",
        releaseDate: "2018-11-05",
      },
    });
    expect(encodeReply("discover", SERIAL, decodeReply("discover", bytes).reply).toString("hex")).toBe(
      bytes.toString("hex"),
    );
  });

  it("decodes cards: found, absent and deleted", () => {
    expect(decodeReply("getCardByNumber", packet(header("5a"), cardBytes), SERIAL).reply).toEqual({ card });
    expect(decodeReply("getCardByNumber", packet(header("5a")), SERIAL).reply).toEqual({ card: null });
    expect(decodeReply("getCardByIndex", packet(header("5c"), cardBytes), SERIAL).reply).toEqual({
      card,
      deleted: false,
    });
    expect(decodeReply("getCardByIndex", packet(header("5c")), SERIAL).reply).toEqual({
      card: null,
      deleted: false,
    });
    expect(decodeReply("getCardByIndex", packet(header("5c"), [8, "ffffffff"]), SERIAL).reply).toEqual({
      card: null,
      deleted: true,
    });
    expect(encodeReply("getCardByIndex", SERIAL, { card: null, deleted: true }).toString("hex")).toBe(
      packet(header("5c"), [8, "ffffffff"]).toString("hex"),
    );
  });

  it("decodes the simple replies", () => {
    expect(decodeReply("openDoor", packet(header("40"), [8, "01"]), SERIAL).reply).toEqual({ opened: true });
    expect(decodeReply("putCard", packet(header("50"), [8, "00"]), SERIAL).reply).toEqual({ stored: false });
    expect(decodeReply("getCardCount", packet(header("58"), [8, "39300000"]), SERIAL).reply).toEqual({
      count: 12345,
    });
    expect(decodeReply("getTime", packet(header("32"), [8, "20220823094809"]), SERIAL).reply).toEqual({
      time: "2022-08-23 09:48:09",
    });
    expect(decodeReply("getDoorControl", packet(header("82"), [8, "03020a"]), SERIAL).reply).toEqual({
      door: 3,
      mode: 2,
      delaySeconds: 10,
    });
    expect(decodeReply("getListener", packet(header("92"), [8, "c0a80164 61ea 0f"]), SERIAL).reply).toEqual({
      address: "192.168.1.100",
      port: 60001,
      interval: 15,
    });
    expect(decodeReply("getEventIndex", packet(header("b4"), [8, "0d000000"]), SERIAL).reply).toEqual({
      index: 13,
    });
    expect(decodeReply("getEvent", packet(header("b0")), SERIAL).reply).toEqual({ event: null });
    expect(decodeReply("getTimeProfile", packet(header("98")), SERIAL).reply).toEqual({ profile: null });
  });

  it.each([
    ["a short datagram", Buffer.alloc(63, 0x17), "length", "packet of 63 bytes, expected 64"],
    [
      "a wrong start byte",
      packet([0, "18 20 00 00 78372a18"]),
      "start-byte",
      "start byte 0x18, expected 0x17",
    ],
    ["another function's reply", packet(header("32")), "function", "reply function 0x32, expected 0x20"],
    [
      "another controller's reply",
      packet([0, "17 20 00 00 01000000"]),
      "serial",
      "reply from controller 1, expected",
    ],
    [
      "a timestamp that is not BCD",
      packet(header("20"), [8, "01000000"], [20, "20aa"]),
      "field",
      "byte 21 is not BCD",
    ],
    ["an impossible date", packet(header("20"), [51, "221332"]), "field", "invalid date-time"],
  ])("rejects %s", (_name, bytes, reason, message) => {
    let caught: unknown;
    try {
      decodeReply("getStatus", bytes, SERIAL);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UhppoteFormatError);
    expect(caught).toMatchObject({ reason });
    expect((caught as Error).message).toContain(message);
  });

  it("rejects requests with an unknown function code", () => {
    expect(() => decodeRequest(packet(header("c8")))).toThrow("unknown function code 0xc8");
  });
});

describe("controller clock helpers", () => {
  it("converts local Dates to controller time and back", () => {
    const date = new Date(2025, 0, 31, 7, 5, 9);
    expect(toControllerDateTime(date)).toBe("2025-01-31 07:05:09");
    expect(fromControllerDateTime("2025-01-31 07:05:09").getTime()).toBe(date.getTime());
    expect(() => fromControllerDateTime("yesterday")).toThrow(RangeError);
  });
});
