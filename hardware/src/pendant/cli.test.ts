import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SerialTransport } from "../transports/serial-transport";
import { createPtyPair } from "../transports/socat-pty-pair";
import { pendantCli, runPendantCommand } from "./cli";
import { RflinkSimulator } from "./rflink-simulator";

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

describe("pendant simulate", () => {
  it("prints the port a driver opens, and a receiver check there finds a healthy gateway", async () => {
    const directory = await mkdtemp(join(tmpdir(), "linli-pendant-cli-"));
    cleanups.push(() => rm(directory, { recursive: true, force: true }));
    const printed: string[] = [];
    const stop = await pendantCli.simulate(["--dir", directory, "--no-stdin"], (line) => printed.push(line));
    cleanups.push(stop);
    const hostPath = join(directory, "host");
    expect(printed).toContain(`  driver serial port: ${hostPath} (57600 baud)`);
    expect(existsSync(hostPath)).toBe(true);

    const checked: string[] = [];
    const health = await pendantCli.check(["--path", hostPath, "--seconds", "0.5"], (line) =>
      checked.push(line),
    );
    expect(health).toEqual({ device: "pendant", status: "ok" });
    expect(checked).toContain("firmware: VER=1.1;REV=48;BUILD=08");
    expect(checked).toContain("health: ok");
  });

  it("reports a missing port as unavailable", async () => {
    const checked: string[] = [];
    const health = await pendantCli.check(["--path", "/tmp/linli-no-such-port", "--seconds", "0.2"], (line) =>
      checked.push(line),
    );
    expect(health.status).toBe("unavailable");
    expect(checked.at(-1)).toMatch(/^health: unavailable \(port unavailable: .*no-such-port/);
  });

  it("rejects a check without a port", async () => {
    await expect(pendantCli.check([], () => {})).rejects.toThrow("--path is required");
  });
});

describe("pendant simulator commands", () => {
  it("presses, unplugs and replugs", async () => {
    const pair = await createPtyPair();
    cleanups.push(() => pair.close());
    const simulator = new RflinkSimulator({ transport: new SerialTransport({ path: pair.devicePath }) });
    cleanups.push(() => simulator.stop());
    simulator.start();
    const host = new SerialTransport({ path: pair.hostPath });
    cleanups.push(() => host.close());
    await host.open();
    let received = "";
    host.on("data", (chunk) => {
      received += chunk.toString("latin1");
    });
    while (!simulator.isUp) await new Promise((resolve) => setTimeout(resolve, 5));
    const simulation = { simulator, pair };

    expect(await runPendantCommand(simulation, "press 295fd59 3")).toBe("pressed 295FD59 switch 3");
    while (received.split("EV1527").length < 4) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(received.match(/20;[0-9A-F]{2};EV1527;ID=295FD59;SWITCH=3;CMD=ON;\r\n/g)).toHaveLength(3);

    expect(await runPendantCommand(simulation, "press zz")).toMatch(/^usage: press ID/);
    expect(await runPendantCommand(simulation, "fly")).toBe('unknown command "fly"; try: help');
    expect(await runPendantCommand(simulation, "unplug")).toBe(`unplugged: ${pair.hostPath} is gone`);
    expect(existsSync(pair.hostPath)).toBe(false);
    while (simulator.isUp) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await runPendantCommand(simulation, "press 1")).toBe("not sent: the serial link is unplugged");
    expect(await runPendantCommand(simulation, "replug")).toBe(`plugged back: ${pair.hostPath}`);
    expect(existsSync(pair.hostPath)).toBe(true);
  });
});
