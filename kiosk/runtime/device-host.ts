import { EventEmitter } from "node:events";
import type { DeviceHealth } from "@linli/protocol";
import type { Logger } from "pino";

/** One configured device as the runtime sees it: its health, and a way to start and stop it. */
export interface HostedDevice {
  readonly name: string;
  health(): DeviceHealth;
  onHealth(listener: (health: DeviceHealth) => void): void;
  start(): Promise<void> | void;
  stop(): Promise<void> | void;
}

/** Builds a hosted device from its config entry (`devices.<name>` in the terminal config). */
export type DeviceFactory = (
  name: string,
  config: Record<string, unknown> & { type: string },
  log: Logger,
) => HostedDevice;

/**
 * Runs the terminal's devices and keeps their health; a device that fails to start is reported as
 * unavailable with the reason, and the terminal carries on without it.
 */
export class DeviceHost extends EventEmitter<{ health: [DeviceHealth[]] }> {
  readonly #devices: HostedDevice[] = [];
  readonly #failed: DeviceHealth[] = [];

  constructor(
    configs: Record<string, Record<string, unknown> & { type: string }>,
    factories: Record<string, DeviceFactory>,
    private readonly log: Logger,
  ) {
    super();
    for (const [name, config] of Object.entries(configs)) {
      const factory = factories[config.type];
      if (!factory) {
        this.#failed.push({
          device: name,
          status: "unavailable",
          reason: `unknown device type "${config.type}"`,
        });
        continue;
      }
      try {
        const device = factory(name, config, log.child({ device: name }));
        device.onHealth(() => this.emit("health", this.health()));
        this.#devices.push(device);
      } catch (error) {
        this.#failed.push({ device: name, status: "unavailable", reason: (error as Error).message });
      }
    }
  }

  health(): DeviceHealth[] {
    return [...this.#devices.map((d) => d.health()), ...this.#failed];
  }

  async start(): Promise<void> {
    for (const device of this.#devices) {
      try {
        await device.start();
      } catch (error) {
        this.log.error({ device: device.name, err: error }, "device failed to start");
      }
    }
    this.emit("health", this.health());
  }

  async stop(): Promise<void> {
    for (const device of this.#devices) await device.stop();
  }
}
