import { randomUUID } from "node:crypto";
import { maskIdNumber } from "@linli/hardware/id-card/id-number";
import type { ResidentIdentify, ResidentIdentity, ResidentProposal } from "@linli/protocol";
import type { AuditLog } from "../audit";
import type { StaffPrincipal } from "../auth/staff";
import type { Database } from "../db/database";

export interface ResidentRecord {
  id: string;
  name: string;
  communityId: string;
  buildingId: string | null;
  phone: string | null;
}

interface ResidentRow {
  id: string;
  name: string;
  community_id: string;
  building_id: string | null;
  phone: string | null;
}

const RESIDENT_SELECT = "SELECT id, name, community_id, building_id, phone FROM residents";

const toResident = (row: ResidentRow): ResidentRecord => ({
  id: row.id,
  name: row.name,
  communityId: row.community_id,
  buildingId: row.building_id,
  phone: row.phone,
});

interface ProposalRow {
  id: string;
  id_number: string;
  name: string;
  source: "card" | "typed";
  community_id: string;
  community_name: string;
  terminal_id: string | null;
  terminal_name: string | null;
  status: ResidentProposal["status"];
  seen_count: number;
  proposed_at: string;
  last_seen_at: string;
}

const PROPOSAL_SELECT = `
  SELECT p.*, c.name AS community_name, t.name AS terminal_name
  FROM resident_proposals p
  JOIN communities c ON c.id = p.community_id
  LEFT JOIN terminals t ON t.id = p.terminal_id`;

function toProposal(row: ProposalRow): ResidentProposal {
  return {
    id: row.id,
    idMasked: maskIdNumber(row.id_number),
    name: row.name,
    source: row.source,
    community: { id: row.community_id, name: row.community_name },
    terminal: row.terminal_id ? { id: row.terminal_id, name: row.terminal_name ?? "" } : null,
    status: row.status,
    seenCount: row.seen_count,
    proposedAt: row.proposed_at,
    lastSeenAt: row.last_seen_at,
  };
}

export type ProposalDecision =
  | { ok: true; proposal: ResidentProposal }
  | { ok: false; reason: "not_found" | "conflict" };

/**
 * The population registry (实有人口) as kiosks and staff use it: who holds a card, and the card holders it
 * did not know, proposed for staff to add.
 */
export class ResidentRegistry {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
  ) {}

  /** The registered resident with this ID number and this name; a different name is no match. */
  find(idNumber: string, name: string): ResidentRecord | null {
    const row = this.db
      .prepare(`${RESIDENT_SELECT} WHERE id_number = ? AND name = ?`)
      .get(idNumber, name.trim()) as ResidentRow | undefined;
    return row ? toResident(row) : null;
  }

  /** The registered resident with this ID number, whatever the name: a typed ID proven by the registry's phone. */
  findByIdNumber(idNumber: string): ResidentRecord | null {
    const row = this.db.prepare(`${RESIDENT_SELECT} WHERE id_number = ?`).get(idNumber) as
      | ResidentRow
      | undefined;
    return row ? toResident(row) : null;
  }

  /**
   * Who holds this card, for a kiosk. An unknown holder (or a name that does not match the number) is
   * proposed for staff review — the same card again refreshes the open proposal — and the kiosk carries
   * on with the card's name.
   */
  identify(
    request: ResidentIdentify,
    terminal: { id: string; communityId: string },
    now = new Date(),
  ): ResidentIdentity {
    return this.db.transaction((): ResidentIdentity => {
      const resident = this.find(request.idNumber, request.name);
      if (resident) {
        this.audit.record({
          actor: { type: "terminal", id: terminal.id },
          action: "resident.identify",
          target: { type: "resident", id: resident.id },
          detail: { known: true, source: request.source },
        });
        return { known: true, name: resident.name, buildingId: resident.buildingId };
      }
      const { proposalId, refreshed } = this.#upsertProposal(request, terminal.communityId, terminal.id, now);
      this.audit.record({
        actor: { type: "terminal", id: terminal.id },
        action: refreshed ? "resident.proposal_refreshed" : "resident.proposed",
        target: { type: "resident_proposal", id: proposalId },
        detail: { known: false, source: request.source },
      });
      return { known: false, name: request.name.trim(), buildingId: null };
    })();
  }

  /** An applicant on the phone page the registry did not know (typed ID, no kiosk), for staff review. */
  proposeFromPhone(
    applicant: { idNumber: string; name: string },
    communityId: string,
    now = new Date(),
  ): void {
    const { proposalId, refreshed } = this.#upsertProposal(
      { idNumber: applicant.idNumber.toUpperCase(), name: applicant.name, source: "typed" },
      communityId,
      null,
      now,
    );
    this.audit.record({
      actor: { type: "anonymous" },
      action: refreshed ? "resident.proposal_refreshed" : "resident.proposed",
      target: { type: "resident_proposal", id: proposalId },
      detail: { known: false, source: "typed", channel: "phone" },
    });
  }

  /** The same ID number seen again refreshes its open proposal. */
  #upsertProposal(
    holder: { idNumber: string; name: string; source: "card" | "typed" },
    communityId: string,
    terminalId: string | null,
    now: Date,
  ): { proposalId: string; refreshed: boolean } {
    const at = now.toISOString();
    const open = this.db
      .prepare("SELECT id FROM resident_proposals WHERE id_number = ? AND status = 'pending'")
      .get(holder.idNumber) as { id: string } | undefined;
    const proposalId = open?.id ?? randomUUID();
    if (open) {
      this.db
        .prepare(
          `UPDATE resident_proposals SET name = ?, source = ?, community_id = ?, terminal_id = ?,
             seen_count = seen_count + 1, last_seen_at = ? WHERE id = ?`,
        )
        .run(holder.name.trim(), holder.source, communityId, terminalId, at, proposalId);
    } else {
      this.db
        .prepare(
          `INSERT INTO resident_proposals
             (id, id_number, name, source, community_id, terminal_id, status, proposed_at, last_seen_at)
           VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
        )
        .run(proposalId, holder.idNumber, holder.name.trim(), holder.source, communityId, terminalId, at, at);
    }
    return { proposalId, refreshed: open !== undefined };
  }

  proposals(reader: StaffPrincipal, status: ResidentProposal["status"] | null): ResidentProposal[] {
    const rows = this.db
      .prepare(
        `${PROPOSAL_SELECT}
         WHERE (@community IS NULL OR p.community_id = @community) AND (@status IS NULL OR p.status = @status)
         ORDER BY p.last_seen_at DESC`,
      )
      .all({ community: reader.communityId, status }) as ProposalRow[];
    return rows.map(toProposal);
  }

  /** Approving adds the holder to the registry in the proposal's community; rejecting leaves it as it is. */
  decide(
    proposalId: string,
    decision: "approve" | "reject",
    reader: StaffPrincipal,
    ip: string,
    now = new Date(),
  ): ProposalDecision {
    return this.db.transaction((): ProposalDecision => {
      const row = this.db.prepare(`${PROPOSAL_SELECT} WHERE p.id = ?`).get(proposalId) as
        | ProposalRow
        | undefined;
      if (!row || (reader.communityId && reader.communityId !== row.community_id))
        return { ok: false, reason: "not_found" };
      if (row.status !== "pending") return { ok: false, reason: "conflict" };
      const at = now.toISOString();
      let residentId: string | null = null;
      if (decision === "approve") {
        const existing = this.db.prepare("SELECT id FROM residents WHERE id_number = ?").get(row.id_number) as
          | { id: string }
          | undefined;
        residentId = existing?.id ?? randomUUID();
        // A known number under another name: the card is the authority, so the registry takes its name.
        if (existing) {
          this.db
            .prepare("UPDATE residents SET name = ?, community_id = ?, updated_at = ? WHERE id = ?")
            .run(row.name, row.community_id, at, residentId);
        } else {
          this.db
            .prepare(
              `INSERT INTO residents (id, id_number, name, community_id, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?)`,
            )
            .run(residentId, row.id_number, row.name, row.community_id, at, at);
        }
      }
      this.db
        .prepare("UPDATE resident_proposals SET status = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ?")
        .run(decision === "approve" ? "approved" : "rejected", reader.id, at, proposalId);
      this.audit.record({
        actor: { type: "staff", id: reader.id },
        action: decision === "approve" ? "resident.proposal_approved" : "resident.proposal_rejected",
        target: { type: "resident_proposal", id: proposalId },
        detail: residentId ? { residentId } : {},
        ip,
      });
      const updated = this.db.prepare(`${PROPOSAL_SELECT} WHERE p.id = ?`).get(proposalId) as ProposalRow;
      return { ok: true, proposal: toProposal(updated) };
    })();
  }
}
