import { parseArgs } from "node:util";
import type { DeviceCli, Print } from "./device-cli";
import { deviceClis } from "./devices";
import { deviceHelp, deviceList, errorMessage, findDevice, optionLines } from "./front-end";
import { isUsageError } from "./usage-error";

const out: Print = (line) => process.stdout.write(`${line}\n`);
const err: Print = (line) => process.stderr.write(`${line}\n`);

function usage(): string[] {
  return [
    "Usage: npm run sim -- [DEVICE] [OPTIONS]",
    "",
    "Starts the simulator of one device and keeps it running until Ctrl-C. With no device, starts one",
    "simulator of each device on its default ports or fresh ptys (the demo set); add --verbose to see",
    "everything each one prints at start.",
    "",
    "Devices:",
    ...deviceList(),
    "",
    "Options (npm run sim -- DEVICE --help shows one device's):",
    ...deviceClis.flatMap((device) => [
      `  ${device.name}`,
      ...optionLines(device, "simulate").map((line) => `    ${line}`),
    ]),
  ];
}

type Stop = () => Promise<void>;

/** Waits for Ctrl-C (or SIGTERM), then runs every stop function; a second Ctrl-C exits at once. */
function runUntilInterrupted(stops: Stop[]): Promise<number> {
  // Signal handlers alone do not keep Node running; some simulators hold no socket open.
  const keepAlive = setInterval(() => {}, 1 << 30);
  return new Promise((resolve) => {
    let stopping = false;
    const onSignal = () => {
      if (stopping) {
        err("stopping forcibly");
        process.exit(130);
      }
      stopping = true;
      err("stopping…");
      const deadline = new Promise<void>((done) => setTimeout(done, 5000).unref());
      void Promise.race([Promise.allSettled(stops.map((stop) => stop())), deadline]).then(() => {
        clearInterval(keepAlive);
        out("stopped");
        resolve(0);
      });
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
}

async function simulateOne(device: DeviceCli, args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    for (const line of deviceHelp(device, "simulate")) out(line);
    return 0;
  }
  let stop: Stop;
  try {
    stop = await device.simulate(args, out);
  } catch (error) {
    err(`${device.name}: ${errorMessage(error)}`);
    if (isUsageError(error)) {
      err(`see: npm run sim -- ${device.name} --help`);
      return 2;
    }
    return 1;
  }
  return runUntilInterrupted([stop]);
}

/** A URL, an absolute path or HOST:PORT: what says where a simulator listens. */
const whereLine = /\w+:\/\/\S|(^|\s)\/\S|\b[\w.-]+:\d{2,5}\b/;

/** The line of a simulator's greeting that says where it listens. */
function whereItListens(lines: string[]): string {
  return (lines.find((line) => whereLine.test(line)) ?? lines[0] ?? "started").trim();
}

async function simulateAll(verbose: boolean): Promise<number> {
  const width = Math.max(...deviceClis.map((device) => device.name.length));
  const stops: Stop[] = [];
  for (const device of deviceClis) {
    const greeting: string[] = [];
    let started = false;
    const print: Print = (text) => {
      if (started) for (const line of text.split("\n")) out(`${device.name}: ${line}`);
      else greeting.push(...text.split("\n"));
    };
    try {
      stops.push(await device.simulate([], print));
    } catch (error) {
      err(`${device.name.padEnd(width)}  failed to start: ${errorMessage(error)}`);
      continue;
    }
    started = true;
    if (verbose) for (const line of greeting) out(`${device.name}: ${line}`);
    else out(`${device.name.padEnd(width)}  ${whereItListens(greeting)}`);
  }
  if (stops.length === 0) {
    err("no simulator could start");
    return 1;
  }
  out("");
  out('Commands typed here reach every simulator: "help" lists them all, and a simulator that does not');
  out("know a command says so. Ctrl-C stops them all.");
  return runUntilInterrupted(stops);
}

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first.startsWith("-")) {
    let values: { help?: boolean; verbose?: boolean };
    try {
      ({ values } = parseArgs({
        args: argv,
        options: { help: { type: "boolean", short: "h" }, verbose: { type: "boolean", short: "v" } },
      }));
    } catch (error) {
      err(errorMessage(error));
      err("see: npm run sim -- --help");
      return 2;
    }
    if (values.help) {
      for (const line of usage()) out(line);
      return 0;
    }
    return simulateAll(values.verbose ?? false);
  }
  if (first === "help") {
    for (const line of usage()) out(line);
    return 0;
  }
  const device = findDevice(first);
  if (!device) {
    err(`unknown device "${first}"; devices: ${deviceClis.map((known) => known.name).join(", ")}`);
    return 2;
  }
  return simulateOne(device, rest);
}

process.exitCode = await main(process.argv.slice(2));
process.exit();
