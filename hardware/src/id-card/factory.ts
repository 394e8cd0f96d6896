import type { Logger } from "pino";
import { SerialTransport } from "../transports/serial-transport";
import { parseSamVReaderConfig, type SamVReaderConfigInput } from "./config";
import { IdCardReader } from "./id-card-reader";

/**
 * Builds an ID card reader from plain JSON config, e.g.
 * `{type: "sam-v", transport: "serial", path: "/dev/ttyUSB0", baudRate: 115200}`.
 * Throws an Error listing every problem when the config is invalid.
 */
export function createIdCardReader(
  config: SamVReaderConfigInput,
  options: { logger?: Logger } = {},
): IdCardReader {
  const parsed = parseSamVReaderConfig(config);
  return new IdCardReader({
    transport: new SerialTransport({ path: parsed.path, baudRate: parsed.baudRate }),
    name: parsed.name,
    pollIntervalMs: parsed.pollIntervalMs,
    readFingerprint: parsed.readFingerprint,
    logger: options.logger,
  });
}
