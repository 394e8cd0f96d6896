import type { StaffRole } from "../api/types";
import type { MessageKey } from "../i18n/messages";

export interface StaffDraft {
  username: string;
  displayName: string;
  password: string;
  role: StaffRole;
  /** "" for a county-wide account. */
  communityId: string;
}

export type StaffField = keyof StaffDraft;
export type StaffErrors = Partial<Record<StaffField, MessageKey>>;

/** The same rules as the server's, checked first so that each mistake is named beside its field. */
const USERNAME = /^[a-z0-9._-]{3,32}$/i;
export const MIN_PASSWORD_LENGTH = 10;

export function validateStaffDraft(draft: StaffDraft): StaffErrors {
  const errors: StaffErrors = {};
  if (!draft.username.trim()) errors.username = "staff.usernameRequired";
  else if (!USERNAME.test(draft.username.trim())) errors.username = "staff.usernameInvalid";
  if (!draft.displayName.trim()) errors.displayName = "staff.displayNameRequired";
  else if (draft.displayName.trim().length > 64) errors.displayName = "staff.displayNameTooLong";
  if (draft.password.length < MIN_PASSWORD_LENGTH) errors.password = "staff.passwordTooShort";
  if (draft.role === "community_staff" && !draft.communityId) errors.communityId = "staff.communityRequired";
  return errors;
}
