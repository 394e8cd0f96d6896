import { randomUUID } from "node:crypto";
import type {
  AlarmCancel,
  AlarmEvent,
  AlarmRaise,
  AlarmStatus,
  AlarmUpdate,
  AlarmView,
  TerminalSummary,
} from "@linli/protocol";
import type { Logger } from "pino";
import type { AuditLog } from "../audit";
import type { StaffPrincipal } from "../auth/staff";
import type { ServerBus } from "../bus";
import type { Database } from "../db/database";
import { type ElderProfiles, forReader } from "../elders/elder-profiles";
import type { SmsGateway } from "./sms-gateway";

interface AlarmRow {
  id: string;
  raise_event_id: string;
  terminal_id: string;
  elder_id: string | null;
  community_id: string;
  kind: "sos";
  source: string | null;
  raised_at: string;
  received_at: string;
  status: AlarmStatus;
  escalation_level: number;
  escalate_at: string | null;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  resolved_at: string | null;
  resolution: string | null;
  cancelled_at: string | null;
  terminal_name: string;
  community_name: string;
  acknowledged_by_name: string | null;
}

const SELECT_ALARM = `
  SELECT alarms.*, terminals.name AS terminal_name, communities.name AS community_name,
         staff.display_name AS acknowledged_by_name
  FROM alarms
  JOIN terminals ON terminals.id = alarms.terminal_id
  JOIN communities ON communities.id = alarms.community_id
  LEFT JOIN staff ON staff.id = alarms.acknowledged_by`;

export type AlarmActionResult =
  | { ok: true; alarm: AlarmView }
  | { ok: false; reason: "not_found" | "closed" };

/**
 * Alarms from elders' units: stored durably, deduplicated by the unit's event id, kept open until a
 * person acknowledges them, escalated (console first, then the emergency contacts in order) when
 * nobody does in time, resolved with notes; an elder's "false alarm" is recorded, never deleted.
 */
export class AlarmService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly elders: ElderProfiles,
    private readonly bus: ServerBus,
    private readonly sms: SmsGateway,
    private readonly escalationMs: number,
    private readonly log: Logger,
  ) {}

  /** Stores a raised alarm; runs inside the terminal inbox's transaction (the caller announces it after commit). */
  raise(terminal: TerminalSummary, raise: AlarmRaise): { alarmId: string } {
    const id = randomUUID();
    const now = new Date();
    const elder = this.elders.byTerminal(terminal.id);
    this.db
      .prepare(
        `INSERT INTO alarms (id, raise_event_id, terminal_id, elder_id, community_id, kind, source, raised_at,
           received_at, status, escalate_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)`,
      )
      .run(
        id,
        raise.id,
        terminal.id,
        elder?.id ?? null,
        terminal.communityId,
        raise.kind,
        raise.source ?? null,
        raise.raisedAt,
        now.toISOString(),
        new Date(now.getTime() + this.escalationMs).toISOString(),
      );
    this.#event(id, "raised", terminal.name, raise.source ? `source: ${raise.source}` : null);
    return { alarmId: id };
  }

  /** The elder's own "false alarm"; runs inside the inbox transaction. Null when the raise is unknown here. */
  cancel(terminal: TerminalSummary, cancel: AlarmCancel): { alarmId: string; status: AlarmStatus } | null {
    const row = this.db
      .prepare("SELECT id, status FROM alarms WHERE raise_event_id = ? AND terminal_id = ?")
      .get(cancel.raiseId, terminal.id) as { id: string; status: AlarmStatus } | undefined;
    if (!row) return null;
    if (row.status === "open" || row.status === "acknowledged") {
      this.db
        .prepare("UPDATE alarms SET status = 'cancelled', cancelled_at = ?, escalate_at = NULL WHERE id = ?")
        .run(cancel.cancelledAt, row.id);
      this.#event(row.id, "cancelled", terminal.name, "误报：老人在终端上取消");
      return { alarmId: row.id, status: "cancelled" };
    }
    return { alarmId: row.id, status: row.status };
  }

  acknowledge(alarmId: string, staff: StaffPrincipal, ip: string): AlarmActionResult {
    return this.#staffAction(alarmId, staff, ip, "alarm.acknowledge", (row) => {
      if (row.status !== "open") return row.status === "acknowledged" ? "done" : "closed";
      const now = new Date().toISOString();
      this.db
        .prepare(
          "UPDATE alarms SET status = 'acknowledged', acknowledged_by = ?, acknowledged_at = ?, escalate_at = NULL WHERE id = ?",
        )
        .run(staff.id, now, alarmId);
      this.#event(alarmId, "acknowledged", staff.displayName, null);
      return "changed";
    });
  }

  resolve(alarmId: string, resolution: string, staff: StaffPrincipal, ip: string): AlarmActionResult {
    return this.#staffAction(alarmId, staff, ip, "alarm.resolve", (row) => {
      if (row.status === "resolved") return "closed";
      const now = new Date().toISOString();
      this.db
        .prepare(
          `UPDATE alarms SET status = 'resolved', resolved_by = ?, resolved_at = ?, resolution = ?, escalate_at = NULL,
             acknowledged_by = coalesce(acknowledged_by, ?), acknowledged_at = coalesce(acknowledged_at, ?) WHERE id = ?`,
        )
        .run(staff.id, now, resolution, staff.id, now, alarmId);
      this.#event(alarmId, "resolved", staff.displayName, resolution);
      return "changed";
    });
  }

  addNote(alarmId: string, note: string, staff: StaffPrincipal, ip: string): AlarmActionResult {
    return this.#staffAction(alarmId, staff, ip, "alarm.note", () => {
      this.#event(alarmId, "note", staff.displayName, note);
      return "changed";
    });
  }

  /** Escalates every alarm nobody acknowledged in time; called by a timer and after a restart. */
  async escalateDue(now = new Date()): Promise<number> {
    const due = this.db
      .prepare("SELECT id FROM alarms WHERE status = 'open' AND escalate_at IS NOT NULL AND escalate_at <= ?")
      .all(now.toISOString()) as Array<{ id: string }>;
    for (const { id } of due) {
      const level = this.db.transaction(() => {
        const row = this.db.prepare("SELECT status, escalation_level FROM alarms WHERE id = ?").get(id) as {
          status: AlarmStatus;
          escalation_level: number;
        };
        if (row.status !== "open") return null;
        const next = row.escalation_level + 1;
        this.db
          .prepare("UPDATE alarms SET escalation_level = ?, escalate_at = ? WHERE id = ?")
          .run(next, new Date(now.getTime() + this.escalationMs).toISOString(), id);
        this.#event(id, "escalated", null, `无人确认，升级到第 ${next} 级：通知值班主管`);
        return next;
      })();
      if (level === null) continue;
      this.log.warn({ alarmId: id, level }, "alarm not acknowledged in time: escalated");
      this.bus.emit("alarm:changed", { alarmId: id, raised: false });
      await this.#notifyContact(id, level - 1);
    }
    return due.length;
  }

  /** The next contact in the elder's order gets a text; the outcome is written to the alarm's history. */
  async #notifyContact(alarmId: string, position: number): Promise<void> {
    const alarm = this.#row(alarmId);
    const elder = alarm?.elder_id ? this.elders.get(alarm.elder_id) : null;
    const contact = elder?.emergencyContacts[position];
    if (!alarm || !elder || !contact) return;
    const time = new Date(alarm.raised_at).toLocaleTimeString("zh-CN", {
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
    });
    const text = `【邻里】${elder.name}（${elder.address}）于 ${time} 按下紧急呼叫，社区服务中心尚未接通，请尽快与老人联系或前往查看。`;
    let note: string;
    try {
      await this.sms.send(contact.phone, text);
      note = `已短信通知紧急联系人 ${contact.name}（${contact.relation}）`;
    } catch (error) {
      note = `未能短信通知紧急联系人 ${contact.name}（${contact.relation}）：${(error as Error).message}，请电话联系`;
      this.log.error({ alarmId, err: error }, "emergency contact not notified");
    }
    this.#event(alarmId, "contact-notified", null, note);
    this.bus.emit("alarm:changed", { alarmId, raised: false });
  }

  list(
    filter: { status?: AlarmStatus; communityId?: string | null; limit: number },
    reader: StaffPrincipal,
  ): AlarmView[] {
    const rows = this.db
      .prepare(
        `${SELECT_ALARM} WHERE (@status IS NULL OR alarms.status = @status)
           AND (@community IS NULL OR alarms.community_id = @community)
         ORDER BY alarms.received_at DESC LIMIT @limit`,
      )
      .all({
        status: filter.status ?? null,
        community: filter.communityId ?? null,
        limit: filter.limit,
      }) as AlarmRow[];
    return rows.map((row) => this.#view(row, reader));
  }

  view(alarmId: string, reader: Pick<StaffPrincipal, "role">): AlarmView | null {
    const row = this.#row(alarmId);
    return row ? this.#view(row, reader) : null;
  }

  communityOf(alarmId: string): string | null {
    return this.#row(alarmId)?.community_id ?? null;
  }

  /** What a unit should tell its elder about its alarms of the last day (sent again on every reconnection). */
  updatesForTerminal(terminalId: string, alarmId?: string): AlarmUpdate[] {
    const since = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
    const rows = this.db
      .prepare(
        `${SELECT_ALARM} WHERE alarms.terminal_id = @terminal AND (@alarm IS NULL OR alarms.id = @alarm)
           AND (@alarm IS NOT NULL OR alarms.received_at >= @since) ORDER BY alarms.received_at`,
      )
      .all({ terminal: terminalId, alarm: alarmId ?? null, since }) as AlarmRow[];
    return rows.map((row) => ({
      alarmId: row.id,
      raiseId: row.raise_event_id,
      status: row.status,
      acknowledgedBy: row.acknowledged_by_name,
      escalationLevel: row.escalation_level,
      at: row.resolved_at ?? row.cancelled_at ?? row.acknowledged_at ?? row.received_at,
    }));
  }

  terminalOf(alarmId: string): string | null {
    return this.#row(alarmId)?.terminal_id ?? null;
  }

  #staffAction(
    alarmId: string,
    staff: StaffPrincipal,
    ip: string,
    action: string,
    change: (row: AlarmRow) => "changed" | "done" | "closed",
  ): AlarmActionResult {
    const outcome = this.db.transaction(() => {
      const row = this.#row(alarmId);
      if (!row || (staff.communityId && staff.communityId !== row.community_id)) return "not_found" as const;
      const result = change(row);
      if (result === "changed") {
        this.audit.record({
          actor: { type: "staff", id: staff.id },
          action,
          target: { type: "alarm", id: alarmId },
          ip,
        });
      }
      return result;
    })();
    if (outcome === "not_found" || outcome === "closed") return { ok: false, reason: outcome };
    if (outcome === "changed") this.bus.emit("alarm:changed", { alarmId, raised: false });
    return { ok: true, alarm: this.view(alarmId, staff)! };
  }

  #row(alarmId: string): AlarmRow | null {
    return (
      (this.db.prepare(`${SELECT_ALARM} WHERE alarms.id = ?`).get(alarmId) as AlarmRow | undefined) ?? null
    );
  }

  #event(alarmId: string, type: AlarmEvent["type"], actor: string | null, note: string | null): void {
    this.db
      .prepare("INSERT INTO alarm_events (alarm_id, at, type, actor, note) VALUES (?, ?, ?, ?, ?)")
      .run(alarmId, new Date().toISOString(), type, actor, note);
  }

  #view(row: AlarmRow, reader: Pick<StaffPrincipal, "role">): AlarmView {
    const elder = row.elder_id ? this.elders.get(row.elder_id) : null;
    const events = this.db
      .prepare("SELECT at, type, actor, note FROM alarm_events WHERE alarm_id = ? ORDER BY id")
      .all(row.id) as AlarmEvent[];
    return {
      id: row.id,
      kind: row.kind,
      source: row.source,
      status: row.status,
      raisedAt: row.raised_at,
      receivedAt: row.received_at,
      escalationLevel: row.escalation_level,
      terminal: { id: row.terminal_id, name: row.terminal_name },
      community: { id: row.community_id, name: row.community_name },
      elder: elder
        ? forReader(
            {
              id: elder.id,
              name: elder.name,
              address: elder.address,
              livingSituation: elder.livingSituation,
              conditions: elder.conditions,
              medicationNotes: elder.medicationNotes,
              keyHolder: elder.keyHolder,
              emergencyContacts: elder.emergencyContacts,
            },
            reader,
          )
        : null,
      acknowledgedBy: row.acknowledged_by_name,
      acknowledgedAt: row.acknowledged_at,
      resolvedAt: row.resolved_at,
      resolution: row.resolution,
      cancelledAt: row.cancelled_at,
      events,
    };
  }
}
