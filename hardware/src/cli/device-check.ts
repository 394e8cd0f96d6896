import type { Print } from "./device-cli";
import { deviceClis } from "./devices";
import { deviceHelp, deviceList, errorMessage, findDevice, optionLines } from "./front-end";
import { isUsageError } from "./usage-error";

const out: Print = (line) => process.stdout.write(`${line}\n`);
const err: Print = (line) => process.stderr.write(`${line}\n`);

function usage(): string[] {
  return [
    "Usage: npm run device-check -- DEVICE [OPTIONS]",
    "",
    "Probes a real or simulated device, prints what it found and its health.",
    "Exit code: 0 when the device is ok, 1 when degraded or unavailable, 2 on bad arguments.",
    "",
    "Devices:",
    ...deviceList(),
    "",
    "Options (npm run device-check -- DEVICE --help shows one device's):",
    ...deviceClis.flatMap((device) => [
      `  ${device.name}`,
      ...optionLines(device, "check").map((line) => `    ${line}`),
    ]),
  ];
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    for (const line of usage()) out(line);
    return 0;
  }
  if (name === undefined || name.startsWith("-")) {
    for (const line of usage()) err(line);
    return 2;
  }
  const device = findDevice(name);
  if (!device) {
    err(`unknown device "${name}"; devices: ${deviceClis.map((known) => known.name).join(", ")}`);
    return 2;
  }
  if (args.includes("--help") || args.includes("-h")) {
    for (const line of deviceHelp(device, "check")) out(line);
    return 0;
  }
  try {
    const health = await device.check(args, out);
    return health.status === "ok" ? 0 : 1;
  } catch (error) {
    if (isUsageError(error)) {
      err(`${device.name}: ${errorMessage(error)}`);
      err(`see: npm run device-check -- ${device.name} --help`);
      return 2;
    }
    out(`error: ${errorMessage(error)}`);
    out(`health: unavailable (${errorMessage(error)})`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
// Drivers may leave sockets or ports closing in the background; the verdict is already printed.
process.exit();
