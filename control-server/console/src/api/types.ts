import type { CommandType, TerminalKind } from "@linli/protocol";

export type StaffRole = "admin" | "dispatcher" | "caseworker" | "community_staff";

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

export interface QueuedCommand {
  id: string;
  type: CommandType;
  state: string;
}
