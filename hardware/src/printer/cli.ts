import { mkdir } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { DeviceCli } from "../cli/device-cli";
import { listenToStdin } from "../cli/stdin-commands";
import type { DeviceHealth } from "../health";
import type { PtyPair } from "../transports/socat-pty-pair";
import {
  ESCPOS_DEFAULT_BAUD_RATE,
  ESCPOS_DEFAULT_TCP_PORT,
  type EscPosPrinterConfigInput,
  parseEscPosPrinterConfig,
} from "./config";
import { documentText } from "./escpos-decoder";
import { EscPosEncoder } from "./escpos-encoder";
import { EscPosPrinterSimulator, startEscPosSimulatorOnPty } from "./escpos-simulator";
import type { PrinterStatus } from "./escpos-status";
import { transportFor } from "./factory";
import { ReceiptPrinter } from "./receipt-printer";

export interface PrinterSimulation {
  simulator: EscPosPrinterSimulator;
  /** Switches the printer off and on again: closes / reopens the TCP port, or kills / recreates the pty. */
  unplug(): Promise<string>;
  replug(): Promise<string>;
}

const COMMANDS = [
  "near-end        paper roll nearly used up",
  "out             paper out",
  "load            load a new roll",
  "open | close    open / close the cover",
  "silent | answer stop / resume answering status queries",
  "garbage         send line noise to the host",
  "unplug | replug switch the printer off (close the port) and on again",
  "status          show the simulated status",
  "help",
];

export function describeStatus(status: PrinterStatus): string {
  const flags = [
    status.online ? "online" : "offline",
    status.coverOpen && "cover open",
    status.paperOut ? "paper out" : status.paperNearEnd && "paper near end",
    status.error && "error",
  ].filter(Boolean);
  return flags.join(", ");
}

/** Runs one simulator command line and returns what to print. */
export async function runPrinterCommand(simulation: PrinterSimulation, line: string): Promise<string> {
  const [command = ""] = line.trim().split(/\s+/);
  const { simulator } = simulation;
  switch (command.toLowerCase()) {
    case "":
      return "";
    case "near-end":
      simulator.paperNearEnd();
      break;
    case "out":
      simulator.paperOut();
      break;
    case "load":
      simulator.loadPaper();
      break;
    case "open":
      simulator.openCover();
      break;
    case "close":
      simulator.closeCover();
      break;
    case "silent":
      simulator.setSilent(true);
      return "not answering status queries";
    case "answer":
      simulator.setSilent(false);
      return "answering status queries";
    case "garbage":
      simulator.sendGarbage();
      return "sent noise";
    case "unplug":
      return simulation.unplug();
    case "replug":
      return simulation.replug();
    case "status":
      break;
    case "help":
      return COMMANDS.join("\n");
    default:
      return `unknown command "${command}"; try: help`;
  }
  return `status: ${describeStatus(simulator.status)}`;
}

function hostAndPort(value: string, option: string): { host: string; port: number } {
  const match = /^(.+):(\d+)$/.exec(value);
  const port = Number(match?.[2]);
  if (!match || !Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`${option} must be HOST:PORT, e.g. 127.0.0.1:${ESCPOS_DEFAULT_TCP_PORT}`);
  }
  return { host: match[1]!, port };
}

/** A short test receipt, the same kind the kiosk prints. */
export function testReceipt(): Buffer {
  return new EscPosEncoder()
    .initialize()
    .align("center")
    .bold()
    .line("邻里 打印机自检")
    .bold(false)
    .line(new Date().toISOString().slice(0, 19).replace("T", " "))
    .qrCode("https://linli.example.cn/r/TEST-0000")
    .code128("TEST-0000")
    .feed(3)
    .cut()
    .encode();
}

export const printerCli: DeviceCli = {
  name: "printer",
  summary: "ESC/POS receipt printer over TCP 9100, serial or a device file",
  options: [
    `simulate: --tcp HOST:PORT   listen like a network printer (default 127.0.0.1:${ESCPOS_DEFAULT_TCP_PORT})`,
    "simulate: --serial          listen on a socat pty instead and print its path",
    "simulate: --dir DIR         directory for the pty links (with --serial)",
    "simulate: --no-stdin        do not read commands from stdin",
    "check:    --tcp HOST:PORT   a network printer",
    `check:    --serial PATH     a serial printer (--baud N, default ${ESCPOS_DEFAULT_BAUD_RATE})`,
    "check:    --file PATH       a write-only printer device, e.g. /dev/usb/lp0 (no status)",
    "check:    --print-test      also print a short test receipt",
  ],

  async simulate(args, print) {
    const { values } = parseArgs({
      args,
      options: {
        tcp: { type: "string" },
        serial: { type: "boolean", default: false },
        dir: { type: "string" },
        "no-stdin": { type: "boolean", default: false },
      },
    });
    if (values.serial && values.tcp) throw new Error("choose --tcp or --serial, not both");
    let simulation: PrinterSimulation;
    let close: () => Promise<void>;
    if (values.serial) {
      if (values.dir) await mkdir(values.dir, { recursive: true });
      const sim = await startEscPosSimulatorOnPty(values.dir ? { directory: values.dir } : {});
      const pty: PtyPair = sim.pty;
      simulation = {
        simulator: sim.simulator,
        unplug: async () => {
          await pty.unplug();
          return `unplugged: ${pty.hostPath} is gone`;
        },
        replug: async () => {
          await pty.replug();
          return `plugged back: ${pty.hostPath}`;
        },
      };
      close = () => sim.close();
      print("ESC/POS receipt printer simulator running on a serial pty.");
      print(`  driver serial port: ${sim.hostPath}`);
      print(`  config: ${JSON.stringify({ type: "escpos", transport: "serial", path: sim.hostPath })}`);
    } else {
      const wanted = hostAndPort(values.tcp ?? `127.0.0.1:${ESCPOS_DEFAULT_TCP_PORT}`, "--tcp");
      const simulator = new EscPosPrinterSimulator();
      const bound = await simulator.listenTcp(wanted.host, wanted.port);
      simulation = {
        simulator,
        unplug: async () => {
          await simulator.closeTcp();
          return `switched off: ${bound.host}:${bound.port} closed`;
        },
        replug: async () => {
          await simulator.listenTcp(bound.host, bound.port);
          return `switched on: listening on ${bound.host}:${bound.port}`;
        },
      };
      close = () => simulator.stop();
      print("ESC/POS receipt printer simulator running.");
      print(`  listening on tcp ${bound.host}:${bound.port}`);
      print(
        `  config: ${JSON.stringify({ type: "escpos", transport: "tcp", host: bound.host, port: bound.port })}`,
      );
    }
    simulation.simulator.on("document", (document) => {
      print(`---- receipt ${simulation.simulator.documents.length} ----`);
      print(documentText(document));
      if (document.unknownCommands.length > 0)
        print(`(skipped unknown commands: ${document.unknownCommands.join(" ")})`);
    });
    const useStdin = !values["no-stdin"];
    const stopStdin = useStdin
      ? listenToStdin((line) => runPrinterCommand(simulation, line), print)
      : () => {};
    if (useStdin) print(`Commands on stdin:\n  ${COMMANDS.join("\n  ")}`);
    return async () => {
      stopStdin();
      await close();
    };
  },

  async check(args, print): Promise<DeviceHealth> {
    const { values } = parseArgs({
      args,
      options: {
        tcp: { type: "string" },
        serial: { type: "string" },
        baud: { type: "string", default: String(ESCPOS_DEFAULT_BAUD_RATE) },
        file: { type: "string" },
        "print-test": { type: "boolean", default: false },
        seconds: { type: "string", default: "3" },
      },
    });
    const chosen = [values.tcp, values.serial, values.file].filter((value) => value !== undefined);
    if (chosen.length !== 1)
      throw new Error("give exactly one of --tcp HOST:PORT, --serial PATH, --file PATH");
    let input: EscPosPrinterConfigInput;
    if (values.tcp) input = { type: "escpos", transport: "tcp", ...hostAndPort(values.tcp, "--tcp") };
    else if (values.serial)
      input = { type: "escpos", transport: "serial", path: values.serial, baudRate: Number(values.baud) };
    else input = { type: "escpos", transport: "file", path: values.file! };
    const config = parseEscPosPrinterConfig(input);
    const seconds = Number(values.seconds);
    if (!(seconds > 0)) throw new Error("--seconds must be a positive number");

    const transport = transportFor(config);
    const printer = new ReceiptPrinter({ transport, automaticStatusBack: false });
    print(`Probing ${transport.description}...`);
    await printer.start();
    const deadline = Date.now() + seconds * 1000;
    // Settled: a status was read, or a write-only device opened, or it is clearly not there.
    while (Date.now() < deadline && printer.status === undefined) {
      const health = printer.health.current;
      if (!transport.readable && health.status === "ok") break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (values["print-test"] && printer.health.current.status !== "unavailable") {
      const outcome = await printer.print({ data: testReceipt(), label: "test receipt" });
      print(
        outcome.outcome === "printed"
          ? "test receipt: printed"
          : `test receipt: not printed (${outcome.reason})`,
      );
    }
    const health = printer.health.current;
    const status = printer.status;
    await printer.stop();
    print(
      `status: ${status ? describeStatus(status) : transport.readable ? "no answer" : "unknown (write-only)"}`,
    );
    print(`health: ${health.status}${health.reason ? ` (${health.reason})` : ""}`);
    return health;
  },
};
