import type { Migration } from "./index";

export const dailyCheckins: Migration = {
  version: 5,
  name: "elders' daily check-ins and the check tasks created when one is missing",
  up(db) {
    db.exec(`
      CREATE TABLE elder_checkins (
        event_id TEXT PRIMARY KEY,
        terminal_id TEXT NOT NULL REFERENCES terminals(id),
        local_date TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX elder_checkins_by_day ON elder_checkins(terminal_id, local_date);

      CREATE TABLE check_tasks (
        id TEXT PRIMARY KEY,
        elder_id TEXT NOT NULL REFERENCES elders(id),
        terminal_id TEXT NOT NULL REFERENCES terminals(id),
        community_id TEXT NOT NULL REFERENCES communities(id),
        local_date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'done')),
        created_at TEXT NOT NULL,
        done_at TEXT,
        done_by TEXT,
        note TEXT,
        UNIQUE (elder_id, local_date)
      ) STRICT;
      CREATE INDEX check_tasks_open ON check_tasks(status, local_date);
    `);
  },
};
