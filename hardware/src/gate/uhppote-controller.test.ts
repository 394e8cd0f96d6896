import { createSocket, type Socket } from "node:dgram";
import { afterEach, describe, expect, it } from "vitest";
import { createGateController } from "./factory";
import { UhppoteTimeoutError } from "./udp-exchange";
import {
  type CardRecord,
  decodeRequest,
  encodeReply,
  fromControllerDateTime,
  type TimeProfile,
  toControllerDate,
  toControllerDateTime,
} from "./uhppote-codec";
import { UhppoteController } from "./uhppote-controller";
import { discoverControllers } from "./uhppote-discovery";
import type { GateEventNotice } from "./uhppote-event-listener";
import { UhppoteSimulator } from "./uhppote-simulator";

const SERIAL = 423187757;
const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await sleep(5);
  }
}

async function simulator(): Promise<{ sim: UhppoteSimulator; port: number }> {
  const sim = new UhppoteSimulator({ serialNumber: SERIAL, host: "127.0.0.1", port: 0 });
  const { port } = await sim.start();
  cleanups.push(() => sim.stop());
  return { sim, port };
}

function controller(port: number, options: Partial<ConstructorParameters<typeof UhppoteController>[0]> = {}) {
  const driver = new UhppoteController({
    host: "127.0.0.1",
    port,
    serialNumber: SERIAL,
    timeoutMs: 100,
    retries: 1,
    ...options,
  });
  cleanups.push(() => driver.stop());
  return driver;
}

/** A UDP peer on 127.0.0.1 that answers requests with whatever the test says. */
async function peer(
  answer: (request: Buffer, attempt: number) => Buffer[],
): Promise<{ port: number; requests: Buffer[] }> {
  const socket: Socket = createSocket("udp4");
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", () => resolve()));
  cleanups.push(() => new Promise<void>((resolve) => socket.close(() => resolve())));
  const requests: Buffer[] = [];
  socket.on("message", (message, from) => {
    requests.push(message);
    for (const reply of answer(message, requests.length)) socket.send(reply, from.port, from.address);
  });
  return { port: socket.address().port, requests };
}

const today = () => toControllerDate(new Date());
const card = (cardNumber: number, doors: CardRecord["doors"] = [1, 1, 0, 0]): CardRecord => ({
  cardNumber,
  from: "2020-01-01",
  to: "2099-12-31",
  doors,
  pin: 0,
});

describe("UhppoteController against the simulator", () => {
  it("reads status and clock, sets the clock", async () => {
    const { port } = await simulator();
    const gate = controller(port);
    const status = await gate.getStatus();
    expect(status.event).toBeNull();
    expect(status.systemError).toBe(0);
    expect(Math.abs(fromControllerDateTime(status.time!).getTime() - Date.now())).toBeLessThan(2000);

    expect(await gate.setTime("2031-05-06 07:08:09")).toBe("2031-05-06 07:08:09");
    expect((await gate.getTime())?.slice(0, 16)).toBe("2031-05-06 07:08");
  });

  it("manages cards: put, count, look up by number and index, delete", async () => {
    const { port } = await simulator();
    const gate = controller(port);
    expect(await gate.putCard(card(10058400))).toBe(true);
    expect(await gate.putCard({ ...card(10058401), pin: 7531 })).toBe(true);
    expect(await gate.putCard({ ...card(10058400), to: "2030-06-30" })).toBe(true);
    expect(await gate.getCardCount()).toBe(2);
    expect(await gate.getCardByNumber(10058400)).toEqual({ ...card(10058400), to: "2030-06-30" });
    expect(await gate.getCardByNumber(999)).toBeNull();
    expect(await gate.getCardByIndex(2)).toEqual({ card: { ...card(10058401), pin: 7531 }, deleted: false });

    expect(await gate.deleteCard(10058400)).toBe(true);
    expect(await gate.deleteCard(10058400)).toBe(false);
    expect(await gate.getCardByIndex(1)).toEqual({ card: null, deleted: true });
    expect(await gate.getCardByIndex(3)).toEqual({ card: null, deleted: false });
    expect(await gate.getCardCount()).toBe(1);
    expect(await gate.deleteAllCards()).toBe(true);
    expect(await gate.getCardCount()).toBe(0);
  });

  it("opens doors and changes door control modes", async () => {
    const { sim, port } = await simulator();
    const gate = controller(port);
    expect(await gate.getDoorControl(2)).toEqual({ door: 2, mode: 3, delaySeconds: 3 });
    expect(await gate.openDoor(2)).toBe(true);
    expect((await gate.getStatus()).relays).toBe(0b0010);
    expect(sim.events.at(-1)).toMatchObject({ type: 2, door: 2, granted: true, reason: 44 });

    expect(await gate.setDoorControl(2, 2, 5)).toEqual({ door: 2, mode: 2, delaySeconds: 5 });
    expect(await gate.openDoor(2)).toBe(false);
    await expect(gate.openDoor(5)).rejects.toThrow("door must be an integer 1–4, got 5");
  });

  it("reads the event log and keeps the retrieved-event index", async () => {
    const { sim, port } = await simulator();
    const gate = controller(port);
    await gate.putCard(card(10058400));
    sim.swipe(10058400, 1);
    sim.swipe(55, 1, 2);
    const first = await gate.getEvent(1);
    expect(first).toMatchObject({
      index: 1,
      type: 1,
      granted: true,
      door: 1,
      direction: 1,
      card: 10058400,
      reason: 1,
    });
    expect(first?.timestamp?.slice(0, 10)).toBe(today());
    expect(await gate.getEvent(2)).toMatchObject({
      index: 2,
      granted: false,
      direction: 2,
      card: 55,
      reason: 6,
    });
    expect(await gate.getEvent(3)).toBeNull();
    expect((await gate.getStatus()).event?.index).toBe(2);
    expect(await gate.getEventIndex()).toBe(0);
    expect(await gate.setEventIndex(2)).toBe(true);
    expect(await gate.getEventIndex()).toBe(2);
  });

  it("stores time profiles", async () => {
    const { port } = await simulator();
    const gate = controller(port);
    const profile: TimeProfile = {
      id: 29,
      from: "2024-01-01",
      to: "2099-12-31",
      weekdays: [true, true, true, true, true, false, false],
      segments: [
        { start: "08:30", end: "17:00" },
        { start: "00:00", end: "00:00" },
        { start: "00:00", end: "00:00" },
      ],
      linkedProfileId: 0,
    };
    expect(await gate.setTimeProfile(profile)).toBe(true);
    expect(await gate.getTimeProfile(29)).toEqual(profile);
    expect(await gate.getTimeProfile(30)).toBeNull();
  });

  it("finds the simulator by discovery", async () => {
    const { port } = await simulator();
    const found = await discoverControllers({ address: "127.0.0.1", port, timeoutMs: 150 });
    expect(found).toEqual([
      {
        serialNumber: SERIAL,
        address: "127.0.0.1",
        netmask: "255.255.255.0",
        gateway: "0.0.0.0",
        macAddress: "00:12:23:34:45:56",
        version: "v8.92",
        releaseDate: "2018-11-05",
        replyFrom: "127.0.0.1",
      },
    ]);
  });
});

describe("simulated access decisions", () => {
  it("grants and denies by card list, validity dates, door access, time profile and door mode", async () => {
    const { sim, port } = await simulator();
    const gate = controller(port);
    await gate.putCard(card(1, [1, 0, 29, 30]));
    await gate.putCard({ ...card(2), to: "2021-12-31" });
    const allDay = { start: "00:00", end: "23:59" };
    const never = { start: "00:00", end: "00:00" };
    const base = { from: "2020-01-01", to: "2099-12-31", linkedProfileId: 0 };
    const everyDay: TimeProfile["weekdays"] = [true, true, true, true, true, true, true];
    await gate.setTimeProfile({ id: 29, ...base, weekdays: everyDay, segments: [allDay, never, never] });
    await gate.setTimeProfile({ id: 30, ...base, weekdays: everyDay, segments: [never, never, never] });

    expect(sim.swipe(1, 1)).toMatchObject({ granted: true, reason: 1 });
    expect(sim.swipe(3, 1)).toMatchObject({ granted: false, reason: 6 });
    expect(sim.swipe(2, 1)).toMatchObject({ granted: false, reason: 18 });
    expect(sim.swipe(1, 2)).toMatchObject({ granted: false, reason: 6 });
    expect(sim.swipe(1, 3)).toMatchObject({ granted: true });
    expect(sim.swipe(1, 4)).toMatchObject({ granted: false, reason: 15 });
    await gate.setDoorControl(1, 2, 3);
    expect(sim.swipe(1, 1)).toMatchObject({ granted: false, reason: 11 });
    expect(() => sim.swipe(1, 5)).toThrow("door must be 1–4");
  });

  it("tells a forced door from one opened after a grant, and reports buttons", async () => {
    const { sim, port } = await simulator();
    const gate = controller(port);
    expect(sim.forceOpen(1)).toMatchObject({ type: 3, granted: false, reason: 38 });
    sim.closeDoor(1);
    expect(sim.pressButton(1)).toMatchObject({ type: 2, granted: true, reason: 20 });
    expect(sim.forceOpen(1)).toMatchObject({ type: 2, granted: true, reason: 23 });
    const status = await gate.getStatus();
    expect(status.doorOpen).toEqual([true, false, false, false]);
    expect(status.buttonPressed).toEqual([true, false, false, false]);
    expect(status.relays & 1).toBe(1);
    await gate.setDoorControl(3, 2, 3);
    expect(sim.pressButton(3)).toMatchObject({ granted: false, reason: 31 });
  });
});

describe("pushed events", () => {
  it("points the controller at its listener and emits each swipe once", async () => {
    const { sim, port } = await simulator();
    const gate = controller(port, { listen: { host: "127.0.0.1", port: 0 }, healthIntervalMs: 60_000 });
    const notices: GateEventNotice[] = [];
    gate.on("event", (notice) => notices.push(notice));
    await gate.start();
    await until(() => gate.health.current.status === "ok");
    const listening = gate.listenerAddress!;
    expect(await gate.getListener()).toEqual({ address: "127.0.0.1", port: listening.port, interval: 0 });

    await gate.putCard(card(10058400));
    sim.swipe(10058400, 1);
    sim.swipe(77, 2, 2);
    await until(() => notices.length === 2);
    expect(notices[0]).toMatchObject({
      serialNumber: SERIAL,
      event: { index: 1, type: 1, granted: true, door: 1, card: 10058400, reason: 1 },
    });
    expect(notices[1]?.event).toMatchObject({ index: 2, granted: false, door: 2, direction: 2, card: 77 });

    // A repeated status push of the same event, and garbage, produce nothing new.
    const pusher = createSocket("udp4");
    cleanups.push(() => new Promise<void>((resolve) => pusher.close(() => resolve())));
    pusher.send(encodeReply("getStatus", SERIAL, sim.status()), listening.port, "127.0.0.1");
    pusher.send(Buffer.from("not a datagram"), listening.port, "127.0.0.1");
    pusher.send(encodeReply("getStatus", 1, sim.status()), listening.port, "127.0.0.1");
    await sleep(100);
    expect(notices).toHaveLength(2);
  });
});

describe("timeouts, retries and bad replies", () => {
  it("gives up after the retries with a clear error and reports the controller unavailable", async () => {
    const silent = await peer(() => []);
    const gate = controller(silent.port, { timeoutMs: 80, retries: 2 });
    const started = Date.now();
    const error = await gate.getStatus().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UhppoteTimeoutError);
    expect((error as Error).message).toBe(
      `no reply to getStatus from controller ${SERIAL} at 127.0.0.1:${silent.port} after 3 attempts`,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(230);
    expect(silent.requests).toHaveLength(3);
    expect(decodeRequest(silent.requests[0]!)).toMatchObject({ kind: "getStatus", serialNumber: SERIAL });
    expect(gate.health.current).toEqual({
      device: `gate-${SERIAL}`,
      status: "unavailable",
      reason: `no reply from controller at 127.0.0.1:${silent.port}`,
    });
  });

  it("resends a lost request and takes the reply to the retry", async () => {
    const lossy = await peer((request, attempt) => {
      if (attempt === 1) return [];
      return [encodeReply("getCardCount", SERIAL, { count: 7 }, decodeRequest(request).sequenceId)];
    });
    const gate = controller(lossy.port, { timeoutMs: 80, retries: 1 });
    expect(await gate.getCardCount()).toBe(7);
    expect(lossy.requests).toHaveLength(2);
    expect(lossy.requests[0]).toEqual(lossy.requests[1]);
  });

  it("drops garbage and replies of the wrong length, function, controller or request", async () => {
    const confused = await peer((request) => {
      const { sequenceId } = decodeRequest(request);
      const right = encodeReply("getCardCount", SERIAL, { count: 42 }, sequenceId);
      return [
        Buffer.from("garbage"),
        right.subarray(0, 60),
        Buffer.concat([right, Buffer.alloc(4)]),
        encodeReply("getCardCount", 123456789, { count: 1 }, sequenceId),
        encodeReply("getTime", SERIAL, { time: "2024-01-01 00:00:00" }, sequenceId),
        encodeReply("getCardCount", SERIAL, { count: 2 }, sequenceId + 1000),
        right,
      ];
    });
    const gate = controller(confused.port);
    expect(await gate.getCardCount()).toBe(42);
    expect(confused.requests).toHaveLength(1);
  });

  it("times out when only another controller answers", async () => {
    const impostor = await peer((request) => [
      encodeReply("getCardCount", 1, { count: 1 }, decodeRequest(request).sequenceId),
    ]);
    const gate = controller(impostor.port, { timeoutMs: 60, retries: 0 });
    await expect(gate.getCardCount()).rejects.toThrow(UhppoteTimeoutError);
  });

  it("the simulator ignores garbage and requests for other controllers", async () => {
    const { sim, port } = await simulator();
    const socket = createSocket("udp4");
    cleanups.push(() => new Promise<void>((resolve) => socket.close(() => resolve())));
    const replies: Buffer[] = [];
    socket.on("message", (message) => replies.push(message));
    await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", () => resolve()));
    const send = (bytes: Buffer) => socket.send(bytes, port, "127.0.0.1");
    send(Buffer.alloc(64, 0xff));
    send(Buffer.from("hello"));
    send(encodeReply("getStatus", 1, sim.status()));
    const deleteAllWithoutMagic = Buffer.alloc(64);
    deleteAllWithoutMagic.set([0x17, 0x54]);
    deleteAllWithoutMagic.writeUInt32LE(SERIAL, 4);
    send(deleteAllWithoutMagic);
    await until(() => sim.ignored === 4);
    await sleep(50);
    expect(replies).toEqual([]);
    expect(await controller(port).getCardCount()).toBe(0);
  });
});

describe("health", () => {
  it("is ok while answering, degraded on a fault or a wrong clock, unavailable when silent, and recovers", async () => {
    const { sim, port } = await simulator();
    const gate = controller(port, { healthIntervalMs: 50, timeoutMs: 50, retries: 0 });
    await gate.start();
    await until(() => gate.health.current.status === "ok");

    sim.systemError = 5;
    await until(() => gate.health.current.status === "degraded");
    expect(gate.health.current.reason).toBe("controller reports system error 5");
    sim.systemError = 0;
    await until(() => gate.health.current.status === "ok");

    await gate.setTime(toControllerDateTime(new Date(Date.now() - 3_600_000)));
    await until(() => gate.health.current.status === "degraded");
    expect(gate.health.current.reason).toMatch(/^controller clock is off by -36\d\d s$/);
    await gate.setTime();
    await until(() => gate.health.current.status === "ok");

    sim.answering = false;
    await until(() => gate.health.current.status === "unavailable");
    sim.answering = true;
    await until(() => gate.health.current.status === "ok");
  });
});

describe("createGateController", () => {
  it("builds a driver with its listener from JSON config", async () => {
    const { sim, port } = await simulator();
    const gate = createGateController({
      type: "uhppote",
      host: "127.0.0.1",
      port,
      serialNumber: SERIAL,
      listen: "127.0.0.1:0",
      timeoutMs: 200,
    });
    cleanups.push(() => gate.stop());
    const cards: number[] = [];
    gate.on("event", (notice) => cards.push(notice.event.card));
    await gate.start();
    await until(() => gate.health.current.status === "ok");
    sim.swipe(31337, 4);
    await until(() => cards.length === 1);
    expect(cards).toEqual([31337]);
  });

  it("rejects bad config with a clear message", () => {
    expect(() =>
      createGateController({ type: "uhppote", host: "10.0.0.5", serialNumber: 0, listen: "10.0.0.1" }),
    ).toThrow(
      'invalid gate controller config:\n✖ Too small: expected number to be >=1\n  → at serialNumber\n✖ expected "host:port", e.g. "192.168.1.10:60001"\n  → at listen',
    );
  });
});
