import { randomUUID } from "node:crypto";
import type { Checkin, CheckTask, TerminalSummary } from "@linli/protocol";
import type { AuditLog } from "../audit";
import type { StaffPrincipal } from "../auth/staff";
import type { ServerBus } from "../bus";
import type { Database } from "../db/database";
import { localDateAndHour } from "./local-time";

interface TaskRow {
  id: string;
  local_date: string;
  status: "open" | "done";
  elder_id: string;
  elder_name: string;
  elder_address: string;
  community_id: string;
  community_name: string;
  terminal_id: string;
  created_at: string;
  done_at: string | null;
  done_by: string | null;
  note: string | null;
}

const SELECT_TASK = `
  SELECT t.*, e.name AS elder_name, e.address AS elder_address, c.name AS community_name
  FROM check_tasks t JOIN elders e ON e.id = t.elder_id JOIN communities c ON c.id = t.community_id`;

/**
 * The daily "I'm fine": an elder with a unit presses it once a day; whoever has not by the check-in
 * hour gets a gentle check task on the console (a call or a visit), closed by staff or by a late press.
 */
export class DailyCheckins {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly bus: ServerBus,
    private readonly policy: { hour: number; timeZone: string },
    /** The time of day decides when tasks are due; tests set it. */
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Records a press; runs inside the inbox transaction. A late press closes the day's open task, whose
   * id is returned so that the caller announces it after the commit.
   */
  record(terminal: TerminalSummary, checkin: Checkin): { date: string; closedTaskId: string | null } {
    const { date } = localDateAndHour(new Date(checkin.at), this.policy.timeZone);
    this.db
      .prepare("INSERT INTO elder_checkins (event_id, terminal_id, local_date, at) VALUES (?, ?, ?, ?)")
      .run(checkin.id, terminal.id, date, checkin.at);
    const closed = this.db
      .prepare(
        `UPDATE check_tasks SET status = 'done', done_at = ?, note = '老人已报平安' WHERE terminal_id = ? AND local_date = ?
           AND status = 'open' RETURNING id`,
      )
      .get(new Date().toISOString(), terminal.id, date) as { id: string } | undefined;
    return { date, closedTaskId: closed?.id ?? null };
  }

  announce(taskId: string): void {
    const task = this.#task(taskId);
    if (task) this.bus.emit("checktask:changed", task);
  }

  /** Creates today's check tasks once the check-in hour has passed; called by a timer. */
  createMissingTasks(now = this.clock()): number {
    const { date, hour } = localDateAndHour(now, this.policy.timeZone);
    if (hour < this.policy.hour) return 0;
    const missing = this.db
      .prepare(
        `SELECT e.id, e.terminal_id, e.community_id FROM elders e
         WHERE e.terminal_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM elder_checkins k WHERE k.terminal_id = e.terminal_id AND k.local_date = @date)
           AND NOT EXISTS (SELECT 1 FROM check_tasks t WHERE t.elder_id = e.id AND t.local_date = @date)`,
      )
      .all({ date }) as Array<{ id: string; terminal_id: string; community_id: string }>;
    const insert = this.db.prepare(
      `INSERT INTO check_tasks (id, elder_id, terminal_id, community_id, local_date, status, created_at)
       VALUES (?, ?, ?, ?, ?, 'open', ?)`,
    );
    const created = this.db.transaction(() =>
      missing.map((elder) => {
        const id = randomUUID();
        insert.run(id, elder.id, elder.terminal_id, elder.community_id, date, now.toISOString());
        return id;
      }),
    )();
    for (const id of created) this.announce(id);
    return created.length;
  }

  list(filter: { status?: "open" | "done"; communityId?: string | null; limit: number }): CheckTask[] {
    const rows = this.db
      .prepare(
        `${SELECT_TASK} WHERE (@status IS NULL OR t.status = @status) AND (@community IS NULL OR t.community_id = @community)
         ORDER BY t.local_date DESC, e.name LIMIT @limit`,
      )
      .all({
        status: filter.status ?? null,
        community: filter.communityId ?? null,
        limit: filter.limit,
      }) as TaskRow[];
    return rows.map(toTask);
  }

  complete(
    taskId: string,
    note: string,
    staff: StaffPrincipal,
    ip: string,
  ): CheckTask | "not_found" | "closed" {
    const outcome = this.db.transaction(() => {
      const row = this.db.prepare(`${SELECT_TASK} WHERE t.id = ?`).get(taskId) as TaskRow | undefined;
      if (!row || (staff.communityId && staff.communityId !== row.community_id)) return "not_found" as const;
      if (row.status === "done") return "closed" as const;
      this.db
        .prepare("UPDATE check_tasks SET status = 'done', done_at = ?, done_by = ?, note = ? WHERE id = ?")
        .run(new Date().toISOString(), staff.displayName, note, taskId);
      this.audit.record({
        actor: { type: "staff", id: staff.id },
        action: "check_task.done",
        target: { type: "check_task", id: taskId },
        ip,
      });
      return "done" as const;
    })();
    if (outcome !== "done") return outcome;
    this.announce(taskId);
    return this.#task(taskId)!;
  }

  #task(taskId: string): CheckTask | null {
    const row = this.db.prepare(`${SELECT_TASK} WHERE t.id = ?`).get(taskId) as TaskRow | undefined;
    return row ? toTask(row) : null;
  }
}

function toTask(row: TaskRow): CheckTask {
  return {
    id: row.id,
    date: row.local_date,
    status: row.status,
    elder: { id: row.elder_id, name: row.elder_name, address: row.elder_address },
    community: { id: row.community_id, name: row.community_name },
    terminalId: row.terminal_id,
    createdAt: row.created_at,
    doneAt: row.done_at,
    doneBy: row.done_by,
    note: row.note,
  };
}
