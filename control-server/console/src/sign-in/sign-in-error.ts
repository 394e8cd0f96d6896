import { ApiError } from "../api/http";
import { formatTime } from "../i18n/format";
import type { Translate } from "../i18n/i18n";
import type { Locale } from "../i18n/messages";

/** A sign-in failure in words a staff member can act on (the server's lock-out message names the time). */
export function describeSignInError(error: unknown, t: Translate, locale: Locale): string {
  if (!(error instanceof ApiError)) return t("signIn.failed", { message: String(error) });
  if (error.status === 401) return t("signIn.wrong");
  if (error.status === 423) {
    const until = error.message.match(/\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2})/)?.[0];
    return until ? t("signIn.locked", { time: formatTime(until, locale) }) : t("signIn.lockedNoTime");
  }
  if (error.status === 0) return t("signIn.unreachable");
  return t("signIn.failed", { message: error.message });
}
