import type { Migration } from "./index";

export const communityElderServices: Migration = {
  version: 8,
  name: "per-community elder-service catalogue: which county services a community offers, and its own targets",
  up(db) {
    // No row: the community offers the county's service with the county's target.
    db.exec(`
      CREATE TABLE community_elder_services (
        community_id TEXT NOT NULL REFERENCES communities(id),
        service_code TEXT NOT NULL REFERENCES elder_services(code),
        offered INTEGER NOT NULL CHECK (offered IN (0, 1)),
        target_minutes INTEGER CHECK (target_minutes > 0),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        PRIMARY KEY (community_id, service_code)
      ) STRICT;
    `);
  },
};
