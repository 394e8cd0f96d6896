import type { MessageKey } from "../i18n/messages";
import { MIN_PASSWORD_LENGTH } from "../staff/validate-staff";

export interface PasswordDraft {
  current: string;
  next: string;
  repeat: string;
}

export type PasswordErrors = Partial<Record<keyof PasswordDraft, MessageKey>>;

/** Checked before asking the server, so that each mistake is named beside its field. */
export function validatePasswordDraft(draft: PasswordDraft): PasswordErrors {
  const errors: PasswordErrors = {};
  if (!draft.current) errors.current = "password.currentRequired";
  if (draft.next.length < MIN_PASSWORD_LENGTH) errors.next = "password.tooShort";
  else if (draft.next === draft.current) errors.next = "password.sameAsCurrent";
  if (!errors.next && draft.repeat !== draft.next) errors.repeat = "password.mismatch";
  return errors;
}
