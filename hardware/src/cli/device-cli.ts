import type { DeviceHealth } from "../health";

export type Print = (line: string) => void;

/** One device's entry in `npm run sim` and `npm run device-check`. */
export interface DeviceCli {
  /** The word typed after `npm run sim --`, e.g. "gate". */
  name: string;
  summary: string;
  /** Option lines shown by `--help`, e.g. "--bind HOST:PORT  where to listen (default 127.0.0.1:60000)". */
  options: string[];
  /** Starts the simulator, prints where it listens and how to drive it, and resolves with a stop function. */
  simulate(args: string[], print: Print): Promise<() => Promise<void>>;
  /** Probes a real or simulated device, prints what it found, and resolves with its health. */
  check(args: string[], print: Print): Promise<DeviceHealth>;
}
