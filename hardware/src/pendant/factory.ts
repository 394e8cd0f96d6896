import type { Logger } from "pino";
import { SerialTransport } from "../transports/serial-transport";
import { parseRflinkReceiverConfig, type RflinkReceiverConfigInput } from "./config";
import { RflinkReceiver } from "./rflink-receiver";

/**
 * Builds a pendant receiver from plain JSON config, e.g.
 * `{type: "rflink", transport: "serial", path: "/dev/ttyACM0", pendants: [{id: "295FD59", switch: 3, button: "sos"}]}`.
 * Throws an Error listing every problem when the config is invalid.
 */
export function createPendantReceiver(
  config: RflinkReceiverConfigInput,
  options: { logger?: Logger } = {},
): RflinkReceiver {
  const parsed = parseRflinkReceiverConfig(config);
  return new RflinkReceiver({
    transport: new SerialTransport({ path: parsed.path, baudRate: parsed.baudRate }),
    pendants: parsed.pendants,
    name: parsed.name,
    debounceMs: parsed.debounceMs,
    pingIntervalMs: parsed.pingIntervalMs,
    logger: options.logger,
  });
}
