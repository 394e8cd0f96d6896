import type { StatusLine } from "../../kiosk/ui/shared/describe-status";
import { formatClock, formatDate, type Locale, type Translate } from "../../kiosk/ui/shared/i18n";
import { StatusIcon } from "../../kiosk/ui/shared/status-icon";
import { phrases } from "./alarm-words";
import { SosButton, type SosState } from "./sos-button";

/**
 * The screen between alarms: the time, whether the unit is connected, and the one button that matters.
 * Everything is far larger than the age-friendly minimum; the smallest text is 32 px.
 */
export function IdleScreen(props: {
  now: Date;
  locale: Locale;
  t: Translate;
  status: StatusLine;
  notes: string[];
  sos: SosState;
  sosFailed: boolean;
  onSos: () => void;
}) {
  const { now, locale, t, status } = props;
  // Two lines at most: the SOS button must keep its size, and an elder reads one thing at a time.
  const notes = props.notes.slice(0, props.sosFailed ? 1 : 2);
  const crowded = notes.length + (props.sosFailed ? 1 : 0) > 0;
  return (
    <div className={crowded ? "elder elder-idle crowded" : "elder elder-idle"}>
      <header className="elder-clock">
        <time dateTime={now.toISOString()}>{formatClock(now, locale)}</time>
        <span>{formatDate(now, locale)}</span>
      </header>
      <section
        className={`elder-status tone-${status.tone}`}
        role="status"
        aria-live="polite"
        data-testid="link-banner"
      >
        <StatusIcon tone={status.tone} size={64} />
        <p>
          <span className={status.title.length > 8 ? "elder-title elder-title-long" : "elder-title"}>
            {/* Wrap between phrases ("网络中断，" / "正在重试"), never inside one. */}
            {phrases(status.title).map((phrase) => (
              <span key={phrase} className="phrase">
                {phrase}
              </span>
            ))}
          </span>{" "}
          <span className="elder-hint">{status.hint}</span>
        </p>
      </section>
      {(notes.length > 0 || props.sosFailed) && (
        <ul className="elder-notes" data-testid="notes">
          {props.sosFailed && (
            <li className="elder-note-alert" role="alert">
              {t("elder.sosFailed")}
            </li>
          )}
          {notes.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <main className="elder-main">
        <SosButton state={props.sos} t={t} onPress={props.onSos} />
      </main>
    </div>
  );
}
