import type { Migration } from "./index";

/** The four communities of the first county, with stable ids other records refer to. */
const FIRST_COUNTY_COMMUNITIES = [
  ["xiangbin", "湘滨社区"],
  ["fengdaoling", "封刀岭社区"],
  ["quantang", "泉塘社区"],
  ["yanggao", "阳高社区"],
] as const;

export const initial: Migration = {
  version: 1,
  name: "communities, staff, sessions, audit log, terminals, enrolment, presence, commands, inbox",
  up(db) {
    db.exec(`
      CREATE TABLE communities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE staff (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'dispatcher', 'caseworker', 'community_staff')),
        community_id TEXT REFERENCES communities(id),
        failed_logins INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (role <> 'community_staff' OR community_id IS NOT NULL)
      ) STRICT;

      CREATE TABLE staff_sessions (
        token_hash TEXT PRIMARY KEY,
        staff_id TEXT NOT NULL REFERENCES staff(id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        ended_at TEXT
      ) STRICT;
      CREATE INDEX staff_sessions_by_staff ON staff_sessions(staff_id);

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor_type TEXT NOT NULL CHECK (actor_type IN ('staff', 'terminal', 'system', 'anonymous')),
        actor_id TEXT,
        action TEXT NOT NULL,
        target_type TEXT,
        target_id TEXT,
        detail TEXT NOT NULL DEFAULT '{}',
        ip TEXT
      ) STRICT;
      CREATE INDEX audit_log_by_time ON audit_log(at);

      CREATE TABLE terminals (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'elder')),
        community_id TEXT NOT NULL REFERENCES communities(id),
        token_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        revoked_at TEXT,
        online INTEGER NOT NULL DEFAULT 0 CHECK (online IN (0, 1)),
        last_seen_at TEXT,
        version TEXT,
        devices TEXT NOT NULL DEFAULT '[]'
      ) STRICT;

      CREATE TABLE enrollment_codes (
        code_hash TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'elder')),
        community_id TEXT NOT NULL REFERENCES communities(id),
        name TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES staff(id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT,
        terminal_id TEXT REFERENCES terminals(id)
      ) STRICT;

      CREATE TABLE terminal_presence (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        terminal_id TEXT NOT NULL REFERENCES terminals(id),
        online INTEGER NOT NULL CHECK (online IN (0, 1)),
        reason TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX terminal_presence_by_terminal ON terminal_presence(terminal_id, id);

      CREATE TABLE terminal_commands (
        id TEXT PRIMARY KEY,
        terminal_id TEXT NOT NULL REFERENCES terminals(id),
        type TEXT NOT NULL,
        params TEXT NOT NULL DEFAULT '{}',
        state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'delivered', 'succeeded', 'failed', 'expired')),
        created_by TEXT,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        sent_at TEXT,
        delivered_at TEXT,
        completed_at TEXT,
        detail TEXT
      ) STRICT;
      CREATE INDEX terminal_commands_pending ON terminal_commands(terminal_id, state);

      -- Every durable event a terminal sent, by its client-generated id: the deduplication record.
      CREATE TABLE terminal_inbox (
        event_id TEXT PRIMARY KEY,
        terminal_id TEXT NOT NULL REFERENCES terminals(id),
        event TEXT NOT NULL,
        result TEXT NOT NULL,
        received_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE terminal_log (
        id TEXT PRIMARY KEY,
        terminal_id TEXT NOT NULL REFERENCES terminals(id),
        at TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('info', 'warning', 'error')),
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        received_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX terminal_log_by_terminal ON terminal_log(terminal_id, at);
    `);
    const insert = db.prepare("INSERT INTO communities (id, name, created_at) VALUES (?, ?, ?)");
    const now = new Date().toISOString();
    for (const [id, name] of FIRST_COUNTY_COMMUNITIES) insert.run(id, name, now);
  },
};
