import { useEffect, useMemo } from "react";
import type { UiBridge } from "../../kiosk/ui/shared/bridge-client";
import { describeDevices, describeLink, describeOutbox } from "../../kiosk/ui/shared/describe-status";
import { formatClock, formatDate, pickLocale, translator } from "../../kiosk/ui/shared/i18n";
import { StatusIcon } from "../../kiosk/ui/shared/status-icon";
import { useNow } from "../../kiosk/ui/shared/use-now";
import { useTerminal } from "../../kiosk/ui/shared/use-terminal";

/**
 * The elder unit's screen (800 × 480): the time, and whether the unit is connected, in very large text.
 * The unit is operated with its physical buttons; the screen only shows.
 */
export function ElderApp({ bridge }: { bridge: UiBridge }) {
  const { snapshot, reachable } = useTerminal(bridge);
  const locale = pickLocale(snapshot?.settings.locale);
  const t = useMemo(() => translator(locale), [locale]);
  const now = useNow();
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t("elder.brand");
  }, [locale, t]);

  const status = describeLink(snapshot, reachable, t);
  const notes = snapshot
    ? [...describeOutbox(snapshot.outbox, t), ...describeDevices(snapshot.devices, t)]
    : [];

  return (
    <div className="elder">
      <header className="elder-clock">
        <time dateTime={now.toISOString()}>{formatClock(now, locale)}</time>
        <span>{formatDate(now, locale)}</span>
      </header>
      <main
        className={`elder-status tone-${status.tone}`}
        role="status"
        aria-live="polite"
        data-testid="link-banner"
      >
        <StatusIcon tone={status.tone} size={80} />
        <div>
          <p className={status.title.length > 8 ? "elder-title elder-title-long" : "elder-title"}>
            {/* Wrap between phrases ("网络中断，" / "正在重试"), never inside one. */}
            {status.title.split(/(?<=[，,]\s?)/).map((phrase) => (
              <span key={phrase} className="phrase">
                {phrase}
              </span>
            ))}
          </p>
          <p className="elder-hint">{status.hint}</p>
        </div>
      </main>
      {notes.length > 0 && (
        <ul className="elder-notes" data-testid="notes">
          {notes.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
