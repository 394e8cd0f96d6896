import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { DurableTerminalEvent } from "@linli/protocol";
import BetterSqlite3, { type Database } from "better-sqlite3";

export interface OutboxEntry {
  seq: number;
  id: string;
  event: DurableTerminalEvent;
  payload: Record<string, unknown>;
  createdAt: string;
  attempts: number;
}

const SCHEMA_VERSION = 1;

/**
 * The terminal's durable outbox. An event is committed here (`synchronous=FULL`: on disk, not in a
 * cache) before the UI may say "sent"; it leaves only when the server has acknowledged it. An event
 * the server rejects as invalid is kept as rejected, never silently dropped.
 */
export class Outbox {
  readonly #db: Database;

  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.#db = new BetterSqlite3(file);
    this.#db.pragma("journal_mode = WAL");
    this.#db.pragma("synchronous = FULL");
    const version = this.#db.pragma("user_version", { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new Error(`outbox ${file} is from a newer build (schema ${version})`);
    if (version < SCHEMA_VERSION) {
      this.#db.exec(`
        CREATE TABLE outbox (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          id TEXT NOT NULL UNIQUE,
          event TEXT NOT NULL,
          payload TEXT NOT NULL,
          created_at TEXT NOT NULL,
          attempts INTEGER NOT NULL DEFAULT 0,
          rejected_at TEXT,
          last_error TEXT
        ) STRICT;
        CREATE TABLE commands_seen (command_id TEXT PRIMARY KEY, received_at TEXT NOT NULL) STRICT;
        PRAGMA user_version = ${SCHEMA_VERSION};
      `);
    }
  }

  /** Commits an event; when this returns, it survives a crash or a power cut. */
  add(event: DurableTerminalEvent, payload: Record<string, unknown>): { id: string; createdAt: string } {
    const id = randomUUID();
    const createdAt = new Date().toISOString();
    this.#db
      .prepare("INSERT INTO outbox (id, event, payload, created_at) VALUES (?, ?, ?, ?)")
      .run(id, event, JSON.stringify({ ...payload, id }), createdAt);
    return { id, createdAt };
  }

  /** The oldest events still waiting for an acknowledgement. */
  pending(limit: number): OutboxEntry[] {
    const rows = this.#db
      .prepare(
        "SELECT seq, id, event, payload, created_at, attempts FROM outbox WHERE rejected_at IS NULL ORDER BY seq LIMIT ?",
      )
      .all(limit) as Array<{
      seq: number;
      id: string;
      event: DurableTerminalEvent;
      payload: string;
      created_at: string;
      attempts: number;
    }>;
    return rows.map((row) => ({
      seq: row.seq,
      id: row.id,
      event: row.event,
      payload: JSON.parse(row.payload) as Record<string, unknown>,
      createdAt: row.created_at,
      attempts: row.attempts,
    }));
  }

  /** Pending events of one kind, oldest first. */
  pendingOf(
    event: DurableTerminalEvent,
  ): Array<{ id: string; createdAt: string; payload: Record<string, unknown> }> {
    const rows = this.#db
      .prepare(
        "SELECT id, created_at, payload FROM outbox WHERE event = ? AND rejected_at IS NULL ORDER BY seq",
      )
      .all(event) as Array<{ id: string; created_at: string; payload: string }>;
    return rows.map((row) => ({
      id: row.id,
      createdAt: row.created_at,
      payload: JSON.parse(row.payload) as Record<string, unknown>,
    }));
  }

  acknowledged(id: string): void {
    this.#db.prepare("DELETE FROM outbox WHERE id = ?").run(id);
  }

  attempted(id: string, error: string | null): void {
    this.#db.prepare("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?").run(error, id);
  }

  /** The server refused the event for good (it failed validation there): keep it for a person to look at. */
  rejected(id: string, error: string): void {
    this.#db
      .prepare("UPDATE outbox SET rejected_at = ?, last_error = ? WHERE id = ?")
      .run(new Date().toISOString(), error, id);
  }

  stats(): { pending: number; oldestAt: string | null; rejected: number } {
    const row = this.#db
      .prepare(
        `SELECT count(*) FILTER (WHERE rejected_at IS NULL) AS pending,
                min(created_at) FILTER (WHERE rejected_at IS NULL) AS oldest,
                count(*) FILTER (WHERE rejected_at IS NOT NULL) AS rejected
         FROM outbox`,
      )
      .get() as { pending: number; oldest: string | null; rejected: number };
    return { pending: row.pending, oldestAt: row.oldest, rejected: row.rejected };
  }

  /** Remembers a command id; false when it was already seen (the server resent it), so it runs once. */
  firstSightOfCommand(commandId: string): boolean {
    return (
      this.#db
        .prepare("INSERT OR IGNORE INTO commands_seen (command_id, received_at) VALUES (?, ?)")
        .run(commandId, new Date().toISOString()).changes === 1
    );
  }

  close(): void {
    this.#db.close();
  }
}
