import type { Migration } from "./index";

export const devices: Migration = {
  version: 3,
  name: "plate reads from cameras and events from access controllers",
  up(db) {
    db.exec(`
      -- Cameras and gates are configured in the devices file, not in the database: rows name them.
      CREATE TABLE plate_reads (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        camera TEXT NOT NULL,
        community_id TEXT NOT NULL REFERENCES communities(id),
        source TEXT NOT NULL CHECK (source IN ('hikvision', 'dahua')),
        plate TEXT NOT NULL,
        plate_color TEXT,
        direction TEXT NOT NULL CHECK (direction IN ('entry', 'exit', 'unknown')),
        confidence REAL,
        vehicle_type TEXT,
        camera_address TEXT,
        read_at TEXT NOT NULL,
        received_at TEXT NOT NULL,
        -- Pictures are files under the data directory; these are their paths relative to it.
        plate_picture TEXT,
        scene_picture TEXT
      ) STRICT;
      CREATE INDEX plate_reads_by_camera ON plate_reads(camera, id);
      CREATE INDEX plate_reads_by_plate ON plate_reads(plate, id);

      CREATE TABLE gate_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        gate TEXT NOT NULL,
        community_id TEXT NOT NULL REFERENCES communities(id),
        serial_number INTEGER NOT NULL,
        event_index INTEGER NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('swipe', 'door', 'alarm', 'other')),
        door INTEGER NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('in', 'out', 'unknown')),
        card INTEGER,
        granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
        reason INTEGER NOT NULL,
        -- The controller's own clock, as it reported it ('' when its clock is not set).
        controller_time TEXT NOT NULL,
        occurred_at TEXT,
        received_at TEXT NOT NULL,
        -- Controllers repeat their last event in periodic status pushes, also after our restart.
        UNIQUE (gate, serial_number, event_index, controller_time)
      ) STRICT;
      CREATE INDEX gate_events_by_gate ON gate_events(gate, id);
    `);
  },
};
