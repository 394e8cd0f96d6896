import type { ErrorCode } from "@linli/protocol";
import type { Database } from "../db/database";

/**
 * Thrown by a handler inside the inbox transaction to refuse an event: nothing is stored, and the
 * terminal gets this error (a permanent code is kept as rejected; `unavailable` is retried).
 */
export class EventRefusal extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type InboxOutcome<T> = { ok: true; data: T; duplicate: boolean } | { ok: false; reason: "conflict" };

/**
 * Stores each durable terminal event at most once, by its client-generated id. The handler's own writes
 * and the deduplication record commit in one transaction, so an acknowledgement is only ever sent for
 * something that is on disk, and a resend after a lost ack gets the same answer without a second copy.
 */
export class TerminalInbox {
  readonly #find;
  readonly #insert;

  constructor(private readonly db: Database) {
    this.#find = db.prepare("SELECT terminal_id, event, result FROM terminal_inbox WHERE event_id = ?");
    this.#insert = db.prepare(
      "INSERT INTO terminal_inbox (event_id, terminal_id, event, result, received_at) VALUES (?, ?, ?, ?, ?)",
    );
  }

  receive<T>(terminalId: string, event: string, eventId: string, handle: () => T): InboxOutcome<T> {
    return this.db
      .transaction((): InboxOutcome<T> => {
        const seen = this.#find.get(eventId) as
          | { terminal_id: string; event: string; result: string }
          | undefined;
        if (seen) {
          if (seen.terminal_id !== terminalId || seen.event !== event)
            return { ok: false, reason: "conflict" };
          return { ok: true, data: JSON.parse(seen.result) as T, duplicate: true };
        }
        const data = handle();
        this.#insert.run(eventId, terminalId, event, JSON.stringify(data ?? null), new Date().toISOString());
        return { ok: true, data, duplicate: false };
      })
      .immediate();
  }

  count(terminalId: string): number {
    return (
      this.db.prepare("SELECT count(*) AS n FROM terminal_inbox WHERE terminal_id = ?").get(terminalId) as {
        n: number;
      }
    ).n;
  }
}
