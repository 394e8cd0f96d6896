import { randomInt } from "node:crypto";
import type { TerminalKind } from "@linli/protocol";
import type { AuditLog } from "../audit";
import { hashToken } from "../auth/secrets";
import type { StaffPrincipal } from "../auth/staff";
import type { Database } from "../db/database";
import type { TerminalRegistry } from "./terminal-registry";

/** Crockford-style alphabet: no 0/O, 1/I/L, U — easy to read aloud and to type on a kiosk. */
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
const CODE_LENGTH = 10;

export type EnrollResult =
  | { ok: true; terminalId: string; token: string }
  | { ok: false; reason: "invalid" | "used" | "expired" };

/** Codes are typed by installers: ignore case, spaces and dashes. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, "");
}

export class Enrollment {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly terminals: TerminalRegistry,
    private readonly codeTtlMs: number,
  ) {}

  createCode(
    input: { kind: TerminalKind; communityId: string; name: string },
    actor: StaffPrincipal,
    ip: string,
  ): { code: string; expiresAt: string } {
    const raw = Array.from(
      { length: CODE_LENGTH },
      () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)],
    ).join("");
    const code = `${raw.slice(0, 5)}-${raw.slice(5)}`;
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.codeTtlMs).toISOString();
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO enrollment_codes (code_hash, kind, community_id, name, created_by, created_at, expires_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          hashToken(raw),
          input.kind,
          input.communityId,
          input.name,
          actor.id,
          now.toISOString(),
          expiresAt,
        );
      this.audit.record({
        actor: { type: "staff", id: actor.id },
        action: "terminal.enrollment_code.create",
        detail: { kind: input.kind, communityId: input.communityId, name: input.name, expiresAt },
        ip,
      });
    })();
    return { code, expiresAt };
  }

  /** Exchanges a one-time code for a terminal's credentials; a code works once. */
  enroll(code: string, ip: string): EnrollResult {
    const codeHash = hashToken(normaliseCode(code));
    return this.db
      .transaction((): EnrollResult => {
        const row = this.db
          .prepare(
            "SELECT kind, community_id, name, expires_at, used_at FROM enrollment_codes WHERE code_hash = ?",
          )
          .get(codeHash) as
          | {
              kind: TerminalKind;
              community_id: string;
              name: string;
              expires_at: string;
              used_at: string | null;
            }
          | undefined;
        const refusal = !row
          ? "invalid"
          : row.used_at
            ? "used"
            : Date.parse(row.expires_at) <= Date.now()
              ? "expired"
              : null;
        if (!row || refusal) {
          this.audit.record({
            actor: { type: "anonymous" },
            action: "terminal.enroll_refused",
            detail: { reason: refusal },
            ip,
          });
          return { ok: false, reason: refusal ?? "invalid" };
        }
        const created = this.terminals.create({
          kind: row.kind,
          communityId: row.community_id,
          name: row.name,
        });
        this.db
          .prepare("UPDATE enrollment_codes SET used_at = ?, terminal_id = ? WHERE code_hash = ?")
          .run(new Date().toISOString(), created.terminalId, codeHash);
        this.audit.record({
          actor: { type: "terminal", id: created.terminalId },
          action: "terminal.enroll",
          target: { type: "terminal", id: created.terminalId },
          detail: { kind: row.kind, communityId: row.community_id, name: row.name },
          ip,
        });
        return { ok: true, ...created };
      })
      .immediate();
  }
}
