import type { StaffNotice } from "@linli/protocol";
import type { MessageKey } from "../i18n/messages";

export const categoryWords: Record<StaffNotice["category"], MessageKey> = {
  government: "noticeCategory.government",
  water: "noticeCategory.water",
  power: "noticeCategory.power",
  gas: "noticeCategory.gas",
  community: "noticeCategory.community",
};

export const priorityWords: Record<StaffNotice["priority"], MessageKey> = {
  normal: "noticePriority.normal",
  important: "noticePriority.important",
  emergency: "noticePriority.emergency",
};

export const stateWords: Record<StaffNotice["state"], MessageKey> = {
  scheduled: "noticeState.scheduled",
  current: "noticeState.current",
  ended: "noticeState.ended",
  withdrawn: "noticeState.withdrawn",
};

export const kindWords: Record<StaffNotice["terminalKinds"][number], MessageKey> = {
  kiosk: "noticeKind.kiosk",
  elder: "noticeKind.elder",
};
