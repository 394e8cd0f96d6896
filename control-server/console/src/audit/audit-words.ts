import type { TerminalSummary } from "@linli/protocol";
import { type AuditEntry, type StaffAccount, staffRoles } from "../api/types";
import type { Translate } from "../i18n/i18n";
import { auditActionsZhCN } from "../i18n/messages-audit-actions";

/** Actions this console can name; the filter offers these, and any other action is shown as recorded. */
export const knownAuditActions = [
  "auth.login",
  "auth.login_failed",
  "auth.locked_out",
  "auth.login_locked",
  "auth.logout",
  "auth.password_change",
  "auth.password_change_refused",
  "staff.create",
  "terminal.enroll",
  "terminal.enroll_refused",
  "terminal.enrollment_code.create",
  "terminal.revoke",
  "terminal.command.create",
  "alarm.acknowledge",
  "alarm.note",
  "alarm.resolve",
  "elder.create",
  "elder.update",
  "elder.read",
  "elder.list_read",
  "elder.contacts_read",
  "service_request.accept",
  "service_request.dispatch",
  "service_request.start",
  "service_request.complete",
  "service_request.cancel",
  "provider.create",
  "provider.update",
  "check_task.done",
  "call.accept",
  "call.dial",
  "gate.door_opened",
  "gate.card_issued",
  "gate.card_removed",
  "plate_reads.read",
  ...(Object.keys(auditActionsZhCN).map((key) => key.slice("auditAction.".length)) as Array<
    keyof typeof auditActionsZhCN extends `auditAction.${infer A}` ? A : never
  >),
] as const;
type KnownAction = (typeof knownAuditActions)[number];

export function auditAction(action: string, t: Translate): string {
  return (knownAuditActions as readonly string[]).includes(action)
    ? t(`auditAction.${action as KnownAction}`)
    : action;
}

/** The first block of an id: enough to tell records apart on screen (the whole id goes in a title). */
export const shortId = (id: string) => id.slice(0, 8);

export interface Names {
  staff: ReadonlyMap<string, StaffAccount>;
  terminals: ReadonlyMap<string, TerminalSummary>;
  communities: ReadonlyMap<string, string>;
}

export interface Described {
  text: string;
  /** The full id, when the text shortens or replaces it. */
  id: string | null;
}

function named(type: string | null, id: string, names: Names, t: Translate): Described {
  if (type === "staff") return { text: names.staff.get(id)?.displayName ?? shortId(id), id };
  if (type === "terminal") {
    const name = names.terminals.get(id)?.name;
    return { text: name ? `${name} (${shortId(id)})` : t("audit.terminal", { id: shortId(id) }), id };
  }
  return { text: type ? `${type} ${shortId(id)}` : shortId(id), id };
}

/** Who did it: a staff member by display name, a terminal by name and short id, or the system. */
export function auditActor(entry: AuditEntry, names: Names, t: Translate): Described {
  if (entry.actorType === "system") return { text: t("audit.system"), id: null };
  if (entry.actorType === "anonymous" || !entry.actorId) return { text: t("audit.anonymous"), id: null };
  return named(entry.actorType, entry.actorId, names, t);
}

export function auditTarget(entry: AuditEntry, names: Names, t: Translate): Described | null {
  return entry.targetId ? named(entry.targetType, entry.targetId, names, t) : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function detailValue(key: string, value: unknown, names: Names, t: Translate): string {
  if (value === null || value === undefined) return "—";
  if (typeof value !== "string") return JSON.stringify(value);
  if (key === "communityId") return names.communities.get(value) ?? value;
  if (key === "role" && (staffRoles as readonly string[]).includes(value)) {
    return t(`role.${value as (typeof staffRoles)[number]}`);
  }
  return UUID.test(value) ? shortId(value) : value;
}

/** The recorded details as "key: value" pairs in the order the server wrote them; ids shortened, communities and roles named. */
export function auditDetail(detail: Record<string, unknown>, names: Names, t: Translate): string {
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${detailValue(key, value, names, t)}`)
    .join(" · ");
}
