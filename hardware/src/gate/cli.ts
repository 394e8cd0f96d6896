import { parseArgs } from "node:util";
import type { DeviceCli } from "../cli/device-cli";
import { listenToStdin } from "../cli/stdin-commands";
import type { DeviceHealth } from "../health";
import { UhppoteTimeoutError } from "./udp-exchange";
import {
  type CardRecord,
  DIRECTIONS,
  EVENT_REASONS,
  type GateEvent,
  toControllerDate,
  UHPPOTE_PORT,
} from "./uhppote-codec";
import { UhppoteController } from "./uhppote-controller";
import { discoverControllers } from "./uhppote-discovery";
import { UhppoteSimulator } from "./uhppote-simulator";

const COMMANDS = [
  "card CARD [FROM TO] [DOORS]  add a card, e.g. card 10058400 2025-01-01 2025-12-31 1,1,0,0",
  "                             (default: valid from today to 2099-12-31 on all four doors)",
  "swipe CARD DOOR [in|out]     hold a card to a door's reader, e.g. swipe 10058400 1",
  "button DOOR                  press a door's exit button",
  "open DOOR | close DOOR       push a door open / let it close",
  "cards | events [N] | status  show the card list, the last N events (default 10), the status",
  "help",
];

function describeEvent(event: GateEvent): string {
  const what = EVENT_REASONS[event.reason] ?? `reason ${event.reason}`;
  const card = event.card ? ` card ${event.card}` : "";
  const direction = event.type === 1 ? (event.direction === DIRECTIONS.out ? " out" : " in") : "";
  return `#${event.index} ${event.timestamp ?? "-"} door ${event.door}${direction}${card}: ${event.granted ? "granted" : "not granted"} (${what})`;
}

function positiveInteger(text: string | undefined, what: string): number {
  const value = Number(text);
  if (!text || !Number.isInteger(value) || value <= 0 || value > 0xffffffff) {
    throw new Error(`${what} must be a positive integer, got ${text ?? "nothing"}`);
  }
  return value;
}

/** Runs one simulator command line and returns what to print. Bad input gives a message, not an exception. */
export function runGateCommand(sim: UhppoteSimulator, line: string): string {
  const [command = "", ...args] = line.trim().split(/\s+/);
  try {
    switch (command.toLowerCase()) {
      case "":
        return "";
      case "card": {
        const cardNumber = positiveInteger(args[0], "CARD");
        const dated = args.length >= 3;
        const doorsText = dated ? args[3] : args[1];
        const doors = (doorsText ?? "1,1,1,1").split(",").map(Number);
        if (
          doors.length !== 4 ||
          doors.some((access) => !Number.isInteger(access) || access < 0 || access > 254)
        ) {
          throw new Error("DOORS must be four numbers 0–254, e.g. 1,1,0,0");
        }
        const card: CardRecord = {
          cardNumber,
          from: dated ? (args[1] as string) : toControllerDate(new Date()),
          to: dated ? (args[2] as string) : "2099-12-31",
          doors: doors as CardRecord["doors"],
          pin: 0,
        };
        sim.addCard(card);
        return `card ${cardNumber} valid ${card.from} to ${card.to}, doors ${card.doors.join(",")}`;
      }
      case "swipe": {
        const cardNumber = positiveInteger(args[0], "CARD");
        const door = positiveInteger(args[1], "DOOR");
        const direction = args[2]?.toLowerCase() === "out" ? DIRECTIONS.out : DIRECTIONS.in;
        return describeEvent(sim.swipe(cardNumber, door, direction).event);
      }
      case "button":
        return describeEvent(sim.pressButton(positiveInteger(args[0], "DOOR")));
      case "open":
        return describeEvent(sim.forceOpen(positiveInteger(args[0], "DOOR")));
      case "close":
        return describeEvent(sim.closeDoor(positiveInteger(args[0], "DOOR")));
      case "cards":
        return (
          sim.cards
            .map((card) => `${card.cardNumber} ${card.from} ${card.to} doors ${card.doors.join(",")}`)
            .join("\n") || "no cards"
        );
      case "events": {
        const count = args[0] === undefined ? 10 : positiveInteger(args[0], "N");
        return sim.events.slice(-count).map(describeEvent).join("\n") || "no events";
      }
      case "status": {
        const status = sim.status();
        return [
          `time ${status.time}`,
          `doors open ${status.doorOpen.map((open) => (open ? "Y" : "N")).join(" ")}`,
          `relays 0b${status.relays.toString(2).padStart(4, "0")}`,
          `last event ${status.event ? describeEvent(status.event) : "none"}`,
        ].join("\n");
      }
      case "help":
        return COMMANDS.join("\n");
      default:
        return `unknown command "${command}"; try: help`;
    }
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

function parseHostPort(text: string): { host: string; port: number } {
  const match = /^([^\s:]+):(\d{1,5})$/.exec(text);
  const port = Number(match?.[2]);
  if (!match?.[1] || port > 65535)
    throw new Error(`--bind must be HOST:PORT, e.g. 127.0.0.1:60000, got ${text}`);
  return { host: match[1], port };
}

export const gateCli: DeviceCli = {
  name: "gate",
  summary: "WG/UHPPOTE access controller on UDP (doors, cards, events)",
  options: [
    `simulate: --bind HOST:PORT   where to listen (default 127.0.0.1:${UHPPOTE_PORT})`,
    "simulate: --serial N         controller serial number (default 423187757)",
    "simulate: --no-stdin         do not read commands from stdin",
    "check:    --host HOST        controller address (required)",
    `check:    --port N           UDP port (default ${UHPPOTE_PORT})`,
    "check:    --serial N         serial number (default: found by discovery at HOST)",
    "check:    --timeout MS       wait per attempt (default 1000)",
  ],

  async simulate(args, print) {
    const { values } = parseArgs({
      args,
      options: {
        bind: { type: "string", default: `127.0.0.1:${UHPPOTE_PORT}` },
        serial: { type: "string", default: "423187757" },
        "no-stdin": { type: "boolean", default: false },
      },
    });
    const bind = parseHostPort(values.bind);
    const serialNumber = positiveInteger(values.serial, "--serial");
    const sim = new UhppoteSimulator({ serialNumber, host: bind.host, port: bind.port });
    const { host, port } = await sim.start();
    // Events of stdin commands are printed as the command's answer; print the others (remote open).
    let runningCommand = false;
    sim.on("event", (event) => {
      if (!runningCommand) print(`event ${describeEvent(event)}`);
    });
    const run = (line: string) => {
      runningCommand = true;
      try {
        return runGateCommand(sim, line);
      } finally {
        runningCommand = false;
      }
    };
    print(`UHPPOTE controller simulator ${serialNumber} listening on udp ${host}:${port}`);
    print(`  config: ${JSON.stringify({ type: "uhppote", host, port, serialNumber })}`);
    print(`  check it: npm run device-check -- gate --host ${host} --port ${port} --serial ${serialNumber}`);
    const stopStdin = values["no-stdin"] ? () => {} : listenToStdin(run, print);
    if (!values["no-stdin"]) print(`Commands on stdin:\n  ${COMMANDS.join("\n  ")}`);
    return async () => {
      stopStdin();
      await sim.stop();
    };
  },

  async check(args, print): Promise<DeviceHealth> {
    const { values } = parseArgs({
      args,
      options: {
        host: { type: "string" },
        port: { type: "string", default: String(UHPPOTE_PORT) },
        serial: { type: "string" },
        timeout: { type: "string", default: "1000" },
      },
    });
    if (!values.host) throw new Error("--host is required, e.g. --host 192.168.1.100");
    const host = values.host;
    const port = positiveInteger(values.port, "--port");
    const timeoutMs = positiveInteger(values.timeout, "--timeout");

    let serialNumber: number;
    if (values.serial !== undefined) serialNumber = positiveInteger(values.serial, "--serial");
    else {
      const found = await discoverControllers({ address: host, port, timeoutMs });
      for (const controller of found) {
        print(
          `found controller ${controller.serialNumber} at ${controller.address} (${controller.macAddress}, firmware ${controller.version})`,
        );
      }
      const [only] = found;
      if (found.length !== 1 || !only) {
        const reason =
          found.length === 0
            ? `no controller answered discovery at ${host}:${port}`
            : "several controllers answered: choose one with --serial";
        print(`health: unavailable (${reason})`);
        return { device: "gate", status: "unavailable", reason };
      }
      serialNumber = only.serialNumber;
    }

    const controller = new UhppoteController({ host, port, serialNumber, timeoutMs });
    try {
      const status = await controller.getStatus();
      print(`controller ${serialNumber} at ${host}:${port}`);
      print(`time: ${status.time ?? "not set"}`);
      print(`doors open: ${status.doorOpen.map((open, i) => `${i + 1}:${open ? "Y" : "N"}`).join(" ")}`);
      print(`last event: ${status.event ? describeEvent(status.event) : "none"}`);
      print(`cards: ${await controller.getCardCount()}`);
      const listener = await controller.getListener();
      print(`event listener: ${listener.port === 0 ? "not set" : `${listener.address}:${listener.port}`}`);
    } catch (error) {
      if (!(error instanceof UhppoteTimeoutError)) throw error;
      print(error.message);
    }
    await controller.checkHealth();
    const health = controller.health.current;
    print(`health: ${health.status}${health.reason ? ` (${health.reason})` : ""}`);
    return health;
  },
};
