import { randomUUID } from "node:crypto";
import type { Building, LiftInput, StaffLift } from "@linli/protocol";
import type { AuditLog } from "../audit";
import type { StaffPrincipal } from "../auth/staff";
import type { Database } from "../db/database";
import { liftStatus } from "./lift-status";

interface LiftRow {
  id: string;
  building_id: string;
  building_name: string;
  community_id: string;
  location: string;
  last_inspected_at: string;
  next_inspection_due: string;
  out_of_service: 0 | 1;
}

const SELECT_LIFT = `
  SELECT l.*, b.name AS building_name, b.community_id FROM lifts l JOIN buildings b ON b.id = l.building_id`;

/** Lifts of residential buildings and their inspection dates; residents see the status on the kiosk. */
export class Lifts {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  list(communityId: string | null): StaffLift[] {
    const rows = this.db
      .prepare(
        `${SELECT_LIFT} WHERE (@community IS NULL OR b.community_id = @community)
         ORDER BY b.community_id, b.name, l.location`,
      )
      .all({ community: communityId }) as LiftRow[];
    return rows.map((row) => this.#toLift(row));
  }

  get(id: string): StaffLift | null {
    const row = this.db.prepare(`${SELECT_LIFT} WHERE l.id = ?`).get(id) as LiftRow | undefined;
    return row ? this.#toLift(row) : null;
  }

  buildings(communityId: string | null): Building[] {
    return this.db
      .prepare(
        `SELECT id, community_id AS communityId, name FROM buildings
         WHERE (@community IS NULL OR community_id = @community) ORDER BY community_id, name`,
      )
      .all({ community: communityId }) as Building[];
  }

  building(id: string): Building | null {
    return (
      (this.db.prepare("SELECT id, community_id AS communityId, name FROM buildings WHERE id = ?").get(id) as
        | Building
        | undefined) ?? null
    );
  }

  /**
   * Creates (id null) or replaces a lift; a new building is created with it (or found by its name). Null
   * when the id names no lift.
   */
  save(id: string | null, input: LiftInput, actor: StaffPrincipal, ip: string): StaffLift | null {
    const liftId = id ?? randomUUID();
    const saved = this.db.transaction(() => {
      const buildingId = input.buildingId ?? this.#buildingNamed(input.newBuilding!);
      const values = [
        buildingId,
        input.location,
        new Date(input.lastInspectedAt).toISOString(),
        new Date(input.nextInspectionDue).toISOString(),
        input.outOfService ? 1 : 0,
        new Date().toISOString(),
        liftId,
      ];
      const changes = id
        ? this.db
            .prepare(
              `UPDATE lifts SET building_id = ?, location = ?, last_inspected_at = ?, next_inspection_due = ?,
                 out_of_service = ?, updated_at = ? WHERE id = ?`,
            )
            .run(...values).changes
        : this.db
            .prepare(
              `INSERT INTO lifts (building_id, location, last_inspected_at, next_inspection_due, out_of_service,
                 updated_at, id) VALUES (?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(...values).changes;
      if (changes === 0) throw new NoSuchLift();
      this.audit.record({
        actor: { type: "staff", id: actor.id },
        action: id ? "lift.update" : "lift.create",
        target: { type: "lift", id: liftId },
        detail: { buildingId, location: input.location, outOfService: input.outOfService },
        ip,
      });
    });
    try {
      saved();
    } catch (error) {
      // Rolled back: a building created for a lift that does not exist is not kept.
      if (error instanceof NoSuchLift) return null;
      throw error;
    }
    return this.get(liftId);
  }

  remove(id: string, actor: StaffPrincipal, ip: string): boolean {
    return this.db.transaction(() => {
      const lift = this.get(id);
      if (!lift) return false;
      this.db.prepare("DELETE FROM lifts WHERE id = ?").run(id);
      this.audit.record({
        actor: { type: "staff", id: actor.id },
        action: "lift.delete",
        target: { type: "lift", id },
        detail: { building: lift.buildingName, location: lift.location },
        ip,
      });
      return true;
    })();
  }

  #buildingNamed(building: { communityId: string; name: string }): string {
    const existing = this.db
      .prepare("SELECT id FROM buildings WHERE community_id = ? AND name = ?")
      .get(building.communityId, building.name) as { id: string } | undefined;
    if (existing) return existing.id;
    const id = randomUUID();
    this.db
      .prepare("INSERT INTO buildings (id, community_id, name) VALUES (?, ?, ?)")
      .run(id, building.communityId, building.name);
    return id;
  }

  #toLift(row: LiftRow): StaffLift {
    const outOfService = row.out_of_service === 1;
    return {
      id: row.id,
      buildingId: row.building_id,
      buildingName: row.building_name,
      communityId: row.community_id,
      location: row.location,
      lastInspectedAt: row.last_inspected_at,
      nextInspectionDue: row.next_inspection_due,
      outOfService,
      status: liftStatus({ nextInspectionDue: row.next_inspection_due, outOfService }, this.clock()),
    };
  }
}

class NoSuchLift extends Error {}
