import type { Logger } from "pino";
import { parseUhppoteConfig, type UhppoteConfigInput } from "./config";
import { UhppoteController } from "./uhppote-controller";

/**
 * Builds a gate controller driver from plain JSON config, e.g.
 * `{type: "uhppote", host: "192.168.1.100", serialNumber: 423187757, listen: "192.168.1.10:60001"}`.
 * Throws an Error listing every problem when the config is invalid.
 */
export function createGateController(
  config: UhppoteConfigInput,
  options: { logger?: Logger } = {},
): UhppoteController {
  const parsed = parseUhppoteConfig(config);
  return new UhppoteController({
    name: parsed.name,
    host: parsed.host,
    port: parsed.port,
    serialNumber: parsed.serialNumber,
    listen: parsed.listen,
    timeoutMs: parsed.timeoutMs,
    retries: parsed.retries,
    healthIntervalMs: parsed.healthIntervalMs,
    logger: options.logger,
  });
}
