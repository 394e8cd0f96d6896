import { EventEmitter } from "node:events";

export type DeviceStatus = "ok" | "degraded" | "unavailable";

/** What a driver reports of its device; the same shape terminals send to the server. */
export interface DeviceHealth {
  device: string;
  status: DeviceStatus;
  reason?: string;
}

/**
 * Holds a driver's current health and emits `change` only when it really changes, so that a device
 * going away and coming back is reported (and logged) once each way.
 */
export class HealthState extends EventEmitter<{ change: [DeviceHealth] }> {
  #current: DeviceHealth;

  constructor(device: string, status: DeviceStatus = "unavailable", reason = "not started") {
    super();
    this.#current = { device, status, reason };
  }

  get current(): DeviceHealth {
    return this.#current;
  }

  set(status: DeviceStatus, reason?: string): void {
    if (this.#current.status === status && this.#current.reason === reason) return;
    this.#current =
      reason === undefined
        ? { device: this.#current.device, status }
        : { device: this.#current.device, status, reason };
    this.emit("change", this.#current);
  }
}
