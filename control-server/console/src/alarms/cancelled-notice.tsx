import type { AlarmView } from "@linli/protocol";
import { alarmHref } from "../components/use-hash-route";
import { useI18n } from "../i18n/i18n";
import { alarmCaller } from "./alarm-words";

/**
 * An alarm that left the queue because the elder cancelled it: said in the bar (it does not just vanish)
 * until someone has read it. Nothing sounds for it.
 */
export function CancelledNotice({ alarm, onDismiss }: { alarm: AlarmView; onDismiss(): void }) {
  const { t } = useI18n();
  return (
    <li className="cancelled-notice" data-cancelled-alarm-id={alarm.id}>
      <p>
        <span aria-hidden="true">⊘ </span>
        <strong>{alarmCaller(alarm, t)}</strong> · {t("alarmStatus.cancelled")}
        <span className="cancelled-advice"> {t("alarmBar.cancelledAdvice")}</span>
      </p>
      <a href={alarmHref(alarm.id)}>{t("alarmBar.details")}</a>
      <button type="button" className="button button-small" onClick={onDismiss}>
        {t("alarmBar.dismiss")}
      </button>
    </li>
  );
}
