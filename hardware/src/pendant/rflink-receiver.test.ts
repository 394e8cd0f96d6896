import { afterEach, describe, expect, it } from "vitest";
import type { DeviceHealth } from "../health";
import { SerialTransport } from "../transports/serial-transport";
import { createPtyPair, type PtyPair } from "../transports/socat-pty-pair";
import { createPendantReceiver } from "./factory";
import { type PendantPress, RflinkReceiver, type UnknownPendant } from "./rflink-receiver";
import { RflinkSimulator } from "./rflink-simulator";

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Rig {
  pair: PtyPair;
  simulator: RflinkSimulator;
  receiver: RflinkReceiver;
  presses: PendantPress[];
  unknown: UnknownPendant[];
  health: DeviceHealth[];
}

async function rig(options: { debounceMs?: number } = {}): Promise<Rig> {
  const pair = await createPtyPair();
  cleanups.push(() => pair.close());
  const simulator = new RflinkSimulator({
    transport: new SerialTransport({ path: pair.devicePath, baudRate: 57600 }),
  });
  cleanups.push(() => simulator.stop());
  simulator.start();
  await until(() => simulator.isUp);
  const receiver = new RflinkReceiver({
    transport: new SerialTransport({ path: pair.hostPath, baudRate: 57600 }),
    pendants: [
      { id: "295FD59", switch: 3, button: "sos", owner: "resident-17" },
      { id: "0A2B3", button: "service" },
    ],
    debounceMs: options.debounceMs ?? 300,
    pingIntervalMs: 150,
    pingTimeoutMs: 100,
    reconnect: { initialDelayMs: 20, maxDelayMs: 100 },
  });
  cleanups.push(() => receiver.stop());
  const presses: PendantPress[] = [];
  const unknown: UnknownPendant[] = [];
  const health: DeviceHealth[] = [];
  receiver.on("press", (press) => presses.push(press));
  receiver.on("unknown", (heard) => unknown.push(heard));
  receiver.health.on("change", (change) => health.push(change));
  await receiver.start();
  await until(() => receiver.health.current.status === "ok");
  return { pair, simulator, receiver, presses, unknown, health };
}

describe("RflinkReceiver over a socat pty", () => {
  it("turns the repeated lines of one pendant press into one press for its owner", async () => {
    const { simulator, presses, receiver } = await rig();
    await simulator.press("295FD59", 3);
    await until(() => presses.length > 0);
    await sleep(100);
    expect(presses).toEqual([
      {
        button: "sos",
        owner: "resident-17",
        pendantId: "295FD59",
        switch: "3",
        protocol: "EV1527",
        cmd: "ON",
      },
    ]);
    expect(receiver.version).toBe("VER=1.1;REV=48;BUILD=08");
  });

  it("maps any key of a pendant enrolled without a switch, and matches ids by value", async () => {
    const { simulator, presses } = await rig();
    await simulator.press("A2B3", "0C");
    await until(() => presses.length === 1);
    expect(presses[0]).toMatchObject({ button: "service", pendantId: "A2B3", switch: "C" });
  });

  it("reports unknown transmitters for enrolment without pressing anything", async () => {
    const { simulator, presses, unknown } = await rig();
    await simulator.press("295FD59", 4);
    await simulator.press("1234", 1, { protocol: "Byron" });
    await until(() => unknown.length === 2);
    await sleep(100);
    expect(unknown).toEqual([
      { protocol: "EV1527", id: "295FD59", switch: "4", cmd: "ON" },
      { protocol: "Byron", id: "1234", switch: "1", cmd: "ON" },
    ]);
    expect(presses).toEqual([]);
  });

  it("counts a second press after the debounce window", async () => {
    const { simulator, presses } = await rig({ debounceMs: 200 });
    await simulator.press("295FD59", 3, { repeats: 2, gapMs: 20 });
    await sleep(300);
    await simulator.press("295FD59", 3, { repeats: 2, gapMs: 20 });
    await until(() => presses.length === 2);
    await sleep(100);
    expect(presses.map((press) => press.button)).toEqual(["sos", "sos"]);
  });

  it("skips garbage and keeps decoding", async () => {
    const { simulator, presses, receiver } = await rig();
    await simulator.sendGarbage();
    await simulator.sendGarbage(Buffer.alloc(600, 0x41));
    await simulator.sendGarbage(Buffer.from("\r\n"));
    await simulator.press("295FD59", 3, { repeats: 1 });
    await until(() => presses.length === 1);
    expect(receiver.health.current.status).toBe("ok");
  });

  it("is degraded while the gateway is silent, and ok when it answers again", async () => {
    const { simulator, receiver } = await rig();
    simulator.answering = false;
    await until(() => receiver.health.current.status === "degraded");
    expect(receiver.health.current.reason).toBe("receiver silent: no answer to PING within 100 ms");
    simulator.answering = true;
    await until(() => receiver.health.current.status === "ok");
  });

  it("says so when the gateway sends only unreadable data", async () => {
    const { simulator, receiver } = await rig();
    simulator.answering = false;
    const noise = setInterval(
      () => void simulator.sendGarbage(Buffer.from("\xf0\x0f\x99\r\n", "latin1")),
      20,
    );
    cleanups.push(async () => clearInterval(noise));
    await until(() => receiver.health.current.status === "degraded");
    expect(receiver.health.current.reason).toBe("receiver sends unreadable data (wrong baud rate?)");
  });

  it("is unavailable while unplugged and recovers by itself when plugged back", async () => {
    const { pair, simulator, receiver, presses, health } = await rig();
    await pair.unplug();
    await until(() => receiver.health.current.status === "unavailable");
    expect(receiver.health.current.reason).toMatch(/^port unavailable: /);

    await pair.replug();
    await until(() => receiver.health.current.status === "ok");
    await until(() => simulator.isUp);
    await simulator.press("295FD59", 3);
    await until(() => presses.length === 1);
    expect(health.map((change) => change.status)).toEqual(
      expect.arrayContaining(["ok", "unavailable", "degraded", "ok"]),
    );
    expect(health.at(-1)?.status).toBe("ok");
  });
});

describe("createPendantReceiver", () => {
  it("builds a receiver on the configured serial port", async () => {
    const pair = await createPtyPair();
    cleanups.push(() => pair.close());
    const simulator = new RflinkSimulator({ transport: new SerialTransport({ path: pair.devicePath }) });
    cleanups.push(() => simulator.stop());
    simulator.start();
    const receiver = createPendantReceiver({
      type: "rflink",
      transport: "serial",
      path: pair.hostPath,
      pendants: [{ id: "295FD59", switch: "03", button: "call" }],
    });
    cleanups.push(() => receiver.stop());
    const presses: string[] = [];
    receiver.on("press", (press) => presses.push(press.button));
    await receiver.start();
    await until(() => receiver.health.current.status === "ok");
    await until(() => simulator.isUp);
    await simulator.press("295FD59", 3);
    await until(() => presses.length === 1);
    expect(presses).toEqual(["call"]);
  });

  it("rejects bad config with a clear message", () => {
    expect(() =>
      createPendantReceiver({
        type: "rflink",
        transport: "serial",
        path: "/dev/ttyACM0",
        pendants: [{ id: "not-hex", button: "sos" }],
      }),
    ).toThrow(
      "invalid pendant receiver config:\n✖ expected the transmitter id in hex, e.g. 295FD59\n  → at pendants[0].id",
    );
    expect(() => createPendantReceiver({ type: "rflink", transport: "tcp" } as never)).toThrow(/transport/);
  });
});
