import { mkdir } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { DeviceCli } from "../cli/device-cli";
import { listenToStdin } from "../cli/stdin-commands";
import type { DeviceHealth } from "../health";
import { SerialTransport } from "../transports/serial-transport";
import { SAM_V_BAUD_RATE } from "./config";
import { IdCardReader } from "./id-card-reader";
import { cardNumberOf, type IdCard } from "./id-card-text";
import { maskIdNumber } from "./id-number";
import { type PtySamVSimulator, startSamVSimulatorOnPty } from "./sam-v-simulator";
import { isSampleCardName, type SampleCardName, sampleCards } from "./sample-cards";

const SAMPLE_NAMES = Object.keys(sampleCards) as SampleCardName[];

const COMMANDS = [
  `place NAME      put a sample card on the reader (${SAMPLE_NAMES.join(", ")}); 1-${SAMPLE_NAMES.length} for short`,
  "remove | r      take the card away",
  "fault | clear   make the SAM fail its self-test / work again",
  "garbage | g     send line noise and a frame cut short",
  "unplug | replug remove / recreate the serial link (same paths)",
  "help",
];

/** A one-line description without personal data in clear. */
export function describeCard(card: IdCard): string {
  return `${card.type} card ${maskIdNumber(cardNumberOf(card))}`;
}

/** Runs one simulator command line and returns what to print. */
export async function runIdCardCommand(simulation: PtySamVSimulator, line: string): Promise<string> {
  const [command = "", argument] = line.trim().split(/\s+/);
  const { simulator, pty } = simulation;
  const byNumber = SAMPLE_NAMES[Number(command) - 1];
  if (byNumber) return runIdCardCommand(simulation, `place ${byNumber}`);
  switch (command.toLowerCase()) {
    case "":
      return "";
    case "place": {
      if (!argument || !isSampleCardName(argument))
        return `usage: place NAME, NAME one of ${SAMPLE_NAMES.join(", ")}`;
      simulator.placeCard(sampleCards[argument]);
      return `placed ${argument}: ${describeCard(sampleCards[argument])}`;
    }
    case "r":
    case "remove":
      simulator.removeCard();
      return "card removed";
    case "fault":
      simulator.setSamFault();
      return "SAM fails its self-test (status 0x60)";
    case "clear":
      simulator.clearSamFault();
      return "SAM works again";
    case "g":
    case "garbage":
      await simulator.sendGarbage();
      return "sent noise";
    case "unplug":
      await pty.unplug();
      return `unplugged: ${pty.hostPath} is gone`;
    case "replug":
      await pty.replug();
      return `plugged back: ${pty.hostPath}`;
    case "help":
      return COMMANDS.join("\n");
    default:
      return `unknown command "${command}"; try: help`;
  }
}

function positiveInteger(value: string, option: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new Error(`${option} must be a positive integer`);
  return number;
}

export const idCardCli: DeviceCli = {
  name: "id-card",
  summary: "resident ID card reader (二代证) speaking SAM_V on a serial port",
  options: [
    `simulate: --card NAME      place a sample card at start (${SAMPLE_NAMES.join(", ")})`,
    "simulate: --dir DIR        directory for the pty links (default: a fresh temporary directory)",
    "simulate: --read-ms N      how long reading a card takes (default 300)",
    "simulate: --no-stdin       do not read commands from stdin",
    "check:    --path PATH      serial port of the reader, e.g. /dev/ttyUSB0 (required)",
    `check:    --baud N         baud rate (default ${SAM_V_BAUD_RATE})`,
    "check:    --seconds N      how long to wait for a card (default 3)",
  ],

  async simulate(args, print) {
    const { values } = parseArgs({
      args,
      options: {
        card: { type: "string" },
        dir: { type: "string" },
        "read-ms": { type: "string", default: "300" },
        "no-stdin": { type: "boolean", default: false },
      },
    });
    if (values.card !== undefined && !isSampleCardName(values.card)) {
      throw new Error(`--card must be one of ${SAMPLE_NAMES.join(", ")}`);
    }
    const readDelayMs = Number(values["read-ms"]);
    if (!(readDelayMs >= 0)) throw new Error("--read-ms must be a number of milliseconds");
    if (values.dir) await mkdir(values.dir, { recursive: true });
    const simulation = await startSamVSimulatorOnPty({
      readDelayMs,
      ...(values.dir ? { directory: values.dir } : {}),
    });
    if (values.card) simulation.simulator.placeCard(sampleCards[values.card as SampleCardName]);
    print("SAM_V ID card reader simulator running.");
    print(`  driver serial port: ${simulation.hostPath} (${SAM_V_BAUD_RATE} baud)`);
    print(`  config: ${JSON.stringify({ type: "sam-v", transport: "serial", path: simulation.hostPath })}`);
    print(
      `  card on the reader: ${simulation.simulator.card ? describeCard(simulation.simulator.card) : "none"}`,
    );
    const useStdin = !values["no-stdin"];
    const stopStdin = useStdin
      ? listenToStdin((line) => runIdCardCommand(simulation, line), print)
      : () => {};
    if (useStdin) print(`Commands on stdin:\n  ${COMMANDS.join("\n  ")}`);
    return async () => {
      stopStdin();
      await simulation.close();
    };
  },

  async check(args, print): Promise<DeviceHealth> {
    const { values } = parseArgs({
      args,
      options: {
        path: { type: "string" },
        baud: { type: "string", default: String(SAM_V_BAUD_RATE) },
        seconds: { type: "string", default: "3" },
      },
    });
    if (!values.path) throw new Error("--path is required, e.g. --path /dev/ttyUSB0");
    const baudRate = positiveInteger(values.baud, "--baud");
    const seconds = Number(values.seconds);
    if (!(seconds > 0)) throw new Error("--seconds must be a positive number");

    const reader = new IdCardReader({
      transport: new SerialTransport({ path: values.path, baudRate }),
      pollIntervalMs: 200,
    });
    print(`Probing ${values.path} for ${seconds} s...`);
    const card = new Promise<IdCard | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), seconds * 1000);
      reader.once("card", (read) => {
        clearTimeout(timer);
        resolve(read);
      });
    });
    const unreadable: string[] = [];
    reader.on("unreadable", (reason) => unreadable.push(reason));
    await reader.start();
    const read = await card;
    const health = reader.health.current;
    await reader.stop();
    print(`SAM id: ${reader.samId ?? "unknown (no answer)"}`);
    if (read) print(`card: ${describeCard(read)}${validity(read)}`);
    else if (unreadable.length > 0) print(`card: present but unreadable (${unreadable[0]})`);
    else print("card: none on the reader");
    print(`health: ${health.status}${health.reason ? ` (${health.reason})` : ""}`);
    return health;
  },
};

function validity(card: IdCard): string {
  if (card.type === "resident" || card.type === "hk-mo-tw-residence-permit") {
    return card.idNumberValid ? ", check digit ok" : ", CHECK DIGIT WRONG";
  }
  if (card.type === "foreign-permanent-resident-2023") {
    return card.cardNumberValid ? ", check digit ok" : ", CHECK DIGIT WRONG";
  }
  return "";
}
