import { randomUUID } from "node:crypto";
import type { AuditLog } from "../audit";
import type { Database } from "../db/database";
import { hashPassword, hashToken, randomPassword, randomToken, verifyPassword } from "./secrets";

export const staffRoles = ["admin", "dispatcher", "caseworker", "community_staff"] as const;
export type StaffRole = (typeof staffRoles)[number];

/** Who is making a request, as the API sees them. */
export interface StaffPrincipal {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  /** Set for community staff: everything they see and change is limited to this community. */
  communityId: string | null;
}

export interface StaffAccount extends StaffPrincipal {
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

export interface StaffPolicy {
  sessionTtlMs: number;
  maxFailedLogins: number;
  lockoutMs: number;
}

export const defaultStaffPolicy: StaffPolicy = {
  sessionTtlMs: 12 * 60 * 60 * 1000,
  maxFailedLogins: 5,
  lockoutMs: 15 * 60 * 1000,
};

export type LoginResult =
  | { ok: true; token: string; expiresAt: string; staff: StaffPrincipal }
  | { ok: false; reason: "invalid" | "locked"; lockedUntil?: string };

interface StaffRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: StaffRole;
  community_id: string | null;
  failed_logins: number;
  locked_until: string | null;
  disabled: number;
  created_at: string;
}

function toAccount(row: StaffRow): StaffAccount {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    communityId: row.community_id,
    disabled: row.disabled === 1,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
  };
}

function toPrincipal(row: StaffRow): StaffPrincipal {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    communityId: row.community_id,
  };
}

export class StaffService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly policy: StaffPolicy = defaultStaffPolicy,
  ) {}

  /**
   * Makes sure an administrator exists. Returns the generated password when one had to be made up
   * (so the caller can print it once); returns null when an admin already existed or a password was given.
   */
  async ensureAdmin(
    password: string | undefined,
  ): Promise<{ username: string; generatedPassword: string | null }> {
    const existing = this.db
      .prepare("SELECT username FROM staff WHERE role = 'admin' ORDER BY created_at LIMIT 1")
      .get() as { username: string } | undefined;
    if (existing) return { username: existing.username, generatedPassword: null };
    const chosen = password ?? randomPassword();
    await this.create(
      { username: "admin", displayName: "管理员", password: chosen, role: "admin", communityId: null },
      null,
    );
    return { username: "admin", generatedPassword: password ? null : chosen };
  }

  async create(
    input: {
      username: string;
      displayName: string;
      password: string;
      role: StaffRole;
      communityId: string | null;
    },
    actor: StaffPrincipal | null,
    ip?: string,
  ): Promise<StaffAccount> {
    const id = randomUUID();
    const now = new Date().toISOString();
    const passwordHash = await hashPassword(input.password);
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO staff (id, username, display_name, password_hash, role, community_id, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, input.username, input.displayName, passwordHash, input.role, input.communityId, now, now);
      this.audit.record({
        actor: actor ? { type: "staff", id: actor.id } : { type: "system" },
        action: "staff.create",
        target: { type: "staff", id },
        detail: { username: input.username, role: input.role, communityId: input.communityId },
        ip: ip ?? null,
      });
    })();
    return this.get(id)!;
  }

  get(id: string): StaffAccount | null {
    const row = this.db.prepare("SELECT * FROM staff WHERE id = ?").get(id) as StaffRow | undefined;
    return row ? toAccount(row) : null;
  }

  findByUsername(username: string): StaffAccount | null {
    const row = this.db.prepare("SELECT * FROM staff WHERE username = ?").get(username) as
      | StaffRow
      | undefined;
    return row ? toAccount(row) : null;
  }

  list(): StaffAccount[] {
    return (this.db.prepare("SELECT * FROM staff ORDER BY username").all() as StaffRow[]).map(toAccount);
  }

  /** Whether a password is a user's current one, without signing in (no session, no lock-out count). */
  async passwordMatches(username: string, password: string): Promise<boolean> {
    const row = this.db.prepare("SELECT password_hash FROM staff WHERE username = ?").get(username) as
      | { password_hash: string }
      | undefined;
    return row ? verifyPassword(password, row.password_hash) : false;
  }

  async login(username: string, password: string, ip: string): Promise<LoginResult> {
    const row = this.db.prepare("SELECT * FROM staff WHERE username = ?").get(username) as
      | StaffRow
      | undefined;
    const now = Date.now();
    if (!row || row.disabled === 1) {
      // Spend the same time as a real check so that timing does not reveal which usernames exist.
      await verifyPassword(
        password,
        "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
      );
      this.audit.record({
        actor: { type: "anonymous" },
        action: "auth.login_failed",
        detail: { username },
        ip,
      });
      return { ok: false, reason: "invalid" };
    }
    if (row.locked_until && Date.parse(row.locked_until) > now) {
      this.audit.record({ actor: { type: "staff", id: row.id }, action: "auth.login_locked", ip });
      return { ok: false, reason: "locked", lockedUntil: row.locked_until };
    }
    if (!(await verifyPassword(password, row.password_hash))) {
      const failures = row.failed_logins + 1;
      const lockedUntil =
        failures >= this.policy.maxFailedLogins ? new Date(now + this.policy.lockoutMs).toISOString() : null;
      this.db.transaction(() => {
        this.db
          .prepare("UPDATE staff SET failed_logins = ?, locked_until = ? WHERE id = ?")
          .run(lockedUntil ? 0 : failures, lockedUntil, row.id);
        this.audit.record({
          actor: { type: "staff", id: row.id },
          action: lockedUntil ? "auth.locked_out" : "auth.login_failed",
          detail: { failures },
          ip,
        });
      })();
      return lockedUntil ? { ok: false, reason: "locked", lockedUntil } : { ok: false, reason: "invalid" };
    }
    const token = randomToken();
    const expiresAt = new Date(now + this.policy.sessionTtlMs).toISOString();
    this.db.transaction(() => {
      this.db.prepare("UPDATE staff SET failed_logins = 0, locked_until = NULL WHERE id = ?").run(row.id);
      this.db
        .prepare(
          "INSERT INTO staff_sessions (token_hash, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
        )
        .run(hashToken(token), row.id, new Date(now).toISOString(), expiresAt);
      this.audit.record({ actor: { type: "staff", id: row.id }, action: "auth.login", ip });
    })();
    return { ok: true, token, expiresAt, staff: toPrincipal(row) };
  }

  /**
   * Changes a staff member's own password after checking the current one; every other session of
   * theirs ends (a stolen session does not outlive a password change).
   */
  async changePassword(
    staff: StaffPrincipal,
    currentPassword: string,
    newPassword: string,
    keepSessionToken: string,
    ip: string,
  ): Promise<boolean> {
    const row = this.db.prepare("SELECT password_hash FROM staff WHERE id = ?").get(staff.id) as
      | { password_hash: string }
      | undefined;
    if (!row || !(await verifyPassword(currentPassword, row.password_hash))) {
      this.audit.record({
        actor: { type: "staff", id: staff.id },
        action: "auth.password_change_refused",
        ip,
      });
      return false;
    }
    const passwordHash = await hashPassword(newPassword);
    const now = new Date().toISOString();
    this.db.transaction(() => {
      this.db
        .prepare("UPDATE staff SET password_hash = ?, updated_at = ? WHERE id = ?")
        .run(passwordHash, now, staff.id);
      this.db
        .prepare(
          "UPDATE staff_sessions SET ended_at = ? WHERE staff_id = ? AND token_hash <> ? AND ended_at IS NULL",
        )
        .run(now, staff.id, hashToken(keepSessionToken));
      this.audit.record({ actor: { type: "staff", id: staff.id }, action: "auth.password_change", ip });
    })();
    return true;
  }

  /** The staff member a session token belongs to, or null when it is unknown, expired, ended or disabled. */
  authenticate(token: string): StaffPrincipal | null {
    const row = this.db
      .prepare(
        `SELECT staff.* FROM staff_sessions JOIN staff ON staff.id = staff_sessions.staff_id
         WHERE token_hash = ? AND ended_at IS NULL AND expires_at > ? AND staff.disabled = 0`,
      )
      .get(hashToken(token), new Date().toISOString()) as StaffRow | undefined;
    return row ? toPrincipal(row) : null;
  }

  logout(token: string, staff: StaffPrincipal, ip: string): void {
    this.db.transaction(() => {
      this.db
        .prepare("UPDATE staff_sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL")
        .run(new Date().toISOString(), hashToken(token));
      this.audit.record({ actor: { type: "staff", id: staff.id }, action: "auth.logout", ip });
    })();
  }
}
