import type { ServiceRequestView } from "@linli/protocol";
import type { Translate } from "../i18n/i18n";

/** Where a request stands against its target time, in whole minutes. */
export type ServiceTiming =
  | { kind: "left"; ms: number }
  | { kind: "overdue"; ms: number }
  | { kind: "doneOnTime"; ms: number }
  | { kind: "doneLate"; ms: number }
  | { kind: "cancelled" };

/**
 * An open request has time left or is overdue (by the clock, or because the server already flagged it);
 * a done one took so long, on time or late. A reopened request's target restarts with the reopening.
 */
export function serviceTiming(request: ServiceRequestView, now: number): ServiceTiming {
  const target = Date.parse(request.targetAt);
  if (request.status === "cancelled") return { kind: "cancelled" };
  if (request.status === "done") {
    const done = Date.parse(request.doneAt ?? request.requestedAt);
    const took = done - Date.parse(request.requestedAt);
    return done <= target ? { kind: "doneOnTime", ms: took } : { kind: "doneLate", ms: took };
  }
  if (now >= target || request.targetMissedAt) return { kind: "overdue", ms: Math.max(0, now - target) };
  return { kind: "left", ms: target - now };
}

export const isOverdue = (request: ServiceRequestView, now: number) =>
  serviceTiming(request, now).kind === "overdue";

/**
 * "35 分钟", "1 小时 5 分钟", "4 小时", "2 天 3 小时", "1 天"; "不到 1 分钟" for less. Rounded down: it
 * never promises time that is not there.
 */
export function formatDuration(ms: number, t: Translate): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return t("duration.underMinute");
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return hours > 0 ? t("duration.days", { days, hours }) : t("duration.wholeDays", { days });
  if (hours > 0) {
    const rest = minutes % 60;
    return rest > 0 ? t("duration.hours", { hours, minutes: rest }) : t("duration.wholeHours", { hours });
  }
  return t("duration.minutes", { minutes });
}

/** The timing in words: "时限内，还剩 35 分钟", "已超时 12 分钟", "按时完成，用时 40 分钟". */
export function timingWords(timing: ServiceTiming, t: Translate): string {
  if (timing.kind === "cancelled") return t("serviceTiming.cancelled");
  const time = formatDuration(timing.ms, t);
  return t(`serviceTiming.${timing.kind}`, { time });
}
