import { createSocket } from "node:dgram";
import { afterEach, describe, expect, it } from "vitest";
import { gateCli, runGateCommand } from "./cli";
import { UhppoteController } from "./uhppote-controller";
import { UhppoteSimulator } from "./uhppote-simulator";

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function simulate(): Promise<{ port: number; printed: string[] }> {
  const printed: string[] = [];
  const stop = await gateCli.simulate(
    ["--bind", "127.0.0.1:0", "--serial", "423187757", "--no-stdin"],
    (line) => printed.push(line),
  );
  cleanups.push(stop);
  const match = /listening on udp 127\.0\.0\.1:(\d+)$/.exec(printed[0] ?? "");
  if (!match) throw new Error(`unexpected output: ${printed[0]}`);
  return { port: Number(match[1]), printed };
}

describe("gate simulate and check", () => {
  it("prints where the simulator listens, and a check there reports its status, cards and health", async () => {
    const { port, printed } = await simulate();
    expect(printed[0]).toBe(`UHPPOTE controller simulator 423187757 listening on udp 127.0.0.1:${port}`);
    expect(printed).toContain(
      `  config: {"type":"uhppote","host":"127.0.0.1","port":${port},"serialNumber":423187757}`,
    );

    const checked: string[] = [];
    const health = await gateCli.check(
      ["--host", "127.0.0.1", "--port", String(port), "--serial", "423187757"],
      (line) => checked.push(line),
    );
    expect(health).toEqual({ device: "gate-423187757", status: "ok" });
    expect(checked[0]).toBe(`controller 423187757 at 127.0.0.1:${port}`);
    expect(checked[1]).toMatch(/^time: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(checked).toContain("last event: none");
    expect(checked).toContain("cards: 0");
    expect(checked).toContain("event listener: not set");
    expect(checked.at(-1)).toBe("health: ok");

    // Events caused over the network are printed by the simulator as they happen.
    const gate = new UhppoteController({ host: "127.0.0.1", port, serialNumber: 423187757 });
    expect(await gate.openDoor(2)).toBe(true);
    expect(printed.at(-1)).toMatch(/^event #1 .* door 2: granted \(remote open door\)$/);
  });

  it("finds the serial number by discovery when none is given", async () => {
    const { port } = await simulate();
    const checked: string[] = [];
    const health = await gateCli.check(
      ["--host", "127.0.0.1", "--port", String(port), "--timeout", "200"],
      (line) => checked.push(line),
    );
    expect(checked[0]).toBe("found controller 423187757 at 127.0.0.1 (00:12:23:34:45:56, firmware v8.92)");
    expect(health.status).toBe("ok");
  });

  it("reports a controller that does not answer", async () => {
    const silent = createSocket("udp4");
    await new Promise<void>((resolve) => silent.bind(0, "127.0.0.1", () => resolve()));
    cleanups.push(() => new Promise<void>((resolve) => silent.close(() => resolve())));
    const port = silent.address().port;
    const checked: string[] = [];
    const health = await gateCli.check(
      ["--host", "127.0.0.1", "--port", String(port), "--serial", "1", "--timeout", "50"],
      (line) => checked.push(line),
    );
    expect(health.status).toBe("unavailable");
    expect(checked[0]).toBe(`no reply to getStatus from controller 1 at 127.0.0.1:${port} after 3 attempts`);

    const discovered = await gateCli.check(
      ["--host", "127.0.0.1", "--port", String(port), "--timeout", "50"],
      () => {},
    );
    expect(discovered).toEqual({
      device: "gate",
      status: "unavailable",
      reason: `no controller answered discovery at 127.0.0.1:${port}`,
    });
  });

  it("rejects bad options", async () => {
    await expect(gateCli.check([], () => {})).rejects.toThrow("--host is required");
    await expect(gateCli.simulate(["--bind", "localhost"], () => {})).rejects.toThrow(
      "--bind must be HOST:PORT",
    );
  });
});

describe("gate simulator commands", () => {
  it("adds cards and swipes them", async () => {
    const sim = new UhppoteSimulator({ serialNumber: 1, port: 0 });
    await sim.start();
    cleanups.push(() => sim.stop());
    expect(runGateCommand(sim, "card 10058400 2025-01-01 2099-12-31 1,0,0,0")).toBe(
      "card 10058400 valid 2025-01-01 to 2099-12-31, doors 1,0,0,0",
    );
    expect(runGateCommand(sim, "swipe 10058400 1")).toMatch(
      /^#1 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d door 1 in card 10058400: granted \(card swiped\)$/,
    );
    expect(runGateCommand(sim, "swipe 10058400 2 out")).toMatch(
      /door 2 out card 10058400: not granted \(denied: no access\)$/,
    );
    expect(runGateCommand(sim, "open 3")).toMatch(/door 3: not granted \(forced open\)$/);
    expect(runGateCommand(sim, "button 1")).toMatch(/door 1: granted \(push button\)$/);
    expect(runGateCommand(sim, "events 2").split("\n")).toHaveLength(2);
    expect(runGateCommand(sim, "cards")).toBe("10058400 2025-01-01 2099-12-31 doors 1,0,0,0");
    expect(runGateCommand(sim, "status")).toMatch(/doors open N N Y N/);
  });

  it("answers bad input with a message", async () => {
    const sim = new UhppoteSimulator({ serialNumber: 1, port: 0 });
    expect(runGateCommand(sim, "swipe abc 1")).toBe("error: CARD must be a positive integer, got abc");
    expect(runGateCommand(sim, "swipe 1 9")).toBe("error: door must be 1–4, got 9");
    expect(runGateCommand(sim, "card 5 2025-02-30 2026-01-01")).toMatch(
      /^error: card valid-from date must be a date/,
    );
    expect(runGateCommand(sim, "card 5 1,2")).toBe("error: DOORS must be four numbers 0–254, e.g. 1,1,0,0");
    expect(runGateCommand(sim, "dance")).toBe('unknown command "dance"; try: help');
    expect(runGateCommand(sim, "cards")).toBe("no cards");
  });
});
