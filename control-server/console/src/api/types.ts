import type {
  CommandType,
  Contact,
  ElderSummary,
  Provider,
  TerminalKind,
  TerminalSummary,
} from "@linli/protocol";

export const staffRoles = ["admin", "dispatcher", "caseworker", "community_staff"] as const;
export type StaffRole = (typeof staffRoles)[number];

export interface StaffPrincipal {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  /** Set for community staff, who see only their own community. */
  communityId: string | null;
}

export interface Session {
  token: string;
  expiresAt: string;
  staff: StaffPrincipal;
}

export interface Community {
  id: string;
  name: string;
}

export interface EnrollmentCode {
  code: string;
  expiresAt: string;
}

export interface EnrollmentRequest {
  kind: TerminalKind;
  communityId: string;
  name: string;
}

/** One change of a terminal's link, as the server recorded it. */
export interface PresenceRecord {
  online: boolean;
  /** connected | disconnected | silent | revoked | server-restart, or a reason newer than this console. */
  reason: string;
  at: string;
}

export interface TerminalLogRecord {
  id: string;
  at: string;
  level: string;
  code: string;
  message: string;
}

/** GET /terminals/:id: the summary, plus presence history and fleet log, each newest first. */
export interface TerminalDetail {
  terminal: TerminalSummary;
  presence: PresenceRecord[];
  log: TerminalLogRecord[];
}

export const commandStates = ["queued", "sent", "delivered", "succeeded", "failed", "expired"] as const;
export type CommandState = (typeof commandStates)[number];

export interface CommandRecord {
  id: string;
  type: CommandType;
  state: CommandState;
  createdAt: string;
  expiresAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
  completedAt: string | null;
  detail: string | null;
}

export interface StaffAccount {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  communityId: string | null;
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

export interface NewStaff {
  username: string;
  displayName: string;
  password: string;
  role: StaffRole;
  communityId: string | null;
}

export type ActorType = "staff" | "terminal" | "system" | "anonymous";

export interface AuditEntry {
  id: number;
  at: string;
  actorType: ActorType;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
}

export interface AuditQuery {
  action?: string;
  /** The id of the oldest entry already shown: the page after it. */
  before?: number;
  limit: number;
}

/** An elder's profile as the server keeps it; phones are masked (138****5678) for roles that do not call. */
export interface ElderRecord extends ElderSummary {
  communityId: string;
  /** The one-touch unit in the elder's home, if one is linked. */
  terminalId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What a profile is created or replaced with: contacts in calling order (at most five), phones in full. */
export interface ElderInput {
  communityId: string;
  name: string;
  address: string;
  livingSituation: string;
  conditions: string[];
  medicationNotes: string;
  keyHolder: Contact | null;
  emergencyContacts: Contact[];
  terminalId: string | null;
}

/** What a provider is created or replaced with. */
export type ProviderInput = Omit<Provider, "id">;

/** What staff do to a service request: 受理, 派单, 上门, 完成, 取消. */
export const serviceSteps = ["accept", "dispatch", "start", "complete", "cancel"] as const;
export type ServiceStep = (typeof serviceSteps)[number];

export type CheckTaskStatus = "open" | "done";

/** A card holder the population registry did not know, for staff to check; the ID number comes masked. */
export type { ResidentProposal } from "@linli/protocol";
