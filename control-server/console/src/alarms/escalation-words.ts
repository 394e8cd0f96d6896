import type { AlarmView } from "@linli/protocol";
import type { Translate } from "../i18n/i18n";

/**
 * What escalation has done so far, in words: level 1 and above mean nobody took the alarm in time, the
 * supervisor was alerted, and the emergency contacts are being texted one by one in calling order.
 * Null while the alarm has not escalated.
 */
export function escalationWords(
  alarm: AlarmView,
  t: Translate,
): { headline: string; contacts: string } | null {
  if (alarm.escalationLevel < 1) return null;
  const headline = t("escalation.headline", { level: alarm.escalationLevel });
  const total = alarm.elder?.emergencyContacts.length ?? 0;
  if (!alarm.elder) return { headline, contacts: t("escalation.noProfile") };
  if (total === 0) return { headline, contacts: t("escalation.noContacts") };
  // Each level texts the next contact in calling order: level n is the n-th.
  if (alarm.escalationLevel > total) return { headline, contacts: t("escalation.allNotified", { total }) };
  return { headline, contacts: t("escalation.notifying", { position: alarm.escalationLevel, total }) };
}

/** The newest word from the SMS step (sent, or failed and to be phoned), exactly as the server wrote it. */
export function latestContactNote(alarm: AlarmView): string | null {
  return alarm.events.findLast((e) => e.type === "contact-notified")?.note ?? null;
}
