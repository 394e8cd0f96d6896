/** SOS figures for `npm run bench`, measured while the link benchmark's terminals are all linked. */

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { RflinkSimulator } from "@linli/hardware/pendant/rflink-simulator";
import { SerialTransport } from "@linli/hardware/transports/serial-transport";
import { createPtyPair } from "@linli/hardware/transports/socat-pty-pair";
import type { PresenceChange } from "@linli/protocol";
import pino from "pino";
import { io } from "socket.io-client";
import { saveCredentials } from "../../kiosk/runtime/credentials";
import { deviceFactories } from "../../kiosk/runtime/device-factories";
import { DeviceHost } from "../../kiosk/runtime/device-host";
import { terminalConfigSchema } from "../../kiosk/runtime/terminal-config";
import { TerminalRuntime } from "../../kiosk/runtime/terminal-runtime";
import { tsx } from "../../test-support/child-process";

type Credentials = { terminalId: string; token: string };
const PENDANTS = ["295FD59", "295FD5A", "295FD5B", "295FD5C", "295FD5D"];

export function percentiles(samples: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { p50: round(at(50)), p99: round(at(99)), max: round(sorted.at(-1)!) };
}

/** Pendant press on the simulator → the elder unit's runtime → the server → an open console has it. */
export async function measureSos(options: {
  base: string;
  token: string;
  unit: Credentials;
  dir: string;
  samples: number;
}) {
  const log = pino({ level: "silent" });
  const pty = await createPtyPair();
  const pendant = new RflinkSimulator({ transport: new SerialTransport({ path: pty.devicePath }) });
  pendant.start();
  const dataDir = join(options.dir, "sos-unit");
  saveCredentials(dataDir, { server: options.base, ...options.unit });
  const config = terminalConfigSchema.parse({
    server: options.base,
    dataDir,
    devices: {
      pendant: {
        type: "rflink",
        transport: "serial",
        path: pty.hostPath,
        pendants: PENDANTS.map((id) => ({ id, switch: 3, button: "sos" })),
      },
    },
  });
  const runtime = new TerminalRuntime({
    config,
    kind: "elder",
    version: "bench",
    log,
    devices: new DeviceHost(config.devices, deviceFactories, log),
  });
  const console = io(`${options.base}/console`, {
    auth: { token: options.token },
    transports: ["websocket"],
  });
  const arrivals: number[] = [];
  console.on("alarm:raised", () => arrivals.push(performance.now()));
  await runtime.start();
  while (runtime.snapshot().link.state !== "online" || runtime.snapshot().devices[0]?.status !== "ok") {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const latencies: number[] = [];
  for (let i = 0; i < options.samples; i++) {
    const pressedAt = performance.now();
    const expected = arrivals.length + 1;
    // Five pendants in turn: each press is outside its pendant's one-second repeat window.
    await pendant.press(PENDANTS[i % PENDANTS.length]!, 3, { repeats: 1 });
    while (arrivals.length < expected) await new Promise((resolve) => setTimeout(resolve, 1));
    latencies.push(arrivals[expected - 1]! - pressedAt);
    await new Promise((resolve) => setTimeout(resolve, 220));
  }
  console.disconnect();
  await runtime.stop();
  await pendant.stop();
  await pty.close();
  return percentiles(latencies);
}

/** A unit's process frozen (link open, nothing said): how long until the console is told it is offline. */
export async function measureSilentUnit(options: {
  base: string;
  token: string;
  unit: Credentials;
  dir: string;
}) {
  const dataDir = join(options.dir, "silent-unit");
  saveCredentials(dataDir, { server: options.base, ...options.unit });
  const configFile = join(options.dir, "silent-unit.json");
  writeFileSync(configFile, JSON.stringify({ server: options.base, dataDir }));
  const unit = tsx("kiosk/test/headless-terminal.ts", [configFile]);
  await unit.waitFor(/^state online$/, 60_000);
  const console = io(`${options.base}/console`, {
    auth: { token: options.token },
    transports: ["websocket"],
  });
  await new Promise<void>((resolve) => console.once("connect", () => resolve()));
  const flagged = new Promise<number>((resolve) =>
    console.on("terminal:presence", (change: PresenceChange) => {
      if (change.terminalId === options.unit.terminalId && !change.online) resolve(performance.now());
    }),
  );
  const frozenAt = performance.now();
  unit.signal("SIGSTOP");
  const seconds = ((await flagged) - frozenAt) / 1000;
  unit.signal("SIGCONT");
  await unit.kill();
  console.disconnect();
  return seconds;
}
