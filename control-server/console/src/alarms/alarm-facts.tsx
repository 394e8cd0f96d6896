import type { AlarmView } from "@linli/protocol";
import { terminalHref } from "../components/use-hash-route";
import { formatTimestamp } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { alarmSource } from "./alarm-words";

/** The unit that called, how, and when each step happened. */
export function AlarmFacts({ alarm }: { alarm: AlarmView }) {
  const { t, locale } = useI18n();
  const source = alarmSource(alarm.source, t);
  return (
    <section className="panel" aria-labelledby="alarm-facts-title">
      <h2 id="alarm-facts-title">{t("alarmDetail.facts")}</h2>
      <dl className="facts">
        <dt>{t("alarmDetail.terminal")}</dt>
        <dd>
          <a href={terminalHref(alarm.terminal.id)} data-testid="alarm-terminal-link">
            {alarm.terminal.name}
          </a>
        </dd>
        <dt>{t("column.community")}</dt>
        <dd>{alarm.community.name}</dd>
        {source && (
          <>
            <dt>{t("alarmDetail.source")}</dt>
            <dd>{source}</dd>
          </>
        )}
        <dt>{t("alarmDetail.raisedAt")}</dt>
        <dd>{formatTimestamp(alarm.raisedAt, locale)}</dd>
        <dt>{t("alarmDetail.receivedAt")}</dt>
        <dd>{formatTimestamp(alarm.receivedAt, locale)}</dd>
        {alarm.acknowledgedBy && (
          <>
            <dt>{t("alarmColumn.takenBy")}</dt>
            <dd data-testid="alarm-taken-by">
              {alarm.acknowledgedBy}
              {alarm.acknowledgedAt && ` · ${formatTimestamp(alarm.acknowledgedAt, locale)}`}
            </dd>
          </>
        )}
        {alarm.cancelledAt && (
          <>
            <dt>{t("alarmDetail.cancelledAt")}</dt>
            <dd>{formatTimestamp(alarm.cancelledAt, locale)}</dd>
          </>
        )}
        {alarm.resolvedAt && (
          <>
            <dt>{t("alarmDetail.resolvedAt")}</dt>
            <dd>{formatTimestamp(alarm.resolvedAt, locale)}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
