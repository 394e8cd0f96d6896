import type { AlarmStatus, AlarmView } from "@linli/protocol";
import type { Translate } from "../i18n/i18n";

const SOURCES = ["button", "pendant", "screen"] as const;
type KnownSource = (typeof SOURCES)[number];

/** How the elder called ("无线吊坠"); a source newer than this console is shown as sent, none as "". */
export function alarmSource(source: string | null, t: Translate): string {
  if (!source) return "";
  return (SOURCES as readonly string[]).includes(source) ? t(`alarmSource.${source as KnownSource}`) : source;
}

/** The elder's name, or the unit's when no profile is linked to it (staff must still go there). */
export function alarmCaller(alarm: AlarmView, t: Translate): string {
  return alarm.elder?.name ?? t("alarm.noProfileName", { terminal: alarm.terminal.name });
}

export const statusMarks: Record<AlarmStatus, string> = {
  open: "●",
  acknowledged: "◐",
  resolved: "✓",
  cancelled: "⊘",
};
