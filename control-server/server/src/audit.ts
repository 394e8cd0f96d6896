import type { Database } from "./db/database";

export type ActorType = "staff" | "terminal" | "system" | "anonymous";

export interface AuditEntry {
  actor: { type: ActorType; id?: string | null };
  action: string;
  target?: { type: string; id: string };
  /** Never put an ID number, phone number or secret here in clear. */
  detail?: Record<string, unknown>;
  ip?: string | null;
}

export interface AuditRecord {
  id: number;
  at: string;
  actorType: ActorType;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
}

/** Append-only record of sign-ins and of every change, written in the same transaction as the change. */
export class AuditLog {
  readonly #insert;
  readonly #list;

  constructor(db: Database) {
    this.#insert = db.prepare(
      `INSERT INTO audit_log (at, actor_type, actor_id, action, target_type, target_id, detail, ip)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#list = db.prepare(
      `SELECT id, at, actor_type, actor_id, action, target_type, target_id, detail, ip FROM audit_log
       WHERE (@action IS NULL OR action = @action) AND id < @before ORDER BY id DESC LIMIT @limit`,
    );
  }

  record(entry: AuditEntry): void {
    this.#insert.run(
      new Date().toISOString(),
      entry.actor.type,
      entry.actor.id ?? null,
      entry.action,
      entry.target?.type ?? null,
      entry.target?.id ?? null,
      JSON.stringify(entry.detail ?? {}),
      entry.ip ?? null,
    );
  }

  list(filter: { action?: string; before?: number; limit: number }): AuditRecord[] {
    const rows = this.#list.all({
      action: filter.action ?? null,
      before: filter.before ?? Number.MAX_SAFE_INTEGER,
      limit: filter.limit,
    }) as Array<Record<string, string | number | null>>;
    return rows.map((row) => ({
      id: row.id as number,
      at: row.at as string,
      actorType: row.actor_type as ActorType,
      actorId: row.actor_id as string | null,
      action: row.action as string,
      targetType: row.target_type as string | null,
      targetId: row.target_id as string | null,
      detail: JSON.parse(row.detail as string) as Record<string, unknown>,
      ip: row.ip as string | null,
    }));
  }
}
