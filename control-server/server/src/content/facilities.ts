import { randomUUID } from "node:crypto";
import type { FacilityInput, StaffFacility } from "@linli/protocol";
import type { AuditLog } from "../audit";
import type { StaffPrincipal } from "../auth/staff";
import type { Database } from "../db/database";

interface FacilityRow {
  id: string;
  community_id: string;
  kind: StaffFacility["kind"];
  name: string;
  address: string;
  distance_meters: number;
  opening_hours: string;
  phone: string | null;
}

const toFacility = (row: FacilityRow): StaffFacility => ({
  id: row.id,
  communityId: row.community_id,
  kind: row.kind,
  name: row.name,
  address: row.address,
  distanceMeters: row.distance_meters,
  openingHours: row.opening_hours,
  phone: row.phone,
});

/** Places near each community's service centre: public toilets, parking, petrol stations, clinics, … */
export class Facilities {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
  ) {}

  /** Nearest first. */
  list(communityId: string | null): StaffFacility[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM facilities WHERE (@community IS NULL OR community_id = @community)
         ORDER BY community_id, distance_meters, name`,
      )
      .all({ community: communityId }) as FacilityRow[];
    return rows.map(toFacility);
  }

  get(id: string): StaffFacility | null {
    const row = this.db.prepare("SELECT * FROM facilities WHERE id = ?").get(id) as FacilityRow | undefined;
    return row ? toFacility(row) : null;
  }

  /** Creates (id null) or replaces a facility; null when the id names none. */
  save(id: string | null, input: FacilityInput, actor: StaffPrincipal, ip: string): StaffFacility | null {
    const facilityId = id ?? randomUUID();
    const saved = this.db.transaction(() => {
      const values = [
        input.communityId,
        input.kind,
        input.name,
        input.address,
        input.distanceMeters,
        input.openingHours,
        input.phone,
        new Date().toISOString(),
        facilityId,
      ];
      const changes = id
        ? this.db
            .prepare(
              `UPDATE facilities SET community_id = ?, kind = ?, name = ?, address = ?, distance_meters = ?,
                 opening_hours = ?, phone = ?, updated_at = ? WHERE id = ?`,
            )
            .run(...values).changes
        : this.db
            .prepare(
              `INSERT INTO facilities (community_id, kind, name, address, distance_meters, opening_hours, phone,
                 updated_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(...values).changes;
      if (changes === 0) return false;
      this.audit.record({
        actor: { type: "staff", id: actor.id },
        action: id ? "facility.update" : "facility.create",
        target: { type: "facility", id: facilityId },
        detail: { name: input.name, communityId: input.communityId },
        ip,
      });
      return true;
    })();
    return saved ? this.get(facilityId) : null;
  }

  remove(id: string, actor: StaffPrincipal, ip: string): boolean {
    return this.db.transaction(() => {
      const facility = this.get(id);
      if (!facility) return false;
      this.db.prepare("DELETE FROM facilities WHERE id = ?").run(id);
      this.audit.record({
        actor: { type: "staff", id: actor.id },
        action: "facility.delete",
        target: { type: "facility", id },
        detail: { name: facility.name, communityId: facility.communityId },
        ip,
      });
      return true;
    })();
  }
}
