import { randomBytes } from "node:crypto";
import { mkdir, unlink, writeFile } from "node:fs/promises";
import { join, resolve, sep } from "node:path";
import type { PlateEvent } from "@linli/hardware/camera/plate-event";
import {
  EVENT_REASONS,
  EVENT_TYPES,
  fromControllerDateTime,
  type GateEvent,
} from "@linli/hardware/gate/uhppote-codec";
import type { GateEventView, PlateRead } from "@linli/protocol";
import type { Database } from "../db/database";

/** Where plate pictures live, relative to the data directory. */
export const PLATE_PICTURE_DIR = "plate-pictures";

export type PictureKind = "plate" | "scene";

interface PlateReadRow {
  id: number;
  camera: string;
  community_id: string;
  source: "hikvision" | "dahua";
  plate: string;
  plate_color: string | null;
  direction: "entry" | "exit" | "unknown";
  confidence: number | null;
  vehicle_type: string | null;
  read_at: string;
  received_at: string;
  plate_picture: string | null;
  scene_picture: string | null;
}

interface GateEventRow {
  id: number;
  gate: string;
  community_id: string;
  event_index: number;
  type: GateEventView["type"];
  door: number;
  direction: GateEventView["direction"];
  card: number | null;
  granted: number;
  reason: number;
  occurred_at: string | null;
  received_at: string;
}

const eventTypeNames: Record<number, GateEventView["type"]> = {
  [EVENT_TYPES.swipe]: "swipe",
  [EVENT_TYPES.door]: "door",
  [EVENT_TYPES.alarm]: "alarm",
};

/** Plate reads (with their pictures on disk) and gate events, as the devices report them. */
export class DeviceRecords {
  readonly #db: Database;
  readonly #dataDir: string;
  readonly #locationOf: (camera: string) => string | null;
  readonly #doorName: (gate: string, door: number) => string | null;

  constructor(
    db: Database,
    dataDir: string,
    names: {
      locationOf: (camera: string) => string | null;
      doorName: (gate: string, door: number) => string | null;
    },
  ) {
    this.#db = db;
    this.#dataDir = resolve(dataDir);
    this.#locationOf = names.locationOf;
    this.#doorName = names.doorName;
  }

  /**
   * Saves the pictures as files, then the read; a picture that cannot be written is left out rather
   * than losing the read. Resolves with the stored read.
   */
  async addPlateRead(
    camera: string,
    communityId: string,
    event: PlateEvent,
    onPictureError: (error: Error) => void,
  ): Promise<PlateRead> {
    const receivedAt = new Date();
    const paths: Partial<Record<PictureKind, string>> = {};
    const day = receivedAt.toISOString().slice(0, 10);
    const stem = `${camera}-${receivedAt.getTime()}-${randomBytes(4).toString("hex")}`;
    for (const picture of event.pictures) {
      if (paths[picture.kind]) continue; // one of each kind is all a read needs
      const relative = [PLATE_PICTURE_DIR, day, `${stem}-${picture.kind}.jpg`].join("/");
      try {
        await mkdir(join(this.#dataDir, PLATE_PICTURE_DIR, day), { recursive: true });
        await writeFile(join(this.#dataDir, relative), picture.bytes, { flag: "wx" });
        paths[picture.kind] = relative;
      } catch (error) {
        onPictureError(error as Error);
      }
    }
    try {
      const row = this.#db
        .prepare(
          `INSERT INTO plate_reads (camera, community_id, source, plate, plate_color, direction, confidence,
             vehicle_type, camera_address, read_at, received_at, plate_picture, scene_picture)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        )
        .get(
          camera,
          communityId,
          event.source,
          event.plate,
          event.plateColor ?? null,
          event.direction,
          event.confidence ?? null,
          event.vehicleType ?? null,
          event.ip ?? event.mac ?? null,
          new Date(event.at).toISOString(),
          receivedAt.toISOString(),
          paths.plate ?? null,
          paths.scene ?? null,
        ) as PlateReadRow;
      return this.#plateView(row);
    } catch (error) {
      for (const path of Object.values(paths)) await unlink(join(this.#dataDir, path)).catch(() => {});
      throw error;
    }
  }

  /** Stores a controller's event once; null when it was already stored (a repeated status push). */
  addGateEvent(
    gate: string,
    communityId: string,
    serialNumber: number,
    event: GateEvent,
  ): GateEventView | null {
    let occurredAt: string | null = null;
    if (event.timestamp) {
      try {
        occurredAt = fromControllerDateTime(event.timestamp).toISOString();
      } catch {
        occurredAt = null;
      }
    }
    const type = eventTypeNames[event.type] ?? "other";
    const row = this.#db
      .prepare(
        `INSERT INTO gate_events (gate, community_id, serial_number, event_index, type, door, direction, card,
           granted, reason, controller_time, occurred_at, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (gate, serial_number, event_index, controller_time) DO NOTHING RETURNING *`,
      )
      .get(
        gate,
        communityId,
        serialNumber,
        event.index,
        type,
        event.door,
        event.direction === 1 ? "in" : event.direction === 2 ? "out" : "unknown",
        type === "swipe" ? event.card : null,
        event.granted ? 1 : 0,
        event.reason,
        event.timestamp ?? "",
        occurredAt,
        new Date().toISOString(),
      ) as GateEventRow | undefined;
    return row ? this.#gateView(row) : null;
  }

  plateReads(filter: {
    cameras: readonly string[];
    camera?: string | undefined;
    before?: number | undefined;
    limit: number;
  }): PlateRead[] {
    const cameras = filter.camera ? filter.cameras.filter((name) => name === filter.camera) : filter.cameras;
    if (cameras.length === 0) return [];
    const rows = this.#db
      .prepare(
        `SELECT * FROM plate_reads WHERE camera IN (SELECT value FROM json_each(?)) AND id < ?
         ORDER BY id DESC LIMIT ?`,
      )
      .all(JSON.stringify(cameras), filter.before ?? Number.MAX_SAFE_INTEGER, filter.limit) as PlateReadRow[];
    return rows.map((row) => this.#plateView(row));
  }

  /** The absolute path of a stored picture, with the camera it came from; null when there is none. */
  picture(id: number, kind: PictureKind): { camera: string; file: string } | null {
    const row = this.#db
      .prepare("SELECT camera, plate_picture, scene_picture FROM plate_reads WHERE id = ?")
      .get(id) as Pick<PlateReadRow, "camera" | "plate_picture" | "scene_picture"> | undefined;
    const relative = kind === "plate" ? row?.plate_picture : row?.scene_picture;
    if (!row || !relative) return null;
    const file = resolve(this.#dataDir, relative);
    // Paths are ours, but a database is a file someone could edit: never serve outside the data dir.
    if (!file.startsWith(this.#dataDir + sep)) return null;
    return { camera: row.camera, file };
  }

  gateEvents(filter: {
    gates: readonly string[];
    gate?: string | undefined;
    before?: number | undefined;
    limit: number;
  }): GateEventView[] {
    const gates = filter.gate ? filter.gates.filter((name) => name === filter.gate) : filter.gates;
    if (gates.length === 0) return [];
    const rows = this.#db
      .prepare(
        `SELECT * FROM gate_events WHERE gate IN (SELECT value FROM json_each(?)) AND id < ?
         ORDER BY id DESC LIMIT ?`,
      )
      .all(JSON.stringify(gates), filter.before ?? Number.MAX_SAFE_INTEGER, filter.limit) as GateEventRow[];
    return rows.map((row) => this.#gateView(row));
  }

  #plateView(row: PlateReadRow): PlateRead {
    const pictures: PlateRead["pictures"] = [];
    for (const kind of ["plate", "scene"] as const) {
      if (row[`${kind}_picture`])
        pictures.push({ kind, url: `/api/v1/plate-reads/${row.id}/pictures/${kind}` });
    }
    return {
      id: row.id,
      camera: row.camera,
      communityId: row.community_id,
      location: this.#locationOf(row.camera),
      source: row.source,
      plate: row.plate,
      plateColor: row.plate_color,
      direction: row.direction,
      confidence: row.confidence,
      vehicleType: row.vehicle_type,
      readAt: row.read_at,
      receivedAt: row.received_at,
      pictures,
    };
  }

  #gateView(row: GateEventRow): GateEventView {
    return {
      id: row.id,
      gate: row.gate,
      communityId: row.community_id,
      eventIndex: row.event_index,
      type: row.type,
      door: row.door,
      doorName: this.#doorName(row.gate, row.door),
      direction: row.direction,
      card: row.card,
      granted: row.granted === 1,
      reason: row.reason,
      reasonText: EVENT_REASONS[row.reason] ?? `reason ${row.reason}`,
      occurredAt: row.occurred_at,
      receivedAt: row.received_at,
    };
  }
}
