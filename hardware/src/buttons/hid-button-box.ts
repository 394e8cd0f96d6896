import { EventEmitter } from "node:events";
import type { Logger } from "pino";
import { HealthState } from "../health";
import { ButtonEdgeDetector } from "./button-edges";
import type { ButtonSource, ButtonSourceEvents } from "./button-source";
import { type HidButtonMapping, type HidReportError, heldButtons } from "./hid-report";

/** The part of node-hid's `HID` / `HIDAsync` the driver uses; tests inject a fake of this shape. */
export interface HidInputDevice {
  on(event: "data", listener: (report: Buffer) => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
  removeAllListeners(): unknown;
  close(): void | Promise<void>;
}

/** An entry of node-hid's `devices()`. */
export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  path?: string | undefined;
  product?: string | undefined;
  manufacturer?: string | undefined;
}

/** How the driver finds and opens HID devices: node-hid for real (see `node-hid-access.ts`). */
export interface HidAccess {
  list(vendorId: number, productId: number): Promise<HidDeviceInfo[]>;
  open(device: HidDeviceInfo): Promise<HidInputDevice>;
}

export interface HidButtonBoxOptions {
  /** Device name in health reports and logs, default "buttons". */
  name?: string;
  vendorId: number;
  productId: number;
  buttons: HidButtonMapping[];
  hid: HidAccess;
  /** Lockout after each change of a button, default 50 ms (≥ 50 ms rejects contact bounce). */
  debounceMs?: number;
  /** How often to look for the device while it is absent, default 1000 ms. */
  pollIntervalMs?: number;
  /** Upper bound of the retry delay when the device is listed but cannot be opened, default 30 s. */
  maxRetryDelayMs?: number;
  logger?: Logger;
  /** Clock for debouncing, injectable for tests. */
  now?: () => number;
}

function hex4(value: number): string {
  return value.toString(16).padStart(4, "0");
}

/**
 * A USB HID button box: reads input reports, maps report bits to button names, emits `press` and
 * `release` on debounced edges. When the device errors out (unplugged), it closes it, reports
 * `unavailable` and polls the device list until the box is back.
 */
export class HidButtonBox extends EventEmitter<ButtonSourceEvents> implements ButtonSource {
  readonly health: HealthState;
  readonly #options: HidButtonBoxOptions;
  readonly #logger: Logger | undefined;
  readonly #detector: ButtonEdgeDetector;
  readonly #now: () => number;
  readonly #pollIntervalMs: number;
  readonly #maxRetryDelayMs: number;
  readonly #label: string;
  #device: HidInputDevice | undefined;
  #running = false;
  #connected = false;
  #retryTimer: NodeJS.Timeout | undefined;
  #settleTimer: NodeJS.Timeout | undefined;
  #retryDelayMs: number;
  #connecting: Promise<void> | undefined;
  #shortReports = 0;

  constructor(options: HidButtonBoxOptions) {
    super();
    this.#options = options;
    const name = options.name ?? "buttons";
    this.health = new HealthState(name);
    this.#label = `HID ${hex4(options.vendorId)}:${hex4(options.productId)}`;
    this.#logger = options.logger?.child({ device: name });
    this.#detector = new ButtonEdgeDetector(options.debounceMs ?? 50);
    this.#now = options.now ?? Date.now;
    this.#pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.#maxRetryDelayMs = options.maxRetryDelayMs ?? 30_000;
    this.#retryDelayMs = this.#pollIntervalMs;
  }

  /** Starts looking for the device; resolves after the first attempt, whether it was found or not. */
  async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    this.#connecting = this.#connect();
    await this.#connecting;
  }

  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#retryTimer);
    clearTimeout(this.#settleTimer);
    await this.#connecting;
    await this.#closeDevice();
    this.#detector.reset();
    this.health.set("unavailable", "stopped");
  }

  async #connect(): Promise<void> {
    this.#retryTimer = undefined;
    const { vendorId, productId, hid } = this.#options;
    try {
      const [found] = await hid.list(vendorId, productId);
      if (!found) {
        this.#markDown(`${this.#label} not connected`);
        this.#retryDelayMs = this.#pollIntervalMs;
        return this.#scheduleRetry();
      }
      const device = await hid.open(found);
      if (!this.#running) {
        await device.close();
        return;
      }
      this.#attach(device);
    } catch (error) {
      // Listed but not openable: usually permissions (udev rule missing) or another process holds it.
      this.#markDown(`cannot open ${this.#label}: ${(error as Error).message}`);
      this.#scheduleRetry();
      this.#retryDelayMs = Math.min(this.#maxRetryDelayMs, this.#retryDelayMs * 2);
    } finally {
      this.#connecting = undefined;
    }
  }

  #attach(device: HidInputDevice): void {
    this.#device = device;
    this.#retryDelayMs = this.#pollIntervalMs;
    device.on("data", (report) => this.#onReport(report));
    device.on("error", (error) => {
      if (this.#device !== device) return;
      this.#lose(`${this.#label} lost: ${error.message}`);
    });
    this.#connected = true;
    this.#logger?.info({ hid: this.#label }, "button box connected");
    this.health.set("ok");
  }

  #onReport(report: Buffer): void {
    let held: Set<string>;
    try {
      held = heldButtons(report, this.#options.buttons);
    } catch (error) {
      // Log the first one only: a box that sends such reports sends them on every change.
      if (this.#shortReports++ === 0) {
        this.#logger?.warn({ err: (error as HidReportError).message }, "ignoring unmapped report");
      }
      return;
    }
    this.#logger?.trace({ report: report.toString("hex") }, "report");
    this.#emitEdges(this.#detector.update(held, this.#now()));
  }

  #emitEdges(edges: ReturnType<ButtonEdgeDetector["update"]>): void {
    for (const edge of edges) {
      try {
        this.emit(edge.kind, { button: edge.button });
      } catch (error) {
        // node-hid turns an exception in a data listener into a device `error`: keep the box open.
        this.#logger?.error({ err: (error as Error).message, button: edge.button }, "button listener failed");
      }
    }
    clearTimeout(this.#settleTimer);
    const settleAt = this.#detector.nextSettleAt();
    if (settleAt !== undefined) {
      this.#settleTimer = setTimeout(
        () => this.#emitEdges(this.#detector.settle(this.#now())),
        Math.max(0, settleAt - this.#now()),
      );
    }
  }

  #lose(reason: string): void {
    void this.#closeDevice();
    // A button held while the box vanished must not count as still held when it comes back.
    this.#detector.reset();
    clearTimeout(this.#settleTimer);
    this.#markDown(reason);
    this.#scheduleRetry();
  }

  async #closeDevice(): Promise<void> {
    const device = this.#device;
    this.#device = undefined;
    if (!device) return;
    device.removeAllListeners();
    // Late errors of a dead handle must not become uncaught exceptions.
    device.on("error", () => {});
    try {
      await device.close();
    } catch {
      // Closing a device that is already gone fails; there is nothing left to release.
    }
  }

  #markDown(reason: string): void {
    if (this.#connected) this.#logger?.warn({ hid: this.#label, reason }, "button box unavailable");
    this.#connected = false;
    this.health.set("unavailable", reason);
  }

  #scheduleRetry(): void {
    if (!this.#running || this.#retryTimer) return;
    this.#retryTimer = setTimeout(() => {
      this.#connecting = this.#connect();
    }, this.#retryDelayMs);
  }
}
