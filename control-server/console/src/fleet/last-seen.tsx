import type { TerminalSummary } from "@linli/protocol";
import { RelativeTime } from "../components/relative-time";
import { useI18n } from "../i18n/i18n";

/** "刚刚" while online, how long ago it was last heard from otherwise, or that it never connected. */
export function LastSeen({ terminal, now }: { terminal: TerminalSummary; now: number }) {
  const { t } = useI18n();
  if (terminal.online) return <span>{t("time.justNow")}</span>;
  if (terminal.lastSeenAt) return <RelativeTime iso={terminal.lastSeenAt} now={now} />;
  return <span className="muted">{t("time.never")}</span>;
}
