import { randomUUID } from "node:crypto";
import type {
  ServiceRating,
  ServiceRequest,
  ServiceRequestView,
  ServiceStatus,
  ServiceUpdate,
  TerminalSummary,
} from "@linli/protocol";
import type { AuditLog } from "../audit";
import type { StaffPrincipal } from "../auth/staff";
import type { ServerBus } from "../bus";
import type { Database } from "../db/database";
import type { ElderProfiles } from "../elders/elder-profiles";
import { EventRefusal } from "../terminals/inbox";
import type { CommunityCatalogue } from "./community-catalogue";

interface RequestRow {
  id: string;
  request_event_id: string;
  terminal_id: string;
  elder_id: string | null;
  community_id: string;
  service_code: string;
  status: ServiceStatus;
  provider_id: string | null;
  requested_at: string;
  accepted_at: string | null;
  dispatched_at: string | null;
  started_at: string | null;
  done_at: string | null;
  target_at: string;
  target_missed_at: string | null;
  rating: ServiceRating["rating"] | null;
  reopened_count: number;
  service_name: string;
  service_name_en: string;
  target_minutes: number;
  terminal_name: string;
  community_name: string;
  provider_name: string | null;
}

const SELECT_REQUEST = `
  SELECT r.*, s.name AS service_name, s.name_en AS service_name_en, s.target_minutes,
         t.name AS terminal_name, c.name AS community_name, p.name AS provider_name
  FROM service_requests r
  JOIN elder_services s ON s.code = r.service_code
  JOIN terminals t ON t.id = r.terminal_id
  JOIN communities c ON c.id = r.community_id
  LEFT JOIN providers p ON p.id = r.provider_id`;

export type StaffStep = "accept" | "dispatch" | "start" | "complete" | "cancel";

/** Which states each staff step may start from, and where it leads. */
const STEPS: Record<StaffStep, { from: ServiceStatus[]; to: ServiceStatus; stamp: string | null }> = {
  accept: { from: ["requested"], to: "accepted", stamp: "accepted_at" },
  dispatch: { from: ["accepted", "dispatched"], to: "dispatched", stamp: "dispatched_at" },
  start: { from: ["dispatched"], to: "in-progress", stamp: "started_at" },
  complete: { from: ["dispatched", "in-progress"], to: "done", stamp: "done_at" },
  cancel: { from: ["requested", "accepted", "dispatched", "in-progress"], to: "cancelled", stamp: null },
};

export type StepResult =
  | { ok: true; request: ServiceRequestView }
  | { ok: false; reason: "not_found" | "conflict"; message: string };

/**
 * Services an elder asks for from the unit: accepted, dispatched to a provider, on the way / in
 * progress, done — every step time-stamped and told to the unit; a target time per service with a
 * console alert when missed; the elder's rating, where "bad" or "not done" reopens the request.
 */
export class ServiceRequests {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly elders: ElderProfiles,
    private readonly bus: ServerBus,
    private readonly catalogue: CommunityCatalogue,
  ) {}

  /** Stores an elder's request; runs inside the inbox transaction. */
  request(terminal: TerminalSummary, request: ServiceRequest): { requestId: string } {
    const service = this.catalogue.offered(terminal.communityId).find((s) => s.code === request.serviceCode);
    if (!service) {
      const countyWide = this.catalogue.entries(null).some((s) => s.code === request.serviceCode);
      throw new EventRefusal(
        "invalid_payload",
        countyWide
          ? `"${request.serviceCode}" is not offered in this unit's community`
          : `no service "${request.serviceCode}" in the catalogue`,
      );
    }
    const id = randomUUID();
    const receivedAt = new Date();
    this.db
      .prepare(
        `INSERT INTO service_requests (id, request_event_id, terminal_id, elder_id, community_id, service_code, status,
           requested_at, target_at) VALUES (?, ?, ?, ?, ?, ?, 'requested', ?, ?)`,
      )
      .run(
        id,
        request.id,
        terminal.id,
        this.elders.byTerminal(terminal.id)?.id ?? null,
        terminal.communityId,
        service.code,
        receivedAt.toISOString(),
        new Date(receivedAt.getTime() + service.targetMinutes * 60_000).toISOString(),
      );
    this.#event(id, "requested", terminal.name, null);
    return { requestId: id };
  }

  /** The elder's rating; runs inside the inbox transaction. A bad rating or "not done" reopens the request. */
  rate(
    terminal: TerminalSummary,
    rating: ServiceRating,
  ): { requestId: string; status: ServiceStatus; reopened: boolean } {
    const row = this.db
      .prepare(
        "SELECT id, status, service_code FROM service_requests WHERE request_event_id = ? AND terminal_id = ?",
      )
      .get(rating.requestEventId, terminal.id) as
      | { id: string; status: ServiceStatus; service_code: string }
      | undefined;
    if (!row)
      throw new EventRefusal("invalid_payload", `no service request ${rating.requestEventId} from this unit`);
    if (row.status !== "done")
      throw new EventRefusal("invalid_payload", "only a finished request can be rated");
    const reopen = rating.rating !== "good";
    if (reopen) {
      // The community's target, even if it has stopped offering the service since.
      const service = this.catalogue
        .entries(terminal.communityId)
        .find((entry) => entry.code === row.service_code);
      const targetMinutes = service?.targetMinutes ?? 24 * 60;
      this.db
        .prepare(
          `UPDATE service_requests SET rating = ?, status = 'accepted', done_at = NULL, started_at = NULL,
             reopened_count = reopened_count + 1, target_missed_at = NULL, target_at = ? WHERE id = ?`,
        )
        .run(rating.rating, new Date(Date.now() + targetMinutes * 60_000).toISOString(), row.id);
      this.#event(
        row.id,
        "reopened",
        terminal.name,
        rating.rating === "bad" ? "老人评价：不满意" : "老人反馈：没有完成",
      );
    } else {
      this.db.prepare("UPDATE service_requests SET rating = 'good' WHERE id = ?").run(row.id);
      this.#event(row.id, "rated", terminal.name, "老人评价：满意");
    }
    return { requestId: row.id, status: reopen ? "accepted" : "done", reopened: reopen };
  }

  step(
    requestId: string,
    step: StaffStep,
    staff: StaffPrincipal,
    ip: string,
    extra: { providerId?: string; note?: string } = {},
  ): StepResult {
    const outcome = this.db.transaction((): StepResult | "changed" => {
      const row = this.#row(requestId);
      if (!row || (staff.communityId && staff.communityId !== row.community_id)) {
        return { ok: false, reason: "not_found", message: "no such service request" };
      }
      const rule = STEPS[step];
      if (!rule.from.includes(row.status)) {
        return { ok: false, reason: "conflict", message: `cannot ${step} a request that is ${row.status}` };
      }
      let note = extra.note ?? null;
      if (step === "dispatch") {
        const provider = this.db
          .prepare("SELECT name, service_codes, community_ids, active FROM providers WHERE id = ?")
          .get(extra.providerId ?? "") as
          | { name: string; service_codes: string; community_ids: string; active: number }
          | undefined;
        const serves =
          provider?.active === 1 &&
          (JSON.parse(provider.service_codes) as string[]).includes(row.service_code) &&
          (JSON.parse(provider.community_ids) as string[]).includes(row.community_id);
        if (!provider || !serves) {
          return {
            ok: false,
            reason: "conflict",
            message: "that provider does not offer this service in this community",
          };
        }
        this.db
          .prepare("UPDATE service_requests SET provider_id = ? WHERE id = ?")
          .run(extra.providerId, requestId);
        note = provider.name;
      }
      const now = new Date().toISOString();
      this.db
        .prepare(
          `UPDATE service_requests SET status = ?${rule.stamp ? `, ${rule.stamp} = ?` : ""} WHERE id = ?`,
        )
        .run(...(rule.stamp ? [rule.to, now, requestId] : [rule.to, requestId]));
      this.#event(requestId, rule.to, staff.displayName, note);
      this.audit.record({
        actor: { type: "staff", id: staff.id },
        action: `service_request.${step}`,
        target: { type: "service_request", id: requestId },
        ip,
      });
      return "changed";
    })();
    if (outcome !== "changed") return outcome;
    this.bus.emit("service:changed", { requestId, alert: null });
    return { ok: true, request: this.view(requestId)! };
  }

  /** Flags every request whose target passed before it was done; called by a timer. */
  flagOverdue(now = new Date()): number {
    const due = this.db
      .prepare(
        `SELECT id FROM service_requests WHERE status NOT IN ('done', 'cancelled') AND target_missed_at IS NULL
           AND target_at <= ?`,
      )
      .all(now.toISOString()) as Array<{ id: string }>;
    for (const { id } of due) {
      this.db.transaction(() => {
        this.db
          .prepare("UPDATE service_requests SET target_missed_at = ? WHERE id = ?")
          .run(now.toISOString(), id);
        this.#event(id, "target-missed", null, "超过服务时限仍未完成");
      })();
      this.bus.emit("service:changed", { requestId: id, alert: "target-missed" });
    }
    return due.length;
  }

  list(filter: { status?: ServiceStatus; communityId?: string | null; limit: number }): ServiceRequestView[] {
    const rows = this.db
      .prepare(
        `${SELECT_REQUEST} WHERE (@status IS NULL OR r.status = @status) AND (@community IS NULL OR r.community_id = @community)
         ORDER BY r.requested_at DESC LIMIT @limit`,
      )
      .all({
        status: filter.status ?? null,
        community: filter.communityId ?? null,
        limit: filter.limit,
      }) as RequestRow[];
    return rows.map((row) => this.#view(row));
  }

  view(requestId: string): ServiceRequestView | null {
    const row = this.#row(requestId);
    return row ? this.#view(row) : null;
  }

  communityOf(requestId: string): string | null {
    return this.#row(requestId)?.community_id ?? null;
  }

  terminalOf(requestId: string): string | null {
    return this.#row(requestId)?.terminal_id ?? null;
  }

  /** What a unit should tell its elder about its requests of the last week (sent again on reconnection). */
  updatesForTerminal(terminalId: string, requestId?: string): ServiceUpdate[] {
    const since = new Date(Date.now() - 7 * 24 * 3600 * 1000).toISOString();
    const rows = this.db
      .prepare(
        `${SELECT_REQUEST} WHERE r.terminal_id = @terminal AND (@request IS NULL OR r.id = @request)
           AND (@request IS NOT NULL OR r.requested_at >= @since) ORDER BY r.requested_at`,
      )
      .all({ terminal: terminalId, request: requestId ?? null, since }) as RequestRow[];
    return rows.map((row) => ({
      requestId: row.id,
      requestEventId: row.request_event_id,
      serviceCode: row.service_code,
      serviceName: row.service_name,
      status: row.status,
      providerName: row.provider_name,
      rating: row.rating,
      at: row.done_at ?? row.started_at ?? row.dispatched_at ?? row.accepted_at ?? row.requested_at,
    }));
  }

  #row(requestId: string): RequestRow | null {
    return (
      (this.db.prepare(`${SELECT_REQUEST} WHERE r.id = ?`).get(requestId) as RequestRow | undefined) ?? null
    );
  }

  #event(requestId: string, type: string, actor: string | null, note: string | null): void {
    this.db
      .prepare(
        "INSERT INTO service_request_events (request_id, at, type, actor, note) VALUES (?, ?, ?, ?, ?)",
      )
      .run(requestId, new Date().toISOString(), type, actor, note);
  }

  #view(row: RequestRow): ServiceRequestView {
    const elder = row.elder_id ? this.elders.get(row.elder_id) : null;
    return {
      id: row.id,
      status: row.status,
      service: {
        code: row.service_code,
        name: row.service_name,
        nameEn: row.service_name_en,
        targetMinutes: row.target_minutes,
      },
      community: { id: row.community_id, name: row.community_name },
      terminal: { id: row.terminal_id, name: row.terminal_name },
      elder: elder ? { id: elder.id, name: elder.name, address: elder.address } : null,
      provider:
        row.provider_id && row.provider_name ? { id: row.provider_id, name: row.provider_name } : null,
      requestedAt: row.requested_at,
      acceptedAt: row.accepted_at,
      dispatchedAt: row.dispatched_at,
      startedAt: row.started_at,
      doneAt: row.done_at,
      targetAt: row.target_at,
      targetMissedAt: row.target_missed_at,
      rating: row.rating,
      reopenedCount: row.reopened_count,
      events: this.db
        .prepare("SELECT at, type, actor, note FROM service_request_events WHERE request_id = ? ORDER BY id")
        .all(row.id) as ServiceRequestView["events"],
    };
  }
}
