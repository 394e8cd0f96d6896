import type { AlarmEvent, AlarmView } from "@linli/protocol";
import { formatTimestamp } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { alarmSource } from "./alarm-words";

const MARKS: Record<AlarmEvent["type"], string> = {
  raised: "●",
  acknowledged: "◐",
  escalated: "▲",
  "contact-notified": "✉",
  note: "✎",
  resolved: "✓",
  cancelled: "⊘",
};

/** Everything that happened to the alarm, oldest first, each step with who and what they wrote. */
export function AlarmHistory({ alarm }: { alarm: AlarmView }) {
  const { t, locale } = useI18n();
  // The raise's own note only repeats its source ("source: pendant"), which is said in words instead.
  const note = (event: AlarmEvent) =>
    event.type === "raised" ? alarmSource(alarm.source, t) || null : event.note;
  return (
    <section className="panel" aria-labelledby="alarm-history-title">
      <h2 id="alarm-history-title">{t("alarmDetail.history")}</h2>
      <ol className="alarm-history" data-testid="alarm-history">
        {alarm.events.map((event, index) => (
          // Events have no ids; the history only grows, so a position is stable.
          // biome-ignore lint/suspicious/noArrayIndexKey: append-only list
          <li key={index} className={`history-${event.type}`} data-event-type={event.type}>
            <time className="history-time" dateTime={event.at}>
              {formatTimestamp(event.at, locale)}
            </time>
            <span className="history-type">
              <span aria-hidden="true">{MARKS[event.type]} </span>
              {t(`alarmEvent.${event.type}`)}
            </span>
            <span className="history-body">
              {event.actor && <span className="history-actor">{event.actor}</span>}
              {note(event) && <span className="history-note">{note(event)}</span>}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
