import type { NoticeInput, noticeCategories, noticePriorities, TerminalKind } from "@linli/protocol";
import type { MessageKey } from "../i18n/messages";

/** The publish form as typed: times as the browser's `datetime-local` values (the console's own clock). */
export interface NoticeDraft {
  title: string;
  body: string;
  category: (typeof noticeCategories)[number];
  priority: (typeof noticePriorities)[number];
  /** Empty: every community. */
  communityIds: string[];
  terminalKinds: TerminalKind[];
  startsAt: string;
  endsAt: string;
  requiresConfirmation: boolean;
}

export type NoticeField = "title" | "body" | "communityIds" | "terminalKinds" | "startsAt" | "endsAt";
/** Fields in the order the form shows them: the first one in error takes the focus. */
export const noticeFieldOrder: NoticeField[] = [
  "title",
  "body",
  "communityIds",
  "terminalKinds",
  "startsAt",
  "endsAt",
];

export const MAX_TITLE = 80;
export const MAX_BODY = 2000;

/** A new notice: for the writer's own community (community staff) or every community, on every terminal. */
export function emptyNotice(ownCommunity: string | null): NoticeDraft {
  return {
    title: "",
    body: "",
    category: "community",
    priority: "normal",
    communityIds: ownCommunity ? [ownCommunity] : [],
    terminalKinds: ["kiosk", "elder"],
    startsAt: "",
    endsAt: "",
    requiresConfirmation: false,
  };
}

const parseLocal = (value: string) => (value ? new Date(value).getTime() : null);

/** Every mistake by field, as message keys; the server checks the same again. */
export function validateNoticeDraft(
  draft: NoticeDraft,
  now: number,
): Partial<Record<NoticeField, MessageKey>> {
  const errors: Partial<Record<NoticeField, MessageKey>> = {};
  if (!draft.title.trim()) errors.title = "noticeForm.titleRequired";
  else if (draft.title.trim().length > MAX_TITLE) errors.title = "noticeForm.titleTooLong";
  if (!draft.body.trim()) errors.body = "noticeForm.bodyRequired";
  else if (draft.body.trim().length > MAX_BODY) errors.body = "noticeForm.bodyTooLong";
  if (draft.terminalKinds.length === 0) errors.terminalKinds = "noticeForm.kindsRequired";
  const starts = parseLocal(draft.startsAt);
  const ends = parseLocal(draft.endsAt);
  if (starts !== null && Number.isNaN(starts)) errors.startsAt = "noticeForm.badTime";
  if (ends !== null && Number.isNaN(ends)) errors.endsAt = "noticeForm.badTime";
  else if (ends !== null && ends <= (starts ?? now)) errors.endsAt = "noticeForm.endBeforeStart";
  return errors;
}

export function toNoticeInput(draft: NoticeDraft): NoticeInput {
  return {
    title: draft.title.trim(),
    body: draft.body.trim(),
    category: draft.category,
    priority: draft.priority,
    communityIds: draft.communityIds,
    terminalKinds: draft.terminalKinds,
    startsAt: draft.startsAt ? new Date(draft.startsAt).toISOString() : null,
    endsAt: draft.endsAt ? new Date(draft.endsAt).toISOString() : null,
    requiresConfirmation: draft.requiresConfirmation,
  };
}
