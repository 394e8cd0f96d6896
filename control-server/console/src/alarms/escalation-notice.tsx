import type { AlarmView } from "@linli/protocol";
import { useI18n } from "../i18n/i18n";
import { escalationWords, latestContactNote } from "./escalation-words";

/** On an open alarm's page: how far escalation has gone, and the latest word from the SMS step. */
export function EscalationNotice({ alarm }: { alarm: AlarmView }) {
  const { t } = useI18n();
  const escalation = escalationWords(alarm, t);
  if (!escalation) {
    return <p className="message message-error">{t("alarmDetail.waitingForSomeone")}</p>;
  }
  const note = latestContactNote(alarm);
  return (
    <div className="message message-error" data-testid="alarm-escalation-notice">
      <p>
        <strong>
          <span aria-hidden="true">▲ </span>
          {escalation.headline}
        </strong>{" "}
        {escalation.contacts}
      </p>
      {note && <p>{note}</p>}
    </div>
  );
}
