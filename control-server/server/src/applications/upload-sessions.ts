import { createHash, randomBytes } from "node:crypto";
import type { ApplicationAnswers, UploadSession } from "@linli/protocol";
import type { Database } from "../db/database";
import { refuse } from "./refuse";

export interface OpenUploadSession {
  receiptCode: string;
  serviceCode: string;
  answers: ApplicationAnswers;
  /** The kiosk to tell when a file arrives; null for an application made on the resident's phone. */
  terminalId: string | null;
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * The kiosk's QR code for uploading materials from the resident's phone: a random 128-bit token, of
 * which only the hash is kept, valid for a limited time.
 */
export class UploadSessions {
  constructor(
    private readonly db: Database,
    private readonly publicUrl: () => string,
    private readonly ttlMs: number,
  ) {}

  open(session: OpenUploadSession, now = new Date()): UploadSession {
    const token = randomBytes(16).toString("base64url");
    const expiresAt = new Date(now.getTime() + this.ttlMs).toISOString();
    this.db
      .prepare(
        `INSERT INTO upload_sessions (token_hash, receipt_code, service_code, answers, terminal_id, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        hashToken(token),
        session.receiptCode,
        session.serviceCode,
        JSON.stringify(session.answers),
        session.terminalId,
        now.toISOString(),
        expiresAt,
      );
    return { url: `${this.publicUrl()}/r/upload/${token}`, expiresAt };
  }

  /** The session of this token; refuses an unknown token (`not_found`) and an old one (`expired`). */
  find(token: string, now = new Date()): OpenUploadSession & { expiresAt: string } {
    const row = this.db
      .prepare(
        "SELECT receipt_code, service_code, answers, terminal_id, expires_at FROM upload_sessions WHERE token_hash = ?",
      )
      .get(hashToken(token)) as
      | {
          receipt_code: string;
          service_code: string;
          answers: string;
          terminal_id: string | null;
          expires_at: string;
        }
      | undefined;
    if (!row) return refuse("not_found", "no such upload link");
    if (row.expires_at <= now.toISOString())
      refuse("expired", "this upload link has expired; open a new one at the kiosk");
    return {
      receiptCode: row.receipt_code,
      serviceCode: row.service_code,
      answers: JSON.parse(row.answers) as ApplicationAnswers,
      terminalId: row.terminal_id,
      expiresAt: row.expires_at,
    };
  }

  /** Forgets sessions that expired before `before`; returns how many. */
  purgeExpired(before: Date): number {
    return this.db.prepare("DELETE FROM upload_sessions WHERE expires_at < ?").run(before.toISOString())
      .changes;
  }
}
