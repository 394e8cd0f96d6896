import type { Translate } from "./i18n";
import type { Locale } from "./messages";

/** 2025-06-03 14:05 in the viewer's time zone, as each locale writes it. */
export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(iso));
}

export function formatTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
    new Date(iso),
  );
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "3 分钟前", "2 小时后"; "刚刚" under a minute. */
export function formatRelative(iso: string, now: number, locale: Locale, t: Translate): string {
  const delta = new Date(iso).getTime() - now;
  if (Math.abs(delta) < 60_000) return t("time.justNow");
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(delta) >= ms) return format.format(Math.round(delta / ms), unit);
  }
  return t("time.justNow");
}

/** 2025-06-03 14:05:09: to the second, for records such as the audit log. */
export function formatTimestamp(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).format(new Date(iso));
}

/** How long something has waited, to the second under an hour: "1 分 05 秒", "2 小时 3 分". */
export function formatElapsed(ms: number, t: Translate): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return t("elapsed.hours", { hours, minutes });
  if (minutes > 0) return t("elapsed.minutes", { minutes, seconds: String(seconds).padStart(2, "0") });
  return t("elapsed.seconds", { seconds });
}
