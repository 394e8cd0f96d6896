import { randomUUID } from "node:crypto";
import type { CommandType, TerminalCommand } from "@linli/protocol";
import type { AuditLog } from "../audit";
import type { StaffPrincipal } from "../auth/staff";
import type { Database } from "../db/database";

export const commandStates = ["queued", "sent", "delivered", "succeeded", "failed", "expired"] as const;
export type CommandState = (typeof commandStates)[number];

export interface CommandRecord {
  id: string;
  terminalId: string;
  type: CommandType;
  params: Record<string, unknown>;
  state: CommandState;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
  completedAt: string | null;
  detail: string | null;
}

interface CommandRow {
  id: string;
  terminal_id: string;
  type: CommandType;
  params: string;
  state: CommandState;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  sent_at: string | null;
  delivered_at: string | null;
  completed_at: string | null;
  detail: string | null;
}

function toRecord(row: CommandRow): CommandRecord {
  return {
    id: row.id,
    terminalId: row.terminal_id,
    type: row.type,
    params: JSON.parse(row.params) as Record<string, unknown>,
    state: row.state,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    sentAt: row.sent_at,
    deliveredAt: row.delivered_at,
    completedAt: row.completed_at,
    detail: row.detail,
  };
}

/** Persistent server-to-terminal commands: stored, delivered when the terminal is (or comes back) online, tracked. */
export class TerminalCommands {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
  ) {}

  create(
    input: { terminalId: string; type: CommandType; params: Record<string, unknown>; ttlMs: number },
    actor: StaffPrincipal,
    ip: string,
  ): CommandRecord {
    const id = randomUUID();
    const now = new Date();
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO terminal_commands (id, terminal_id, type, params, state, created_by, created_at, expires_at)
           VALUES (?, ?, ?, ?, 'queued', ?, ?, ?)`,
        )
        .run(
          id,
          input.terminalId,
          input.type,
          JSON.stringify(input.params),
          actor.id,
          now.toISOString(),
          new Date(now.getTime() + input.ttlMs).toISOString(),
        );
      this.audit.record({
        actor: { type: "staff", id: actor.id },
        action: "terminal.command.create",
        target: { type: "terminal", id: input.terminalId },
        detail: { commandId: id, type: input.type },
        ip,
      });
    })();
    return this.get(id)!;
  }

  get(id: string): CommandRecord | null {
    const row = this.db.prepare("SELECT * FROM terminal_commands WHERE id = ?").get(id) as
      | CommandRow
      | undefined;
    return row ? toRecord(row) : null;
  }

  list(terminalId: string, limit = 50): CommandRecord[] {
    const rows = this.db
      .prepare("SELECT * FROM terminal_commands WHERE terminal_id = ? ORDER BY created_at DESC LIMIT ?")
      .all(terminalId, limit) as CommandRow[];
    return rows.map(toRecord);
  }

  /** Commands still to be delivered to a terminal (queued, or sent without a receipt), oldest first. */
  undelivered(terminalId: string): TerminalCommand[] {
    this.expire();
    const rows = this.db
      .prepare(
        "SELECT * FROM terminal_commands WHERE terminal_id = ? AND state IN ('queued', 'sent') ORDER BY created_at",
      )
      .all(terminalId) as CommandRow[];
    return rows.map((row) => ({
      commandId: row.id,
      type: row.type,
      params: JSON.parse(row.params) as Record<string, unknown>,
      expiresAt: row.expires_at,
    }));
  }

  markSent(id: string): void {
    this.db
      .prepare("UPDATE terminal_commands SET state = 'sent', sent_at = ? WHERE id = ? AND state = 'queued'")
      .run(new Date().toISOString(), id);
  }

  markDelivered(id: string): void {
    this.db
      .prepare(
        "UPDATE terminal_commands SET state = 'delivered', delivered_at = ? WHERE id = ? AND state IN ('queued', 'sent')",
      )
      .run(new Date().toISOString(), id);
  }

  /** Records the outcome a terminal reported; returns false when the command is not that terminal's. */
  complete(
    terminalId: string,
    id: string,
    state: "succeeded" | "failed",
    detail: string | undefined,
  ): boolean {
    const row = this.db.prepare("SELECT terminal_id FROM terminal_commands WHERE id = ?").get(id) as
      | { terminal_id: string }
      | undefined;
    if (!row || row.terminal_id !== terminalId) return false;
    this.db
      .prepare(
        `UPDATE terminal_commands SET state = ?, completed_at = ?, detail = ?,
         delivered_at = coalesce(delivered_at, ?) WHERE id = ?`,
      )
      .run(state, new Date().toISOString(), detail ?? null, new Date().toISOString(), id);
    return true;
  }

  /** Commands nobody received before their expiry will never run. */
  expire(now = new Date()): number {
    return this.db
      .prepare(
        "UPDATE terminal_commands SET state = 'expired' WHERE state IN ('queued', 'sent') AND expires_at <= ?",
      )
      .run(now.toISOString()).changes;
  }
}
