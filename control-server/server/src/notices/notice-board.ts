import { randomUUID } from "node:crypto";
import type {
  Notice,
  NoticeInput,
  NoticeReceipt,
  NoticeReceiptsView,
  NoticeTerminalReceipt,
  StaffNotice,
  TerminalKind,
  TerminalSummary,
} from "@linli/protocol";
import type { AuditLog } from "../audit";
import type { StaffPrincipal } from "../auth/staff";
import type { Database } from "../db/database";
import { seesPhoneNumbers } from "../elders/elder-profiles";
import { maskPhone } from "../privacy/mask";
import { EventRefusal } from "../terminals/inbox";

/** The terminals that show the same notices: one community, one kind. */
export interface TerminalGroup {
  communityId: string;
  kind: TerminalKind;
}

interface NoticeRow {
  id: string;
  title: string;
  body: string;
  category: Notice["category"];
  priority: Notice["priority"];
  starts_at: string;
  ends_at: string | null;
  requires_confirmation: 0 | 1;
  published_at: string;
  published_by: string;
  publisher_name: string;
  updated_at: string;
  withdrawn_at: string | null;
}

interface ReceiptRow {
  id: string;
  name: string;
  kind: TerminalKind;
  community_id: string;
  community_name: string;
  online: 0 | 1;
  delivered_at: string | null;
  shown_at: string | null;
  heard_at: string | null;
  callback_at: string | null;
  callback_by: string | null;
  callback_note: string | null;
}

export type NoticeChange =
  | { ok: true; notice: StaffNotice; groups: TerminalGroup[] }
  | { ok: false; reason: "not_found" | "forbidden" | "conflict" | "invalid_payload"; message: string };

const PRIORITY_ORDER = "CASE n.priority WHEN 'emergency' THEN 0 WHEN 'important' THEN 1 ELSE 2 END";

const SELECT_NOTICE = `
  SELECT n.*, s.display_name AS publisher_name FROM notices n JOIN staff s ON s.id = n.published_by`;

/** Whether a notice (alias n) is meant for the terminal group @community / @kind. */
const TARGETS_GROUP = `
  EXISTS (SELECT 1 FROM notice_terminal_kinds k WHERE k.notice_id = n.id AND k.kind = @kind)
  AND (NOT EXISTS (SELECT 1 FROM notice_communities c WHERE c.notice_id = n.id)
       OR EXISTS (SELECT 1 FROM notice_communities c WHERE c.notice_id = n.id AND c.community_id = @community))`;

/** Whether the notice @notice is meant for terminal t (whatever its state). */
const TARGETS_TERMINAL = `
  t.kind IN (SELECT kind FROM notice_terminal_kinds WHERE notice_id = @notice)
  AND (NOT EXISTS (SELECT 1 FROM notice_communities WHERE notice_id = @notice)
       OR t.community_id IN (SELECT community_id FROM notice_communities WHERE notice_id = @notice))`;

/**
 * The terminals a notice concerns, in the reader's community (@scope, null for the county): those it
 * targets now, and any that already sent a receipt for it (even if since revoked or retargeted).
 */
const RECEIPT_ROWS = `
  SELECT t.id, t.name, t.kind, t.community_id, cm.name AS community_name, t.online,
    r.delivered_at, r.shown_at, r.heard_at,
    cb.called_at AS callback_at, st.display_name AS callback_by, cb.note AS callback_note
  FROM terminals t
  JOIN communities cm ON cm.id = t.community_id
  LEFT JOIN notice_receipts r ON r.notice_id = @notice AND r.terminal_id = t.id
  LEFT JOIN notice_callbacks cb ON cb.notice_id = @notice AND cb.terminal_id = t.id
  LEFT JOIN staff st ON st.id = cb.called_by
  WHERE (@scope IS NULL OR t.community_id = @scope)
    AND (r.terminal_id IS NOT NULL OR (t.revoked_at IS NULL AND ${TARGETS_TERMINAL})) `;

interface CensusGroup {
  community_id: string;
  kind: TerminalKind;
  n: number;
}

interface TerminalCensus {
  live: CensusGroup[];
  revoked: Map<string, { community_id: string; kind: TerminalKind }>;
}

/** UTC ISO, so that the stored strings compare as instants do. */
const utc = (iso: string) => new Date(iso).toISOString();

/**
 * Notices staff publish to terminals, who they are for and when, and the proof each terminal sends back:
 * delivered, shown (or read aloud) and, on elder units, "heard it" pressed by the household.
 */
export class NoticeBoard {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Every notice on screen now for a group: emergency first, then important, then the newest. */
  currentFor(group: TerminalGroup): Notice[] {
    const rows = this.db
      .prepare(
        `${SELECT_NOTICE} WHERE n.withdrawn_at IS NULL AND n.starts_at <= @now
           AND (n.ends_at IS NULL OR n.ends_at > @now) AND ${TARGETS_GROUP}
         ORDER BY ${PRIORITY_ORDER}, n.published_at DESC, n.id LIMIT 200`,
      )
      .all({ now: this.#now(), kind: group.kind, community: group.communityId }) as NoticeRow[];
    return rows.map(toNotice);
  }

  /** Notices a reader may see (community staff: those for their community or for all), newest first. */
  list(reader: StaffPrincipal, limit = 200): StaffNotice[] {
    const rows = this.db
      .prepare(
        `${SELECT_NOTICE} WHERE @scope IS NULL
           OR NOT EXISTS (SELECT 1 FROM notice_communities c WHERE c.notice_id = n.id)
           OR EXISTS (SELECT 1 FROM notice_communities c WHERE c.notice_id = n.id AND c.community_id = @scope)
         ORDER BY n.published_at DESC, n.id LIMIT @limit`,
      )
      .all({ scope: reader.communityId, limit }) as NoticeRow[];
    const census = this.#census(reader.communityId);
    return rows.map((row) => this.#staffView(row, reader, census));
  }

  get(noticeId: string, reader: StaffPrincipal): StaffNotice | null {
    const row = this.#row(noticeId);
    return row && this.#visible(noticeId, reader) ? this.#staffView(row, reader) : null;
  }

  publish(input: NoticeInput, actor: StaffPrincipal, ip: string): NoticeChange {
    const problem = this.#checkTargets(input, actor);
    if (problem) return problem;
    const id = randomUUID();
    const now = this.#now();
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO notices (id, title, body, category, priority, starts_at, ends_at, requires_confirmation,
             published_at, published_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          input.title,
          input.body,
          input.category,
          input.priority,
          input.startsAt ? utc(input.startsAt) : now,
          input.endsAt ? utc(input.endsAt) : null,
          input.requiresConfirmation ? 1 : 0,
          now,
          actor.id,
          now,
        );
      this.#writeTargets(id, input);
      this.audit.record({
        actor: { type: "staff", id: actor.id },
        action: "notice.publish",
        target: { type: "notice", id },
        detail: { title: input.title, priority: input.priority, communityIds: input.communityIds },
        ip,
      });
    })();
    return { ok: true, notice: this.get(id, actor)!, groups: this.groupsOf(id) };
  }

  update(noticeId: string, input: NoticeInput, actor: StaffPrincipal, ip: string): NoticeChange {
    const existing = this.#editable(noticeId, actor);
    if (!existing.ok) return existing;
    const problem = this.#checkTargets(input, actor);
    if (problem) return problem;
    const before = this.groupsOf(noticeId);
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE notices SET title = ?, body = ?, category = ?, priority = ?, starts_at = ?, ends_at = ?,
             requires_confirmation = ?, updated_at = ? WHERE id = ?`,
        )
        .run(
          input.title,
          input.body,
          input.category,
          input.priority,
          input.startsAt ? utc(input.startsAt) : existing.row.starts_at,
          input.endsAt ? utc(input.endsAt) : null,
          input.requiresConfirmation ? 1 : 0,
          this.#now(),
          noticeId,
        );
      this.db.prepare("DELETE FROM notice_communities WHERE notice_id = ?").run(noticeId);
      this.db.prepare("DELETE FROM notice_terminal_kinds WHERE notice_id = ?").run(noticeId);
      this.#writeTargets(noticeId, input);
      this.audit.record({
        actor: { type: "staff", id: actor.id },
        action: "notice.update",
        target: { type: "notice", id: noticeId },
        detail: { title: input.title, priority: input.priority, communityIds: input.communityIds },
        ip,
      });
    })();
    return {
      ok: true,
      notice: this.get(noticeId, actor)!,
      groups: unionGroups(before, this.groupsOf(noticeId)),
    };
  }

  withdraw(noticeId: string, actor: StaffPrincipal, ip: string): NoticeChange {
    const existing = this.#editable(noticeId, actor);
    if (!existing.ok) return existing;
    this.db.transaction(() => {
      const now = this.#now();
      this.db
        .prepare("UPDATE notices SET withdrawn_at = ?, withdrawn_by = ?, updated_at = ? WHERE id = ?")
        .run(now, actor.id, now, noticeId);
      this.audit.record({
        actor: { type: "staff", id: actor.id },
        action: "notice.withdraw",
        target: { type: "notice", id: noticeId },
        detail: { title: existing.row.title },
        ip,
      });
    })();
    return { ok: true, notice: this.get(noticeId, actor)!, groups: this.groupsOf(noticeId) };
  }

  /**
   * Runs inside the inbox transaction. The first time of each step counts; a later step implies the earlier
   * ones (heard means it was read aloud, shown means it arrived), so missing earlier steps take its time.
   * The receipts table is the record: no audit row per terminal.
   */
  recordReceipt(terminal: TerminalSummary, receipt: NoticeReceipt): { noticeId: string } {
    const targeted = this.db
      .prepare(`SELECT 1 FROM notices n WHERE n.id = @notice AND ${TARGETS_GROUP}`)
      .get({ notice: receipt.noticeId, kind: terminal.kind, community: terminal.communityId });
    if (!targeted) throw new EventRefusal("not_found", `no notice ${receipt.noticeId} for this terminal`);
    if (receipt.kind === "heard" && terminal.kind !== "elder") {
      throw new EventRefusal("forbidden", "only elder units confirm that a household heard a notice");
    }
    const at = utc(receipt.at);
    const steps = { delivered: ["delivered_at"], shown: ["delivered_at", "shown_at"] };
    const columns = receipt.kind === "heard" ? ["delivered_at", "shown_at", "heard_at"] : steps[receipt.kind];
    const before = this.db
      .prepare(
        "SELECT delivered_at, shown_at, heard_at FROM notice_receipts WHERE notice_id = ? AND terminal_id = ?",
      )
      .get(receipt.noticeId, terminal.id) as Record<string, string | null> | undefined;
    this.db
      .prepare("INSERT OR IGNORE INTO notice_receipts (notice_id, terminal_id) VALUES (?, ?)")
      .run(receipt.noticeId, terminal.id);
    this.db
      .prepare(
        `UPDATE notice_receipts SET ${columns.map((c) => `${c} = COALESCE(${c}, @at)`).join(", ")}
         WHERE notice_id = @notice AND terminal_id = @terminal`,
      )
      .run({ at, notice: receipt.noticeId, terminal: terminal.id });
    const added = (column: string) => (columns.includes(column) && !before?.[column] ? 1 : 0);
    this.db
      .prepare(
        `INSERT INTO notice_receipt_counts (notice_id, community_id, kind, terminals, delivered, shown, heard)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (notice_id, community_id, kind) DO UPDATE SET terminals = terminals + excluded.terminals,
           delivered = delivered + excluded.delivered, shown = shown + excluded.shown, heard = heard + excluded.heard`,
      )
      .run(
        receipt.noticeId,
        terminal.communityId,
        terminal.kind,
        before ? 0 : 1,
        added("delivered_at"),
        added("shown_at"),
        added("heard_at"),
      );
    return { noticeId: receipt.noticeId };
  }

  /** Every terminal the notice concerns with its proof, and the households still to call back. */
  receipts(noticeId: string, reader: StaffPrincipal, ip: string): NoticeReceiptsView | null {
    const notice = this.get(noticeId, reader);
    if (!notice) return null;
    const rows = this.db
      .prepare(`${RECEIPT_ROWS} ORDER BY cm.name, t.kind, t.name, t.id`)
      .all({ notice: noticeId, scope: reader.communityId }) as ReceiptRow[];
    const households = this.#households(reader);
    const terminals = rows.map((row) => this.#receiptView(row, households));
    const callBack = needsCallBack(notice) ? terminals.filter(isUnconfirmedHousehold) : [];
    // Households' names, addresses and contacts are personal data.
    this.audit.record({
      actor: { type: "staff", id: reader.id },
      action: "notice.receipts_read",
      target: { type: "notice", id: noticeId },
      detail: { households: terminals.filter((t) => t.elder).length },
      ip,
    });
    return { notice, terminals, callBack };
  }

  /** Staff phoned a household that did not confirm; the latest note replaces an earlier one. */
  recordCallBack(
    noticeId: string,
    terminalId: string,
    note: string,
    actor: StaffPrincipal,
    ip: string,
  ): "ok" | "not_found" {
    const notice = this.get(noticeId, actor);
    if (!notice) return "not_found";
    const row = this.db
      .prepare(`${RECEIPT_ROWS} AND t.id = @terminal`)
      .get({ notice: noticeId, scope: actor.communityId, terminal: terminalId }) as ReceiptRow | undefined;
    if (row?.kind !== "elder") return "not_found";
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO notice_callbacks (notice_id, terminal_id, note, called_at, called_by) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (notice_id, terminal_id) DO UPDATE SET note = excluded.note,
             called_at = excluded.called_at, called_by = excluded.called_by`,
        )
        .run(noticeId, terminalId, note, this.#now(), actor.id);
      this.audit.record({
        actor: { type: "staff", id: actor.id },
        action: "notice.call_back",
        target: { type: "notice", id: noticeId },
        detail: { terminalId },
        ip,
      });
    })();
    return "ok";
  }

  /** The community of a terminal, for pushing a receipt to the consoles that may see it. */
  communityOfTerminal(terminalId: string): string | null {
    const row = this.db.prepare("SELECT community_id FROM terminals WHERE id = ?").get(terminalId) as
      | { community_id: string }
      | undefined;
    return row?.community_id ?? null;
  }

  /** The terminal groups a notice is meant for (every community when it names none). */
  groupsOf(noticeId: string): TerminalGroup[] {
    return this.db
      .prepare(
        `SELECT c.id AS communityId, k.kind FROM communities c
         JOIN notice_terminal_kinds k ON k.notice_id = @notice
         WHERE NOT EXISTS (SELECT 1 FROM notice_communities WHERE notice_id = @notice)
            OR c.id IN (SELECT community_id FROM notice_communities WHERE notice_id = @notice)
         ORDER BY c.id, k.kind`,
      )
      .all({ notice: noticeId }) as TerminalGroup[];
  }

  /** The next start or end of a live notice after `after`, or null: when lists change by themselves. */
  nextBoundaryAfter(after: string): string | null {
    const row = this.db
      .prepare(
        `SELECT min(at) AS at FROM (
           SELECT starts_at AS at FROM notices WHERE withdrawn_at IS NULL AND starts_at > @after
           UNION ALL SELECT ends_at FROM notices WHERE withdrawn_at IS NULL AND ends_at > @after)`,
      )
      .get({ after }) as { at: string | null };
    return row.at;
  }

  /** Groups whose list changed because a notice started or ended in (from, to]. */
  groupsWithBoundaryIn(from: string, to: string): TerminalGroup[] {
    const ids = this.db
      .prepare(
        `SELECT id FROM notices WHERE withdrawn_at IS NULL
           AND ((starts_at > @from AND starts_at <= @to) OR (ends_at > @from AND ends_at <= @to))`,
      )
      .all({ from, to }) as Array<{ id: string }>;
    return ids.reduce<TerminalGroup[]>((all, { id }) => unionGroups(all, this.groupsOf(id)), []);
  }

  #now(): string {
    return this.clock().toISOString();
  }

  #row(noticeId: string): NoticeRow | undefined {
    return this.db.prepare(`${SELECT_NOTICE} WHERE n.id = ?`).get(noticeId) as NoticeRow | undefined;
  }

  #communityIds(noticeId: string): string[] {
    return (
      this.db
        .prepare("SELECT community_id FROM notice_communities WHERE notice_id = ? ORDER BY community_id")
        .all(noticeId) as Array<{ community_id: string }>
    ).map((row) => row.community_id);
  }

  #visible(noticeId: string, reader: StaffPrincipal): boolean {
    if (!reader.communityId) return true;
    const communities = this.#communityIds(noticeId);
    return communities.length === 0 || communities.includes(reader.communityId);
  }

  /** Community staff change only their own community's notices; a county-wide notice is the county's. */
  #editable(
    noticeId: string,
    actor: StaffPrincipal,
  ): { ok: true; row: NoticeRow } | Extract<NoticeChange, { ok: false }> {
    const row = this.#row(noticeId);
    if (!row || !this.#visible(noticeId, actor))
      return { ok: false, reason: "not_found", message: "no such notice" };
    const communities = this.#communityIds(noticeId);
    if (actor.communityId && (communities.length !== 1 || communities[0] !== actor.communityId)) {
      return { ok: false, reason: "forbidden", message: "this notice is for more than your community" };
    }
    if (row.withdrawn_at) return { ok: false, reason: "conflict", message: "this notice was withdrawn" };
    return { ok: true, row };
  }

  #checkTargets(input: NoticeInput, actor: StaffPrincipal): Extract<NoticeChange, { ok: false }> | null {
    if (
      actor.communityId &&
      (input.communityIds.length !== 1 || input.communityIds[0] !== actor.communityId)
    ) {
      return {
        ok: false,
        reason: "forbidden",
        message: "community staff publish to their own community only",
      };
    }
    const known = this.db.prepare("SELECT 1 FROM communities WHERE id = ?");
    const unknown = input.communityIds.find((id) => !known.get(id));
    if (unknown) return { ok: false, reason: "invalid_payload", message: `unknown community ${unknown}` };
    return null;
  }

  #writeTargets(noticeId: string, input: NoticeInput): void {
    const community = this.db.prepare(
      "INSERT INTO notice_communities (notice_id, community_id) VALUES (?, ?)",
    );
    for (const id of new Set(input.communityIds)) community.run(noticeId, id);
    const kind = this.db.prepare("INSERT INTO notice_terminal_kinds (notice_id, kind) VALUES (?, ?)");
    for (const k of new Set(input.terminalKinds)) kind.run(noticeId, k);
  }

  #staffView(row: NoticeRow, reader: StaffPrincipal, census = this.#census(reader.communityId)): StaffNotice {
    const communityIds = this.#communityIds(row.id);
    const terminalKinds = (
      this.db
        .prepare("SELECT kind FROM notice_terminal_kinds WHERE notice_id = ? ORDER BY kind")
        .all(row.id) as Array<{ kind: TerminalKind }>
    ).map((k) => k.kind);
    const counts = this.#counts(row.id, communityIds, terminalKinds, reader.communityId, census);
    const now = this.#now();
    const notice = {
      ...toNotice(row),
      communityIds,
      terminalKinds,
      publishedBy: { id: row.published_by, name: row.publisher_name },
      updatedAt: row.updated_at,
      withdrawnAt: row.withdrawn_at,
      state: row.withdrawn_at
        ? ("withdrawn" as const)
        : row.starts_at > now
          ? ("scheduled" as const)
          : row.ends_at && row.ends_at <= now
            ? ("ended" as const)
            : ("current" as const),
    };
    return {
      ...notice,
      counts: {
        targeted: counts.targeted,
        delivered: counts.delivered,
        shown: counts.shown,
        heard: counts.heard,
        toCallBack: needsCallBack(notice) ? counts.unconfirmed : 0,
      },
    };
  }

  /**
   * The counts of the receipts view without listing terminals (the list shows them for every notice): live
   * terminals per targeted group, plus terminals outside the targets that sent a receipt anyway (since
   * retargeted, or revoked), from the running totals kept with each receipt.
   */
  #counts(
    noticeId: string,
    communityIds: string[],
    kinds: TerminalKind[],
    scope: string | null,
    census: TerminalCensus,
  ): { targeted: number; delivered: number; shown: number; heard: number; unconfirmed: number } {
    const targets = (communityId: string, kind: TerminalKind) =>
      kinds.includes(kind) && (communityIds.length === 0 || communityIds.includes(communityId));
    const totals = this.db
      .prepare(
        `SELECT community_id, kind, terminals AS n, delivered, shown, heard FROM notice_receipt_counts
         WHERE notice_id = @notice AND (@scope IS NULL OR community_id = @scope)`,
      )
      .all({ notice: noticeId, scope }) as Array<
      CensusGroup & { delivered: number; shown: number; heard: number }
    >;
    // Revoked terminals are few: each is looked up in the receipts by its key.
    const revoked =
      census.revoked.size === 0
        ? []
        : (
            this.db
              .prepare(
                `SELECT terminal_id FROM notice_receipts
                 WHERE notice_id = ? AND terminal_id IN (SELECT value FROM json_each(?))`,
              )
              .all(noticeId, JSON.stringify([...census.revoked.keys()])) as Array<{ terminal_id: string }>
          ).map((row) => ({ ...census.revoked.get(row.terminal_id)!, n: 1 }));
    const counts = { targeted: 0, delivered: 0, shown: 0, heard: 0, unconfirmed: 0 };
    const concerned = (group: CensusGroup, inside: boolean) => {
      if (targets(group.community_id, group.kind) !== inside) return;
      counts.targeted += group.n;
      if (group.kind === "elder") counts.unconfirmed += group.n;
    };
    for (const group of census.live) concerned(group, true);
    for (const group of revoked) concerned(group, true);
    for (const total of totals) {
      concerned(total, false);
      counts.delivered += total.delivered;
      counts.shown += total.shown;
      counts.heard += total.heard;
      if (total.kind === "elder") counts.unconfirmed -= total.heard;
    }
    return counts;
  }

  /** Live terminals per group, and the revoked ones, in the reader's community: once per answer. */
  #census(scope: string | null): TerminalCensus {
    const live = this.db
      .prepare(
        `SELECT community_id, kind, count(*) AS n FROM terminals
         WHERE revoked_at IS NULL AND (@scope IS NULL OR community_id = @scope) GROUP BY community_id, kind`,
      )
      .all({ scope }) as CensusGroup[];
    const revoked = this.db
      .prepare(
        `SELECT id, community_id, kind FROM terminals
         WHERE revoked_at IS NOT NULL AND (@scope IS NULL OR community_id = @scope)`,
      )
      .all({ scope }) as Array<{ id: string; community_id: string; kind: TerminalKind }>;
    return {
      live,
      revoked: new Map(revoked.map((t) => [t.id, { community_id: t.community_id, kind: t.kind }])),
    };
  }

  /** The households bound to elder units (in the reader's community), with their first contact. */
  #households(reader: StaffPrincipal): Map<string, NonNullable<NoticeTerminalReceipt["elder"]>> {
    const rows = this.db
      .prepare(
        `SELECT e.id, e.name, e.address, e.terminal_id, e.key_holder_name, e.key_holder_relation,
           e.key_holder_phone, c.name AS contact_name, c.relation AS contact_relation, c.phone AS contact_phone
         FROM elders e
         LEFT JOIN elder_contacts c ON c.elder_id = e.id
           AND c.position = (SELECT min(position) FROM elder_contacts WHERE elder_id = e.id)
         WHERE e.terminal_id IS NOT NULL AND (@scope IS NULL OR e.community_id = @scope)`,
      )
      .all({ scope: reader.communityId }) as Array<Record<string, string | null>>;
    const shown = (phone: string) => (seesPhoneNumbers(reader) ? phone : maskPhone(phone));
    return new Map(
      rows.map((row) => {
        const [name, relation, phone] = row.contact_phone
          ? [row.contact_name, row.contact_relation, row.contact_phone]
          : [row.key_holder_name, row.key_holder_relation, row.key_holder_phone];
        return [
          row.terminal_id as string,
          {
            elderId: row.id as string,
            name: row.name as string,
            address: row.address as string,
            contact: phone ? { name: name ?? "", relation: relation ?? "", phone: shown(phone) } : null,
          },
        ];
      }),
    );
  }

  #receiptView(
    row: ReceiptRow,
    households: Map<string, NonNullable<NoticeTerminalReceipt["elder"]>>,
  ): NoticeTerminalReceipt {
    return {
      terminalId: row.id,
      name: row.name,
      kind: row.kind,
      community: { id: row.community_id, name: row.community_name },
      online: row.online === 1,
      elder: row.kind === "elder" ? (households.get(row.id) ?? null) : null,
      deliveredAt: row.delivered_at,
      shownAt: row.shown_at,
      heardAt: row.heard_at,
      callBack:
        row.callback_at && row.callback_by !== null && row.callback_note !== null
          ? { at: row.callback_at, by: row.callback_by, note: row.callback_note }
          : null,
    };
  }
}

function toNotice(row: NoticeRow): Notice {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    category: row.category,
    priority: row.priority,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    requiresConfirmation: row.requires_confirmation === 1,
    publishedAt: row.published_at,
  };
}

/** A withdrawn notice needs no call-backs any more; one without confirmation never did. */
function needsCallBack(notice: Pick<StaffNotice, "requiresConfirmation" | "withdrawnAt">): boolean {
  return notice.requiresConfirmation && notice.withdrawnAt === null;
}

function isUnconfirmedHousehold(receipt: NoticeTerminalReceipt): boolean {
  return receipt.kind === "elder" && receipt.heardAt === null;
}

function unionGroups(a: TerminalGroup[], b: TerminalGroup[]): TerminalGroup[] {
  const seen = new Map(a.map((g) => [`${g.communityId}/${g.kind}`, g]));
  for (const g of b) seen.set(`${g.communityId}/${g.kind}`, g);
  return [...seen.values()];
}
