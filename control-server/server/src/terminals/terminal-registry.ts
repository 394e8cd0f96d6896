import { randomUUID } from "node:crypto";
import type { DeviceHealth, TerminalKind, TerminalStatus, TerminalSummary } from "@linli/protocol";
import type { AuditLog } from "../audit";
import { hashToken, randomToken } from "../auth/secrets";
import type { Database } from "../db/database";

interface TerminalRow {
  id: string;
  name: string;
  kind: TerminalKind;
  community_id: string;
  token_hash: string;
  revoked_at: string | null;
  online: number;
  last_seen_at: string | null;
  version: string | null;
  devices: string;
}

function toSummary(row: TerminalRow): TerminalSummary {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    communityId: row.community_id,
    online: row.online === 1,
    lastSeenAt: row.last_seen_at,
    version: row.version,
    devices: JSON.parse(row.devices) as DeviceHealth[],
    revoked: row.revoked_at !== null,
  };
}

export type TerminalAuthResult =
  | { ok: true; terminal: TerminalSummary }
  | { ok: false; reason: "unknown" | "revoked" };

/** The terminals of the county: their credentials, presence and reported state. */
export class TerminalRegistry {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
  ) {}

  /** Creates a terminal with fresh credentials; call inside the enrolment transaction. */
  create(input: { kind: TerminalKind; communityId: string; name: string }): {
    terminalId: string;
    token: string;
  } {
    const terminalId = randomUUID();
    const token = randomToken();
    this.db
      .prepare(
        "INSERT INTO terminals (id, name, kind, community_id, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      )
      .run(terminalId, input.name, input.kind, input.communityId, hashToken(token), new Date().toISOString());
    return { terminalId, token };
  }

  get(terminalId: string): TerminalSummary | null {
    const row = this.db.prepare("SELECT * FROM terminals WHERE id = ?").get(terminalId) as
      | TerminalRow
      | undefined;
    return row ? toSummary(row) : null;
  }

  list(filter: { communityId?: string | null } = {}): TerminalSummary[] {
    const rows = this.db
      .prepare(
        "SELECT * FROM terminals WHERE (@community IS NULL OR community_id = @community) ORDER BY community_id, name",
      )
      .all({ community: filter.communityId ?? null }) as TerminalRow[];
    return rows.map(toSummary);
  }

  authenticate(terminalId: string, token: string): TerminalAuthResult {
    const row = this.db.prepare("SELECT * FROM terminals WHERE id = ?").get(terminalId) as
      | TerminalRow
      | undefined;
    if (!row || row.token_hash !== hashToken(token)) return { ok: false, reason: "unknown" };
    if (row.revoked_at) return { ok: false, reason: "revoked" };
    return { ok: true, terminal: toSummary(row) };
  }

  revoke(terminalId: string, actor: { id: string }, ip: string): TerminalSummary | null {
    return this.db.transaction(() => {
      const result = this.db
        .prepare("UPDATE terminals SET revoked_at = ?, online = 0 WHERE id = ? AND revoked_at IS NULL")
        .run(new Date().toISOString(), terminalId);
      if (result.changes === 0) return this.get(terminalId);
      this.audit.record({
        actor: { type: "staff", id: actor.id },
        action: "terminal.revoke",
        target: { type: "terminal", id: terminalId },
        ip,
      });
      return this.get(terminalId);
    })();
  }

  /** Records a change of presence (and its reason) only when it is a change; returns whether it was. */
  setPresence(terminalId: string, online: boolean, reason: string, at: Date): boolean {
    return this.db.transaction(() => {
      const changed = this.db
        .prepare("UPDATE terminals SET online = ?, last_seen_at = ? WHERE id = ? AND online <> ?")
        .run(online ? 1 : 0, at.toISOString(), terminalId, online ? 1 : 0).changes;
      if (changed === 0) return false;
      this.db
        .prepare("INSERT INTO terminal_presence (terminal_id, online, reason, at) VALUES (?, ?, ?, ?)")
        .run(terminalId, online ? 1 : 0, reason, at.toISOString());
      return true;
    })();
  }

  /** Persists the last-seen times the supervisor keeps in memory, in one write. */
  touchMany(seen: ReadonlyMap<string, number>): void {
    if (seen.size === 0) return;
    const update = this.db.prepare("UPDATE terminals SET last_seen_at = ? WHERE id = ?");
    this.db.transaction(() => {
      for (const [terminalId, at] of seen) update.run(new Date(at).toISOString(), terminalId);
    })();
  }

  /** Marks every terminal offline; on start-up, since no link survives a restart. */
  markAllOffline(reason: string): string[] {
    const online = this.db.prepare("SELECT id FROM terminals WHERE online = 1").all() as Array<{
      id: string;
    }>;
    const now = new Date();
    for (const { id } of online) this.setPresence(id, false, reason, now);
    return online.map((row) => row.id);
  }

  reportStatus(terminalId: string, status: TerminalStatus): TerminalSummary | null {
    this.db
      .prepare("UPDATE terminals SET version = ?, devices = ? WHERE id = ?")
      .run(status.version, JSON.stringify(status.devices), terminalId);
    return this.get(terminalId);
  }

  presenceHistory(terminalId: string, limit: number): Array<{ online: boolean; reason: string; at: string }> {
    const rows = this.db
      .prepare(
        "SELECT online, reason, at FROM terminal_presence WHERE terminal_id = ? ORDER BY id DESC LIMIT ?",
      )
      .all(terminalId, limit) as Array<{ online: number; reason: string; at: string }>;
    return rows.map((row) => ({ online: row.online === 1, reason: row.reason, at: row.at }));
  }
}
