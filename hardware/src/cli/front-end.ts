import type { DeviceCli } from "./device-cli";
import { deviceClis } from "./devices";

export function findDevice(name: string): DeviceCli | undefined {
  return deviceClis.find((device) => device.name === name);
}

/** The option lines of a device for one front end: those marked "simulate:" or "check:", and unmarked ones. */
export function optionLines(device: DeviceCli, mode: "simulate" | "check"): string[] {
  return device.options.flatMap((line) => {
    const marked = /^(simulate|check):\s*(.*)$/.exec(line);
    if (!marked) return [line];
    return marked[1] === mode ? [marked[2]!] : [];
  });
}

export function deviceList(): string[] {
  const width = Math.max(...deviceClis.map((device) => device.name.length));
  return deviceClis.map((device) => `  ${device.name.padEnd(width)}  ${device.summary}`);
}

export function deviceHelp(device: DeviceCli, mode: "simulate" | "check"): string[] {
  const options = optionLines(device, mode);
  return [
    `${device.name}: ${device.summary}`,
    ...(options.length > 0 ? options.map((line) => `  ${line}`) : ["  (no options)"]),
  ];
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
