import type { Migration } from "./index";

/** The county-wide catalogue every community starts with; targets are from request to done. */
const CATALOGUE = [
  ["meals", "助餐送餐", "Meal delivery", 90],
  ["housekeeping", "家政保洁", "Housekeeping", 24 * 60],
  ["medical", "上门医疗", "Medical visit", 4 * 60],
  ["companionship", "陪伴聊天", "Companionship", 24 * 60],
  ["repairs", "上门维修", "Home repairs", 24 * 60],
] as const;

export const elderServices: Migration = {
  version: 4,
  name: "elder-service catalogue, providers, service requests with their history",
  up(db) {
    db.exec(`
      CREATE TABLE elder_services (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_en TEXT NOT NULL,
        target_minutes INTEGER NOT NULL CHECK (target_minutes > 0),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;

      CREATE TABLE providers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('organisation', 'volunteer')),
        phone TEXT NOT NULL,
        service_codes TEXT NOT NULL DEFAULT '[]',
        community_ids TEXT NOT NULL DEFAULT '[]',
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE service_requests (
        id TEXT PRIMARY KEY,
        request_event_id TEXT NOT NULL UNIQUE,
        terminal_id TEXT NOT NULL REFERENCES terminals(id),
        elder_id TEXT REFERENCES elders(id),
        community_id TEXT NOT NULL REFERENCES communities(id),
        service_code TEXT NOT NULL REFERENCES elder_services(code),
        status TEXT NOT NULL CHECK (status IN ('requested', 'accepted', 'dispatched', 'in-progress', 'done', 'cancelled')),
        provider_id TEXT REFERENCES providers(id),
        requested_at TEXT NOT NULL,
        accepted_at TEXT,
        dispatched_at TEXT,
        started_at TEXT,
        done_at TEXT,
        target_at TEXT NOT NULL,
        target_missed_at TEXT,
        rating TEXT CHECK (rating IN ('good', 'bad', 'not-done')),
        reopened_count INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX service_requests_open ON service_requests(status, target_at);

      CREATE TABLE service_request_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES service_requests(id),
        at TEXT NOT NULL,
        type TEXT NOT NULL,
        actor TEXT,
        note TEXT
      ) STRICT;
      CREATE INDEX service_request_events_by_request ON service_request_events(request_id, id);
    `);
    const insert = db.prepare(
      "INSERT INTO elder_services (code, name, name_en, target_minutes) VALUES (?, ?, ?, ?)",
    );
    for (const entry of CATALOGUE) insert.run(...entry);
  },
};
