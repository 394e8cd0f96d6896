import type { Locale } from "./messages";

/** 2026年11月28日 14:05 / Nov 28, 2026, 14:05 in the phone's time zone. */
export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(iso));
}

/** 2026年11月28日 / Nov 28, 2026: promised dates are days, not minutes. */
export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric" }).format(
    new Date(iso),
  );
}

/** 5 MB, 5.1 MB, 730 KB: sizes as a resident reads them; rounded up, so a file over a limit never reads as equal to it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024)
    return `${(Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1).replace(/\.0$/, "")} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
