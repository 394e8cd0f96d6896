import type { Migration } from "./index";

export const eldersAndAlarms: Migration = {
  version: 2,
  name: "elder profiles with emergency contacts, alarms with their history and notifications",
  up(db) {
    db.exec(`
      CREATE TABLE elders (
        id TEXT PRIMARY KEY,
        community_id TEXT NOT NULL REFERENCES communities(id),
        name TEXT NOT NULL,
        address TEXT NOT NULL,
        living_situation TEXT NOT NULL DEFAULT '',
        conditions TEXT NOT NULL DEFAULT '[]',
        medication_notes TEXT NOT NULL DEFAULT '',
        key_holder_name TEXT,
        key_holder_relation TEXT,
        key_holder_phone TEXT,
        terminal_id TEXT UNIQUE REFERENCES terminals(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE elder_contacts (
        elder_id TEXT NOT NULL REFERENCES elders(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        relation TEXT NOT NULL,
        phone TEXT NOT NULL,
        PRIMARY KEY (elder_id, position)
      ) STRICT;

      CREATE TABLE alarms (
        id TEXT PRIMARY KEY,
        raise_event_id TEXT NOT NULL UNIQUE,
        terminal_id TEXT NOT NULL REFERENCES terminals(id),
        elder_id TEXT REFERENCES elders(id),
        community_id TEXT NOT NULL REFERENCES communities(id),
        kind TEXT NOT NULL CHECK (kind IN ('sos')),
        source TEXT,
        raised_at TEXT NOT NULL,
        received_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved', 'cancelled')),
        escalation_level INTEGER NOT NULL DEFAULT 0,
        -- When the next escalation is due while nobody has acknowledged; kept in the database so that
        -- escalation survives a restart of the server.
        escalate_at TEXT,
        acknowledged_by TEXT REFERENCES staff(id),
        acknowledged_at TEXT,
        resolved_by TEXT REFERENCES staff(id),
        resolved_at TEXT,
        resolution TEXT,
        cancelled_at TEXT
      ) STRICT;
      CREATE INDEX alarms_by_status ON alarms(status, received_at);
      CREATE INDEX alarms_escalation_due ON alarms(escalate_at) WHERE escalate_at IS NOT NULL;

      CREATE TABLE alarm_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        alarm_id TEXT NOT NULL REFERENCES alarms(id),
        at TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('raised', 'acknowledged', 'escalated', 'contact-notified', 'note', 'resolved', 'cancelled')),
        actor TEXT,
        note TEXT
      ) STRICT;
      CREATE INDEX alarm_events_by_alarm ON alarm_events(alarm_id, id);
    `);
  },
};
