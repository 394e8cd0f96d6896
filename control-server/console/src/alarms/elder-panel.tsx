import type { AlarmView } from "@linli/protocol";
import { elderHref, newElderHref } from "../components/use-hash-route";
import { useI18n } from "../i18n/i18n";

/** What to know about the elder before going in: where, with whom, conditions and medication. */
export function ElderPanel({ alarm, canEdit }: { alarm: AlarmView; canEdit: boolean }) {
  const { t } = useI18n();
  const { elder } = alarm;
  if (!elder) {
    return (
      <section className="panel" aria-labelledby="alarm-elder-title">
        <h2 id="alarm-elder-title">{t("alarmDetail.elder")}</h2>
        <p className="message message-error">
          {t("alarmDetail.noProfile", { terminal: alarm.terminal.name })}
        </p>
        {canEdit && (
          <p className="panel-link">
            <a href={newElderHref(alarm.terminal.id)}>{t("alarmDetail.createProfile")}</a>
          </p>
        )}
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="alarm-elder-title" data-testid="alarm-elder">
      <h2 id="alarm-elder-title">{t("alarmDetail.elder")}</h2>
      <dl className="facts">
        <dt>{t("elder.name")}</dt>
        <dd className="fact-strong">{elder.name}</dd>
        <dt>{t("elder.address")}</dt>
        <dd className="fact-strong">{elder.address}</dd>
        <dt>{t("elder.livingSituation")}</dt>
        <dd>{elder.livingSituation || <span className="muted">{t("elder.notRecorded")}</span>}</dd>
        <dt>{t("elder.conditions")}</dt>
        <dd>
          {elder.conditions.length === 0 ? (
            <span className="muted">{t("elder.notRecorded")}</span>
          ) : (
            <ul className="tags">
              {elder.conditions.map((condition) => (
                <li key={condition} className="tag">
                  {condition}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t("elder.medicationNotes")}</dt>
        <dd className="pre-line">
          {elder.medicationNotes || <span className="muted">{t("elder.notRecorded")}</span>}
        </dd>
      </dl>
      {canEdit && (
        <p className="panel-link">
          <a href={elderHref(elder.id)}>{t("alarmDetail.editProfile")}</a>
        </p>
      )}
    </section>
  );
}
