import { afterEach, describe, expect, it } from "vitest";
import type { DeviceHealth } from "../health";
import { SerialTransport } from "../transports/serial-transport";
import { IdCardReader, type IdCardReaderOptions } from "./id-card-reader";
import type { IdCard } from "./id-card-text";
import { type PtySamVSimulator, startSamVSimulatorOnPty } from "./sam-v-simulator";
import { sampleCards } from "./sample-cards";

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function waitFor<T>(probe: () => T | undefined | false, what: string, timeoutMs = 4000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

interface Rig {
  sim: PtySamVSimulator;
  reader: IdCardReader;
  cards: IdCard[];
  removals: number[];
  unreadable: string[];
  healths: DeviceHealth[];
}

async function rig(options: Partial<IdCardReaderOptions> = {}): Promise<Rig> {
  const sim = await startSamVSimulatorOnPty();
  cleanups.push(() => sim.close());
  const reader = new IdCardReader({
    transport: new SerialTransport({ path: sim.hostPath, presenceCheckMs: 50 }),
    pollIntervalMs: 30,
    commandTimeoutMs: 250,
    readTimeoutMs: 500,
    reconnect: { initialDelayMs: 20, maxDelayMs: 100 },
    ...options,
  });
  const result: Rig = { sim, reader, cards: [], removals: [], unreadable: [], healths: [] };
  reader.on("card", (card) => result.cards.push(card));
  reader.on("removed", () => result.removals.push(Date.now()));
  reader.on("unreadable", (reason) => result.unreadable.push(reason));
  reader.health.on("change", (health) => result.healths.push(health));
  cleanups.push(() => reader.stop());
  await reader.start();
  return result;
}

describe("IdCardReader ↔ SamVSimulator over a socat pty pair", { timeout: 15_000 }, () => {
  it("reads the SAM id, then a placed card once, then notices its removal and the next card", async () => {
    const { sim, reader, cards, removals } = await rig();
    await waitFor(() => reader.health.current.status === "ok", "health ok");
    expect(reader.samId).toBe("05.01-20230615-0012345678-3210987654");
    expect(reader.card).toBeUndefined();

    sim.simulator.placeCard(sampleCards.resident);
    const card = await waitFor(() => cards[0], "first card");
    expect(card).toEqual(sampleCards.resident);
    expect(reader.card).toEqual(sampleCards.resident);
    // Lying on the reader, the card is not read again and again.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(cards).toHaveLength(1);
    expect(sim.simulator.received.filter((command) => command === "3001")).toHaveLength(1);

    sim.simulator.removeCard();
    await waitFor(() => removals.length === 1, "removal");
    expect(reader.card).toBeUndefined();

    sim.simulator.placeCard(sampleCards.foreign2023);
    const second = await waitFor(() => cards[1], "second card");
    expect(second).toEqual(sampleCards.foreign2023);
  });

  it("reads a card that is already on the reader when it starts, with the fingerprint when asked", async () => {
    const sim = await startSamVSimulatorOnPty();
    cleanups.push(() => sim.close());
    const withFingerprint = { ...sampleCards.elder, fingerprint: Buffer.alloc(1024, 0x5a) };
    sim.simulator.placeCard(withFingerprint);
    const reader = new IdCardReader({
      transport: new SerialTransport({ path: sim.hostPath }),
      pollIntervalMs: 30,
      readFingerprint: true,
    });
    cleanups.push(() => reader.stop());
    const card = new Promise<IdCard>((resolve) => reader.once("card", resolve));
    await reader.start();
    expect(await card).toEqual(withFingerprint);
    expect(sim.simulator.received).toContain("3010");
  });

  it("reports a SAM fault as unavailable, forgets the card, and recovers when the SAM is fine again", async () => {
    const { sim, reader, removals } = await rig();
    sim.simulator.placeCard(sampleCards.permit);
    await waitFor(() => reader.card, "card");
    sim.simulator.setSamFault();
    await waitFor(() => reader.health.current.status === "unavailable", "unavailable");
    expect(reader.health.current.reason).toBe("SAM fault: SAM self-test failed (0x60)");
    expect(removals).toHaveLength(1);
    sim.simulator.clearSamFault();
    await waitFor(() => reader.health.current.status === "ok", "ok again");
    await waitFor(() => reader.card, "card read again");
  });

  it("reads through garbage, a bad checksum and a frame cut short", async () => {
    const { sim, reader, cards, healths } = await rig();
    await waitFor(() => reader.health.current.status === "ok", "health ok");
    healths.length = 0;
    await sim.simulator.sendGarbage();
    await sim.simulator.sendGarbage(Buffer.from("aaaaaa9669ffff", "hex"));
    sim.simulator.spoilNextAnswer("garbage-before", "bad-checksum", "cut-short");
    sim.simulator.placeCard(sampleCards.resident);
    const card = await waitFor(() => cards[0], "card");
    expect(card.type === "resident" && card.idNumber).toBe("430302198503122428");
    // The answers that were lost cost a timeout each (degraded), never the reader itself.
    expect(healths.map((h) => h.status)).toContain("degraded");
    expect(healths.map((h) => h.status)).not.toContain("unavailable");
    await waitFor(() => reader.health.current.status === "ok", "ok again");
  });

  it("goes degraded, then unavailable when the reader stops answering, and back to ok by itself", async () => {
    const { sim, reader, healths } = await rig({ timeoutsBeforeUnavailable: 3 });
    await waitFor(() => reader.health.current.status === "ok", "health ok");
    sim.simulator.spoilNextAnswer("silence", "silence", "silence");
    await waitFor(() => reader.health.current.status === "unavailable", "unavailable");
    expect(reader.health.current.reason).toBe("reader not answering (3 timeouts in a row)");
    await waitFor(() => reader.health.current.status === "ok", "ok again");
    expect(healths.map((h) => h.status).slice(-3)).toEqual(["degraded", "unavailable", "ok"]);
  });

  it("survives an unplug (socat killed) and reads again after the replug", async () => {
    const { sim, reader, cards, removals } = await rig();
    sim.simulator.placeCard(sampleCards.resident);
    await waitFor(() => cards[0], "card");

    await sim.pty.unplug();
    await waitFor(() => reader.health.current.status === "unavailable", "unavailable");
    expect(reader.health.current.reason).toMatch(/^reader not connected \(serial .*host @115200: /);
    // Without its reader, the kiosk must forget the resident.
    expect(removals).toHaveLength(1);

    await sim.pty.replug();
    await waitFor(() => reader.health.current.status === "ok", "ok after replug");
    await waitFor(() => cards[1], "card read again");
    expect(cards[1]).toEqual(sampleCards.resident);
  });

  it("reports a driver that cannot open its port, and stops cleanly", async () => {
    const reader = new IdCardReader({
      transport: new SerialTransport({ path: "/tmp/linli-no-such-reader" }),
      reconnect: { initialDelayMs: 20 },
    });
    await reader.start();
    await waitFor(() => reader.health.current.reason?.startsWith("reader not connected"), "not connected");
    expect(reader.health.current.status).toBe("unavailable");
    await reader.stop();
    expect(reader.health.current).toEqual({ device: "id-card", status: "unavailable", reason: "stopped" });
  });
});
