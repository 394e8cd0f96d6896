import { EventEmitter } from "node:events";
import type { DeviceHealth } from "@linli/protocol";
import type { Logger } from "pino";

/** A physical button pressed on a device: a button box, a keyboard-wedge button or a radio pendant. */
export interface DevicePress {
  device: string;
  /** The button's role from the device config: "sos", "service", "call", "ok", … */
  button: string;
  /** How the press arrived, for the alarm record. */
  source: "button" | "pendant";
}

/**
 * What an ID card reader saw: a card read (its holder's number and name, which stay in the runtime), a
 * card it could not read, or the card taken away.
 */
export type CardReading =
  | { type: "card"; idNumber: string; name: string }
  | { type: "unreadable"; reason: string }
  | { type: "removed" };

/** A receipt printer as the runtime uses it: print now, or keep the job until the printer can. */
export interface ReceiptPrinterPort {
  print(job: {
    data: Uint8Array;
    label: string;
  }): Promise<{ outcome: "printed"; jobId: string } | { outcome: "queued"; jobId: string; reason: string }>;
  /** A job that had to wait was printed. */
  onPrinted(listener: (jobId: string) => void): void;
}

export interface KeyEventLike {
  type: "down" | "up";
  key: string;
  code: string;
  repeat: boolean;
}

/** One configured device as the runtime sees it: its health, and a way to start and stop it. */
export interface HostedDevice {
  readonly name: string;
  health(): DeviceHealth;
  onHealth(listener: (health: DeviceHealth) => void): void;
  /** Devices with buttons report presses; others leave this out. */
  onPress?(listener: (press: DevicePress) => void): void;
  /** Keyboard-wedge buttons: key events the UI forwards; true when the key was one of this device's buttons. */
  handleKey?(key: KeyEventLike): boolean;
  /** ID card readers report cards placed, unreadable and removed. */
  onCard?(listener: (reading: CardReading) => void): void;
  /** Receipt printers offer their print queue. */
  readonly printer?: ReceiptPrinterPort;
  start(): Promise<void> | void;
  stop(): Promise<void> | void;
}

/** Where a device may keep what must survive a restart (a printer's waiting receipts). */
export interface DeviceContext {
  dataDir?: string;
}

/** Builds a hosted device from its config entry (`devices.<name>` in the terminal config). */
export type DeviceFactory = (
  name: string,
  config: Record<string, unknown> & { type: string },
  log: Logger,
  context: DeviceContext,
) => HostedDevice;

/**
 * Runs the terminal's devices and keeps their health; a device that fails to start is reported as
 * unavailable with the reason, and the terminal carries on without it.
 */
export class DeviceHost extends EventEmitter<{
  health: [DeviceHealth[]];
  press: [DevicePress];
  card: [CardReading];
}> {
  readonly #devices: HostedDevice[] = [];
  readonly #failed: DeviceHealth[] = [];

  constructor(
    configs: Record<string, Record<string, unknown> & { type: string }>,
    factories: Record<string, DeviceFactory>,
    private readonly log: Logger,
    context: DeviceContext = {},
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
        const device = factory(name, config, log.child({ device: name }), context);
        device.onHealth(() => this.emit("health", this.health()));
        device.onPress?.((press) => this.emit("press", press));
        device.onCard?.((reading) => this.emit("card", reading));
        this.#devices.push(device);
      } catch (error) {
        this.#failed.push({ device: name, status: "unavailable", reason: (error as Error).message });
      }
    }
  }

  health(): DeviceHealth[] {
    return [...this.#devices.map((d) => d.health()), ...this.#failed];
  }

  /** The first configured receipt printer, or null when the terminal has none. */
  printer(): ReceiptPrinterPort | null {
    return this.#devices.find((device) => device.printer)?.printer ?? null;
  }

  /** Offers a forwarded key event to the keyboard-wedge devices; true when one of them took it. */
  handleKey(key: KeyEventLike): boolean {
    return this.#devices.some((device) => device.handleKey?.(key) ?? false);
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
