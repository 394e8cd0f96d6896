import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import type { ErrorCode, PhoneApplyProblem, VerificationCodeSent } from "@linli/protocol";
import type { Logger } from "pino";
import type { SmsGateway } from "../alarms/sms-gateway";
import type { AuditLog } from "../audit";
import type { Database } from "../db/database";
import { maskPhone } from "../privacy/mask";

export interface PhoneVerificationLimits {
  /** How long a code may be typed. */
  codeTtlMs: number;
  /** Wrong tries after which the code is dead and a new one must be asked for. */
  maxTries: number;
  /** The shortest time between two texts to one phone. */
  resendMs: number;
  /** Texts to one phone in an hour: a stranger cannot flood someone's phone. */
  textsPerPhonePerHour: number;
  /** Texts asked for from one address in an hour: the county pays for each text. */
  textsPerIpPerHour: number;
}

export const DEFAULT_VERIFICATION_LIMITS: PhoneVerificationLimits = {
  codeTtlMs: 10 * 60 * 1000,
  maxTries: 5,
  resendMs: 60 * 1000,
  textsPerPhonePerHour: 5,
  textsPerIpPerHour: 20,
};

const HOUR_MS = 3600 * 1000;

/**
 * A refused code request or check, with the HTTP status to answer and a `problem` the phone page turns
 * into words in the resident's language.
 */
export class VerificationRefusal extends Error {
  constructor(
    readonly status: 400 | 429 | 503,
    readonly code: ErrorCode,
    readonly problem: PhoneApplyProblem,
    message: string,
    /** Seconds until asking again may succeed (429). */
    readonly retryAfterSeconds: number | null = null,
    /** Tries the code has left after a wrong one. */
    readonly triesLeft: number | null = null,
  ) {
    super(message);
    this.name = "VerificationRefusal";
  }
}

interface CodeRow {
  id: number;
  code_salt: string;
  code_hash: string;
  expires_at: string;
  tries: number;
  used_at: string | null;
}

const hashCode = (salt: string, code: string) =>
  createHash("sha256").update(salt).update(":").update(code).digest();

/**
 * Text-message codes that prove a resident holds the phone they give on the phone page (typed ID + phone
 * code). Six digits, of which only a salted hash is kept; neither the code nor the phone number reaches
 * the audit log or the server's log in clear.
 */
export class PhoneVerification {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly sms: SmsGateway,
    private readonly log: Logger,
    private readonly limits: PhoneVerificationLimits = DEFAULT_VERIFICATION_LIMITS,
  ) {}

  /** False without an SMS gateway: nobody can prove a phone, so the phone page cannot take applications. */
  get available(): boolean {
    return this.sms.configured;
  }

  /** Refuses (503) when no SMS gateway is configured. */
  requireAvailable(): void {
    if (!this.available) {
      throw new VerificationRefusal(
        503,
        "unavailable",
        "no-sms-gateway",
        "applications from the phone are not available here (no SMS gateway is configured); apply at the kiosk in the community service centre",
      );
    }
  }

  /** Texts a new code to `phone`; the code before it stops counting. */
  async send(phone: string, ip: string, now = new Date()): Promise<VerificationCodeSent> {
    this.requireAvailable();
    const hourAgo = new Date(now.getTime() - HOUR_MS).toISOString();
    const { id, code, expiresAt, resendAfter } = this.db.transaction(() => {
      // Codes older than the longest limit count for nothing; they go, rather than pile up.
      this.db.prepare("DELETE FROM phone_verification_codes WHERE sent_at < ?").run(hourAgo);
      const recent = this.db
        .prepare("SELECT sent_at FROM phone_verification_codes WHERE phone = ? AND sent_at > ? ORDER BY id")
        .all(phone, hourAgo) as Array<{ sent_at: string }>;
      const last = recent.at(-1);
      if (last) {
        const waitMs = Date.parse(last.sent_at) + this.limits.resendMs - now.getTime();
        if (waitMs > 0)
          this.#tooMany("too-soon", "a code was just sent to this phone; wait before asking again", waitMs);
      }
      if (recent.length >= this.limits.textsPerPhonePerHour) {
        const waitMs = Date.parse(recent[0]!.sent_at) + HOUR_MS - now.getTime();
        this.#tooMany("too-many-texts", "too many codes were sent to this phone in the last hour", waitMs);
      }
      const fromIp = this.db
        .prepare(
          "SELECT count(*) AS n, min(sent_at) AS first FROM phone_verification_codes WHERE ip = ? AND sent_at > ?",
        )
        .get(ip, hourAgo) as { n: number; first: string | null };
      if (fromIp.n >= this.limits.textsPerIpPerHour) {
        const waitMs = Date.parse(fromIp.first!) + HOUR_MS - now.getTime();
        this.#tooMany(
          "too-many-texts",
          "too many codes were asked for from this address in the last hour",
          waitMs,
        );
      }
      const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
      const salt = randomBytes(16).toString("hex");
      const expiresAt = new Date(now.getTime() + this.limits.codeTtlMs).toISOString();
      const resendAfter = new Date(now.getTime() + this.limits.resendMs).toISOString();
      const inserted = this.db
        .prepare(
          `INSERT INTO phone_verification_codes (phone, code_salt, code_hash, ip, sent_at, expires_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(phone, salt, hashCode(salt, code).toString("hex"), ip, now.toISOString(), expiresAt);
      return { id: Number(inserted.lastInsertRowid), code, expiresAt, resendAfter };
    })();
    const minutes = Math.round(this.limits.codeTtlMs / 60_000);
    try {
      await this.sms.send(phone, `【邻里】您的验证码是 ${code}，${minutes} 分钟内有效。请勿告诉他人。`);
    } catch (error) {
      // The code was never delivered: it must not block a retry for a minute.
      this.db.prepare("DELETE FROM phone_verification_codes WHERE id = ?").run(id);
      this.log.error({ err: error, phone: maskPhone(phone) }, "verification text not sent");
      throw new VerificationRefusal(
        503,
        "unavailable",
        "sms-failed",
        "the text message could not be sent; try again later or apply at the kiosk",
      );
    }
    this.audit.record({
      actor: { type: "anonymous" },
      action: "phone_verification.sent",
      detail: { phone: maskPhone(phone) },
      ip,
    });
    this.log.info({ phone: maskPhone(phone) }, "verification code sent");
    return { expiresAt, resendAfter };
  }

  /**
   * Uses up the newest code of `phone` when `code` is it. A wrong code counts a try (and stays counted
   * when the caller's transaction does not commit: call this outside it); the last allowed try kills it.
   */
  confirm(phone: string, code: string, ip: string, now = new Date()): void {
    const row = this.db
      .prepare(
        `SELECT id, code_salt, code_hash, expires_at, tries, used_at FROM phone_verification_codes
         WHERE phone = ? ORDER BY id DESC LIMIT 1`,
      )
      .get(phone) as CodeRow | undefined;
    const refusal = this.#problemWith(row, code, now);
    if (refusal) {
      this.audit.record({
        actor: { type: "anonymous" },
        action: "phone_verification.refused",
        detail: { phone: maskPhone(phone), problem: refusal.problem },
        ip,
      });
      throw refusal;
    }
    this.db
      .prepare("UPDATE phone_verification_codes SET used_at = ? WHERE id = ?")
      .run(now.toISOString(), row!.id);
  }

  /** What is wrong with typing `code` for this newest code row; a wrong code counts a try. */
  #problemWith(row: CodeRow | undefined, code: string, now: Date): VerificationRefusal | null {
    const refusal = (problem: PhoneApplyProblem, message: string) =>
      new VerificationRefusal(
        400,
        problem === "code-expired" ? "expired" : "invalid_payload",
        problem,
        message,
      );
    if (!row) return refusal("no-code", "no code was sent to this phone; ask for one first");
    if (row.used_at) return refusal("code-used", "this code was already used; ask for a new one");
    if (row.tries >= this.limits.maxTries)
      return refusal("code-locked", "too many wrong codes; ask for a new one");
    if (row.expires_at <= now.toISOString())
      return refusal("code-expired", "the code has expired; ask for a new one");
    if (timingSafeEqual(hashCode(row.code_salt, code), Buffer.from(row.code_hash, "hex"))) return null;
    const tries = row.tries + 1;
    this.db.prepare("UPDATE phone_verification_codes SET tries = ? WHERE id = ?").run(tries, row.id);
    const left = this.limits.maxTries - tries;
    if (left <= 0) return refusal("code-locked", "too many wrong codes; ask for a new one");
    return new VerificationRefusal(
      400,
      "invalid_payload",
      "wrong-code",
      `the code is wrong; ${left} ${left === 1 ? "try" : "tries"} left`,
      null,
      left,
    );
  }

  #tooMany(problem: PhoneApplyProblem, message: string, waitMs: number): never {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    throw new VerificationRefusal(
      429,
      "unavailable",
      problem,
      `${message} (try again in ${seconds} s)`,
      seconds,
    );
  }
}
