import type { AlarmView } from "@linli/protocol";
import { useId } from "react";
import { alarmHref } from "../components/use-hash-route";
import { formatElapsed } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { alarmCaller, alarmSource } from "./alarm-words";
import { escalationWords, latestContactNote } from "./escalation-words";

/** One open alarm in the bar: who, where, how long it has waited, what escalation has done, and 接警. */
export function AlarmBarItem(props: {
  alarm: AlarmView;
  now: number;
  canAct: boolean;
  busy: boolean;
  onAcknowledge(alarm: AlarmView): void;
}) {
  const { t } = useI18n();
  const { alarm } = props;
  const nameId = useId();
  const escalation = escalationWords(alarm, t);
  // The server's own words on the last text: sent, or failed and to be phoned instead.
  const contactNote = latestContactNote(alarm);
  const source = alarmSource(alarm.source, t);
  return (
    <li
      className={escalation ? "alarm-item alarm-item-escalated" : "alarm-item"}
      data-alarm-id={alarm.id}
      data-escalation-level={alarm.escalationLevel}
    >
      <div className="alarm-who">
        <p className="alarm-caller" id={nameId}>
          {alarmCaller(alarm, t)}
        </p>
        <p className="alarm-where">
          {alarm.community.name}
          {alarm.elder && <> · {alarm.elder.address}</>}
        </p>
      </div>
      <p className="alarm-waiting">
        <span className="alarm-waiting-label">{t("alarmBar.waiting")}</span>{" "}
        <time dateTime={alarm.raisedAt} className="alarm-elapsed" data-testid="alarm-elapsed">
          {formatElapsed(props.now - Date.parse(alarm.raisedAt), t)}
        </time>
        {source && <span className="alarm-source">{source}</span>}
      </p>
      <div className="alarm-escalation" data-testid="alarm-escalation">
        {escalation ? (
          <>
            <p className="alarm-escalation-headline">
              <span aria-hidden="true">▲ </span>
              {escalation.headline}
            </p>
            <p>{escalation.contacts}</p>
            {contactNote && (
              <p className="alarm-contact-note" title={contactNote}>
                {contactNote}
              </p>
            )}
          </>
        ) : (
          <p>{t("alarmBar.notEscalated")}</p>
        )}
      </div>
      <div className="alarm-item-actions">
        <a className="alarm-details-link" href={alarmHref(alarm.id)} aria-describedby={nameId}>
          {t("alarmBar.details")}
        </a>
        {props.canAct && (
          <button
            type="button"
            className="button alarm-ack"
            disabled={props.busy}
            aria-describedby={nameId}
            onClick={() => props.onAcknowledge(alarm)}
          >
            {props.busy ? t("alarmBar.acknowledging") : t("alarmBar.acknowledge")}
          </button>
        )}
      </div>
    </li>
  );
}
