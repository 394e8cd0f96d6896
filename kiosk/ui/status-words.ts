import type { ApplicationStatus } from "@linli/protocol";
import type { Locale, MessageKey, Translate } from "./shared/i18n";

/** An application's status as a resident says it (已受理, 需要补正材料, …). */
export function statusWord(status: ApplicationStatus, t: Translate): string {
  return t(`status.${status}` as MessageKey);
}

/** 2026年12月3日 (with the time when asked). */
export function formatDay(iso: string, locale: Locale, withTime = false): string {
  return new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "long",
    day: "numeric",
    ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } : {}),
  }).format(new Date(iso));
}
