import type { StatusLine } from "../../kiosk/ui/shared/describe-status";
import { formatClock, formatShortDate, type Locale, type Translate } from "../../kiosk/ui/shared/i18n";
import { StatusIcon } from "../../kiosk/ui/shared/status-icon";
import { phrases } from "./alarm-words";
import { SosButton, type SosState } from "./sos-button";

/**
 * The screen between alarms: the time, whether the unit is connected, the SOS button (the largest thing
 * by far) and three more: 我很好 (the daily check-in), 叫服务 and 呼叫中心. Nothing under 32 px.
 * When the link is fine it is one word beside the clock; when it is not, it takes the date's place and its
 * hint comes first below, so that the buttons keep their size.
 */
export function IdleScreen(props: {
  now: Date;
  locale: Locale;
  t: Translate;
  status: StatusLine;
  notes: string[];
  sos: SosState;
  /** Something the elder just pressed did not work (SOS, check-in): said first, in red. */
  alert: string | null;
  onSos: () => void;
  /** The runtime can be reached: the other buttons could do something. */
  actions: boolean;
  checkedInToday: boolean;
  onCheckin: () => void;
  servicesActive: string | null;
  onServices: () => void;
  onCall: () => void;
}) {
  const { now, locale, t, status } = props;
  const linkOk = status.tone === "ok";
  // Two lines at most: the buttons must keep their size, and an elder reads one thing at a time.
  const lines = [...(linkOk ? [] : [status.hint]), ...props.notes].slice(0, props.alert ? 1 : 2);
  const crowded = lines.length + (props.alert ? 1 : 0) > 0;
  return (
    <div className={crowded ? "elder elder-idle crowded" : "elder elder-idle"}>
      <header className="elder-clock">
        <time dateTime={now.toISOString()}>{formatClock(now, locale)}</time>
        {linkOk && <span className="elder-date">{formatDate(now, locale)}</span>}
        <section
          className={`elder-status tone-${status.tone}${linkOk ? "" : " elder-status-wide"}`}
          role="status"
          aria-live="polite"
          data-testid="link-banner"
        >
          <StatusIcon tone={status.tone} size={48} />
          <p className="elder-title">
            {/* Wrap between phrases ("网络中断，" / "正在重试"), never inside one. */}
            {phrases(status.title).map((phrase) => (
              <span key={phrase} className="phrase">
                {phrase}
              </span>
            ))}
          </p>
        </section>
      </header>
      {crowded && (
        <ul className="elder-notes" data-testid="notes">
          {props.alert && (
            <li className="elder-note-alert" role="alert">
              {props.alert}
            </li>
          )}
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <main className="elder-main">
        <SosButton state={props.sos} t={t} onPress={props.onSos} />
      </main>
      {props.actions && (
        <nav className="elder-actions" aria-label={t("elder.brand")}>
          <ActionButton
            testId="checkin"
            kind="checkin"
            label={t("elder.checkin")}
            note={props.checkedInToday ? t("elder.checkinDone") : null}
            onPress={props.onCheckin}
          />
          <ActionButton
            testId="services"
            kind="services"
            label={t("elder.services")}
            note={props.servicesActive}
            onPress={props.onServices}
          />
          <ActionButton
            testId="call"
            kind="call"
            label={t("elder.call")}
            note={null}
            onPress={props.onCall}
          />
        </nav>
      )}
    </div>
  );
}

const formatDate = formatShortDate;

function ActionButton(props: {
  testId: string;
  kind: string;
  label: string;
  note: string | null;
  onPress: () => void;
}) {
  return (
    <button
      type="button"
      className={`action-button action-${props.kind}${props.note ? " with-note" : ""}`}
      data-testid={props.testId}
      onClick={(event) => {
        // Keep the focus off the button: a keyboard-wedge key (Enter, Space) must not press it again.
        event.currentTarget.blur();
        props.onPress();
      }}
    >
      <span className="action-label">{props.label}</span>
      {props.note && (
        <span className="action-note" data-testid={`${props.testId}-note`}>
          {props.note}
        </span>
      )}
    </button>
  );
}
