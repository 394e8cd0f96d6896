import type { CommunityElderService, ElderService } from "@linli/protocol";
import type { AuditLog } from "../audit";
import type { StaffPrincipal } from "../auth/staff";
import type { Database } from "../db/database";

export interface CommunityOffer {
  offered: boolean;
  /** The community's own target; null keeps the county's. */
  targetMinutes: number | null;
}

/**
 * The elder-service catalogue as each community offers it. The county's catalogue is the default; a
 * community may stop offering a service (no provider covers it) or promise its own target time.
 */
export class CommunityCatalogue {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
  ) {}

  /** Every active county service with this community's choices (null: the county's catalogue as is). */
  entries(communityId: string | null): CommunityElderService[] {
    const rows = this.db
      .prepare(
        `SELECT s.code, s.name, s.name_en AS nameEn, s.target_minutes AS countyTargetMinutes,
                coalesce(c.target_minutes, s.target_minutes) AS targetMinutes, coalesce(c.offered, 1) AS offered
         FROM elder_services s
         LEFT JOIN community_elder_services c ON c.service_code = s.code AND c.community_id = ?
         WHERE s.active = 1 ORDER BY s.rowid`,
      )
      .all(communityId) as Array<Omit<CommunityElderService, "offered"> & { offered: number }>;
    return rows.map((row) => ({ ...row, offered: row.offered === 1 }));
  }

  /** The services elders of this community can ask for, with the community's targets. */
  offered(communityId: string | null): ElderService[] {
    return this.entries(communityId)
      .filter((entry) => entry.offered)
      .map(({ code, name, nameEn, targetMinutes }) => ({ code, name, nameEn, targetMinutes }));
  }

  /** Sets one service's offer for a community; null when the community or the service does not exist. */
  set(
    communityId: string,
    serviceCode: string,
    offer: CommunityOffer,
    actor: StaffPrincipal,
    ip: string,
  ): CommunityElderService | null {
    if (!this.db.prepare("SELECT 1 FROM communities WHERE id = ?").get(communityId)) return null;
    if (!this.entries(communityId).some((entry) => entry.code === serviceCode)) return null;
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO community_elder_services (community_id, service_code, offered, target_minutes, updated_at, updated_by)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (community_id, service_code) DO UPDATE SET offered = excluded.offered,
             target_minutes = excluded.target_minutes, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        )
        .run(
          communityId,
          serviceCode,
          offer.offered ? 1 : 0,
          offer.targetMinutes,
          new Date().toISOString(),
          actor.id,
        );
      this.audit.record({
        actor: { type: "staff", id: actor.id },
        action: "community-service.set",
        target: { type: "community", id: communityId },
        detail: { serviceCode, ...offer },
        ip,
      });
    })();
    return this.entries(communityId).find((entry) => entry.code === serviceCode) ?? null;
  }
}
