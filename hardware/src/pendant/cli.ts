import { mkdir } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { DeviceCli } from "../cli/device-cli";
import { listenToStdin } from "../cli/stdin-commands";
import type { DeviceHealth } from "../health";
import { SerialTransport } from "../transports/serial-transport";
import { createPtyPair, type PtyPair } from "../transports/socat-pty-pair";
import { RFLINK_BAUD_RATE } from "./rflink-codec";
import { RflinkReceiver } from "./rflink-receiver";
import { RflinkSimulator } from "./rflink-simulator";

export interface PendantSimulation {
  simulator: RflinkSimulator;
  pair: PtyPair;
}

const COMMANDS = [
  "press ID [SWITCH]   a pendant press, sent 3 times like a real pendant (e.g. press 295FD59 3)",
  "garbage             a burst of noise on the line",
  "silent | answer     stop / resume answering PING (hung firmware)",
  "unplug | replug     remove / recreate the serial link (same paths)",
  "help",
];

/** Runs one simulator command line and returns what to print. */
export async function runPendantCommand(simulation: PendantSimulation, line: string): Promise<string> {
  const [command = "", ...args] = line.trim().split(/\s+/);
  const { simulator, pair } = simulation;
  switch (command.toLowerCase()) {
    case "":
      return "";
    case "press": {
      const [id, key] = args;
      if (!id || !/^[0-9A-Fa-f]{1,8}$/.test(id))
        return "usage: press ID [SWITCH], ID in hex, e.g. press 295FD59 3";
      if (!simulator.isUp) return "not sent: the serial link is unplugged";
      await simulator.press(id, key);
      return `pressed ${id.toUpperCase()}${key === undefined ? "" : ` switch ${key}`}`;
    }
    case "garbage":
      if (!simulator.isUp) return "not sent: the serial link is unplugged";
      await simulator.sendGarbage();
      return "sent noise";
    case "silent":
      simulator.answering = false;
      return "not answering commands";
    case "answer":
      simulator.answering = true;
      return "answering commands";
    case "unplug":
      await pair.unplug();
      return `unplugged: ${pair.hostPath} is gone`;
    case "replug":
      await pair.replug();
      return `plugged back: ${pair.hostPath}`;
    case "help":
      return COMMANDS.join("\n");
    default:
      return `unknown command "${command}"; try: help`;
  }
}

export const pendantCli: DeviceCli = {
  name: "pendant",
  summary: "RFLink 433 MHz pendant receiver on a serial port (EV1527 pendants)",
  options: [
    "simulate: --dir DIR       directory for the pty links (default: a fresh temporary directory)",
    "simulate: --no-stdin      do not read commands from stdin",
    "check:    --path PATH     serial port of the receiver, e.g. /dev/ttyACM0 (required)",
    `check:    --baud N        baud rate (default ${RFLINK_BAUD_RATE})`,
    "check:    --seconds N     how long to listen for pendants (default 5)",
  ],

  async simulate(args, print) {
    const { values } = parseArgs({
      args,
      options: { dir: { type: "string" }, "no-stdin": { type: "boolean", default: false } },
    });
    if (values.dir) await mkdir(values.dir, { recursive: true });
    const pair = await createPtyPair(values.dir ? { directory: values.dir } : {});
    const simulator = new RflinkSimulator({ transport: new SerialTransport({ path: pair.devicePath }) });
    simulator.start();
    const simulation = { simulator, pair };
    print("RFLink pendant receiver simulator running.");
    print(`  driver serial port: ${pair.hostPath} (${RFLINK_BAUD_RATE} baud)`);
    print(
      `  config: ${JSON.stringify({ type: "rflink", transport: "serial", path: pair.hostPath, pendants: [{ id: "295FD59", switch: 3, button: "sos" }] })}`,
    );
    const stopStdin = values["no-stdin"]
      ? () => {}
      : listenToStdin((line) => runPendantCommand(simulation, line), print);
    if (!values["no-stdin"]) print(`Commands on stdin:\n  ${COMMANDS.join("\n  ")}`);
    return async () => {
      stopStdin();
      await simulator.stop();
      await pair.close();
    };
  },

  async check(args, print): Promise<DeviceHealth> {
    const { values } = parseArgs({
      args,
      options: {
        path: { type: "string" },
        baud: { type: "string", default: String(RFLINK_BAUD_RATE) },
        seconds: { type: "string", default: "5" },
      },
    });
    if (!values.path) throw new Error("--path is required, e.g. --path /dev/ttyACM0");
    const baudRate = Number(values.baud);
    const seconds = Number(values.seconds);
    if (!Number.isInteger(baudRate) || baudRate <= 0) throw new Error(`--baud must be a positive integer`);
    if (!(seconds > 0)) throw new Error(`--seconds must be a positive number`);

    const receiver = new RflinkReceiver({
      transport: new SerialTransport({ path: values.path, baudRate }),
      pendants: [],
      pingIntervalMs: 1000,
      pingTimeoutMs: 800,
    });
    receiver.on("unknown", (heard) => {
      print(
        `heard ${heard.protocol} ID=${heard.id}${heard.switch === undefined ? "" : ` SWITCH=${heard.switch}`} CMD=${heard.cmd ?? "-"}`,
      );
    });
    print(`Listening on ${values.path} for ${seconds} s: press a pendant to see its ID.`);
    await receiver.start();
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const health = receiver.health.current;
    await receiver.stop();
    print(`firmware: ${receiver.version ?? "unknown (no answer to VERSION)"}`);
    print(`health: ${health.status}${health.reason ? ` (${health.reason})` : ""}`);
    return health;
  },
};
