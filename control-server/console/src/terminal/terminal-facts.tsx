import type { TerminalSummary } from "@linli/protocol";
import { useNow } from "../components/use-now";
import { LastSeen } from "../fleet/last-seen";
import { useI18n } from "../i18n/i18n";

/** What the terminal is and where: kind, community, last contact, software version, full id. */
export function TerminalFacts(props: { terminal: TerminalSummary; communityName: string }) {
  const { t } = useI18n();
  const now = useNow(15_000);
  const { terminal } = props;
  return (
    <section className="panel" aria-labelledby="terminal-facts-title">
      <h2 id="terminal-facts-title">{t("terminal.facts")}</h2>
      <dl className="facts">
        <dt>{t("column.kind")}</dt>
        <dd>{t(`kind.${terminal.kind}`)}</dd>
        <dt>{t("column.community")}</dt>
        <dd>{props.communityName}</dd>
        <dt>{t("column.lastSeen")}</dt>
        <dd>
          <LastSeen terminal={terminal} now={now} />
        </dd>
        <dt>{t("column.version")}</dt>
        {terminal.version ? (
          <dd className="mono">{terminal.version}</dd>
        ) : (
          <dd className="muted">{t("terminal.versionUnknown")}</dd>
        )}
        <dt>{t("terminal.id")}</dt>
        <dd className="mono">{terminal.id}</dd>
      </dl>
    </section>
  );
}
