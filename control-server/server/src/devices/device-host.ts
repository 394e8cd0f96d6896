import { EventEmitter } from "node:events";
import { createCamera } from "@linli/hardware/camera/camera-config";
import { DahuaItcClient } from "@linli/hardware/camera/dahua-client";
import { HikvisionPushReceiver } from "@linli/hardware/camera/hikvision-receiver";
import type { OnvifCamera } from "@linli/hardware/camera/onvif-camera";
import type { PlateEvent } from "@linli/hardware/camera/plate-event";
import { createGateController } from "@linli/hardware/gate/factory";
import type { UhppoteController } from "@linli/hardware/gate/uhppote-controller";
import type { GateEventNotice } from "@linli/hardware/gate/uhppote-event-listener";
import type { DeviceHealth, HealthState } from "@linli/hardware/health";
import type {
  CameraSummary,
  DeviceHealthChange,
  GateEventView,
  GateSummary,
  PlateRead,
  ServerDeviceKind,
} from "@linli/protocol";
import type { Logger } from "pino";
import type { Database } from "../db/database";
import { DeviceRecords } from "./device-records";
import { type CameraEntry, type DevicesConfig, DevicesFileError, type GateEntry } from "./devices-file";

export interface ServerGate {
  name: string;
  entry: GateEntry;
  driver: UhppoteController;
  since: string;
}

export interface ServerCamera {
  name: string;
  entry: CameraEntry;
  driver: HikvisionPushReceiver | DahuaItcClient | OnvifCamera;
  since: string;
}

type HostEvents = {
  "device:health": [DeviceHealthChange];
  "plate:read": [PlateRead];
  "gate:event": [GateEventView];
};

const isAvailable = (health: DeviceHealth) => health.status !== "unavailable";

/**
 * The gates and cameras of the devices file, driven from the control server: starts each driver,
 * keeps and reports its health (a device going away and coming back is logged once each way), stores
 * plate reads and gate events and emits them for the consoles, and stops everything on close.
 */
export class DeviceHost extends EventEmitter<HostEvents> {
  readonly records: DeviceRecords;
  readonly #gates = new Map<string, ServerGate>();
  readonly #cameras = new Map<string, ServerCamera>();
  readonly #log: Logger;
  /** Work started by device events (saving pictures); awaited on stop so nothing writes after close. */
  readonly #pending = new Set<Promise<unknown>>();
  #started = false;

  constructor(config: DevicesConfig, options: { db: Database; dataDir: string; log: Logger }) {
    super();
    this.#log = options.log;
    this.records = new DeviceRecords(options.db, options.dataDir, {
      locationOf: (camera) => {
        const entry = this.#cameras.get(camera)?.entry;
        return entry?.location ?? null;
      },
      doorName: (gate, door) => this.#gates.get(gate)?.entry.doors[String(door) as "1"] ?? null,
    });
    const known = new Set(
      (options.db.prepare("SELECT id FROM communities ORDER BY rowid").all() as Array<{ id: string }>).map(
        (row) => row.id,
      ),
    );
    const problems: string[] = [];
    const checkCommunity = (path: string, communityId: string) => {
      if (!known.has(communityId)) {
        problems.push(
          `  - ${path}.communityId: no community "${communityId}" (known: ${[...known].join(", ")})`,
        );
      }
    };
    for (const [name, entry] of Object.entries(config.gates))
      checkCommunity(`gates.${name}`, entry.communityId);
    for (const [name, entry] of Object.entries(config.cameras))
      checkCommunity(`cameras.${name}`, entry.communityId);
    if (problems.length > 0) {
      throw new DevicesFileError(
        `devices file ${config.source ?? "(devices config)"} has ${problems.length} problem(s):\n${problems.join("\n")}`,
      );
    }

    const now = new Date().toISOString();
    for (const [name, entry] of Object.entries(config.gates)) {
      const { communityId: _community, doors: _doors, ...driverConfig } = entry;
      const driver = createGateController(
        {
          ...driverConfig,
          name,
          listen: entry.listen ? `${entry.listen.host}:${entry.listen.port}` : undefined,
        },
        { logger: this.#log },
      );
      const gate: ServerGate = { name, entry, driver, since: now };
      driver.on("event", (notice) => this.#onGateEvent(gate, notice));
      this.#watchHealth("gate", name, entry.communityId, driver.health, (since) => {
        gate.since = since;
      });
      this.#gates.set(name, gate);
    }
    for (const [name, entry] of Object.entries(config.cameras)) {
      const driver = createCamera(cameraDriverConfig(name, entry), { logger: this.#log });
      const camera: ServerCamera = { name, entry, driver, since: now };
      if (driver instanceof HikvisionPushReceiver || driver instanceof DahuaItcClient) {
        driver.on("plate", (event) => this.#onPlate(camera, event));
      }
      this.#watchHealth("camera", name, entry.communityId, driver.health, (since) => {
        camera.since = since;
      });
      this.#cameras.set(name, camera);
    }
  }

  get gates(): readonly ServerGate[] {
    return [...this.#gates.values()];
  }

  get cameras(): readonly ServerCamera[] {
    return [...this.#cameras.values()];
  }

  gate(name: string): ServerGate | undefined {
    return this.#gates.get(name);
  }

  camera(name: string): ServerCamera | undefined {
    return this.#cameras.get(name);
  }

  /**
   * Starts every driver. A gate whose event listener cannot bind stays unavailable with the reason;
   * the rest of the server (alarms above all) must not wait for a gate.
   */
  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    const starts = [...this.#gates.values(), ...this.#cameras.values()].map(async (device) => {
      try {
        await device.driver.start();
      } catch (error) {
        const reason = `could not start: ${(error as Error).message}`;
        this.#log.error({ device: device.name, err: (error as Error).message }, "device could not start");
        device.driver.health.set("unavailable", reason);
      }
    });
    await Promise.all(starts);
    if (this.#gates.size + this.#cameras.size > 0) {
      this.#log.info({ gates: this.#gates.size, cameras: this.#cameras.size }, "devices started");
    }
  }

  async stop(): Promise<void> {
    if (!this.#started) return;
    this.#started = false;
    await Promise.all(
      [...this.#gates.values(), ...this.#cameras.values()].map((device) =>
        device.driver.stop().catch((error: unknown) => {
          this.#log.warn(
            { device: device.name, err: (error as Error).message },
            "device did not stop cleanly",
          );
        }),
      ),
    );
    await Promise.allSettled([...this.#pending]);
  }

  gateSummary(gate: ServerGate): GateSummary {
    const { entry, driver } = gate;
    return {
      name: gate.name,
      type: "uhppote",
      communityId: entry.communityId,
      host: entry.host,
      port: entry.port,
      serialNumber: entry.serialNumber,
      doors: Object.entries(entry.doors)
        .map(([door, name]) => ({ door: Number(door), name }))
        .sort((a, b) => a.door - b.door),
      listener: driver.listenerAddress ?? null,
      health: driver.health.current,
      since: gate.since,
    };
  }

  cameraSummary(camera: ServerCamera): CameraSummary {
    const { entry } = camera;
    return {
      name: camera.name,
      type: entry.type,
      communityId: entry.communityId,
      location: entry.location ?? null,
      host: entry.type === "hikvision-push" ? null : entry.host,
      pushPath: entry.type === "hikvision-push" ? cameraPushPath(camera.name) : null,
      health: camera.driver.health.current,
      since: camera.since,
    };
  }

  #watchHealth(
    kind: ServerDeviceKind,
    name: string,
    communityId: string,
    health: HealthState,
    setSince: (since: string) => void,
  ): void {
    let previous = health.current;
    let everAvailable = false;
    health.on("change", (current) => {
      const since = new Date().toISOString();
      setSince(since);
      // Reason-only changes (still unavailable, for another reason) are not news for the log.
      if (isAvailable(previous) && !isAvailable(current)) {
        this.#log.warn({ kind, device: name, reason: current.reason }, "device went away");
      } else if (!isAvailable(previous) && isAvailable(current)) {
        this.#log.info(
          { kind, device: name, status: current.status },
          everAvailable ? "device is back" : "device is up",
        );
      } else if (previous.status !== current.status) {
        this.#log.info(
          { kind, device: name, status: current.status, reason: current.reason },
          "device health",
        );
      }
      if (isAvailable(current)) everAvailable = true;
      previous = current;
      this.emit("device:health", { kind, name, communityId, health: current, since });
    });
  }

  #onGateEvent(gate: ServerGate, notice: GateEventNotice): void {
    try {
      const stored = this.records.addGateEvent(
        gate.name,
        gate.entry.communityId,
        notice.serialNumber,
        notice.event,
      );
      if (stored) this.emit("gate:event", stored);
    } catch (error) {
      this.#log.error({ gate: gate.name, err: (error as Error).message }, "could not store a gate event");
    }
  }

  #onPlate(camera: ServerCamera, event: PlateEvent): void {
    const work = this.records
      .addPlateRead(camera.name, camera.entry.communityId, event, (error) =>
        this.#log.error({ camera: camera.name, err: error.message }, "could not save a plate picture"),
      )
      .then(
        (read) => this.emit("plate:read", read),
        (error: unknown) =>
          this.#log.error(
            { camera: camera.name, err: (error as Error).message },
            "could not store a plate read",
          ),
      )
      .finally(() => this.#pending.delete(work));
    this.#pending.add(work);
  }
}

export const cameraPushPath = (name: string) => `/api/v1/cameras/${name}/anpr`;

/** What the camera's own driver is given: its part of the entry, named after the entry. */
function cameraDriverConfig(name: string, entry: CameraEntry) {
  switch (entry.type) {
    case "hikvision-push": {
      const { communityId: _c, location: _l, token: _t, ...driver } = entry;
      // Every push to this camera's URL is this camera, whatever address it reports.
      return { ...driver, id: name };
    }
    case "dahua":
    case "onvif": {
      const { communityId: _c, location: _l, ...driver } = entry;
      return { ...driver, id: name };
    }
  }
}
