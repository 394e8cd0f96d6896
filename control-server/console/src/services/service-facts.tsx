import type { ServiceRequestView } from "@linli/protocol";
import { terminalHref } from "../components/use-hash-route";
import { formatTimestamp } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { formatDuration } from "./service-timing";
import { ratingKey, requester, serviceName } from "./service-words";

/** Who asked, where, for what, when it is due, and who was sent. */
export function ServiceFacts({ request }: { request: ServiceRequestView }) {
  const { t, locale } = useI18n();
  return (
    <section className="panel" aria-labelledby="service-facts-title">
      <h2 id="service-facts-title">{t("serviceDetail.facts")}</h2>
      <dl className="facts" data-testid="service-facts">
        <dt>{t("serviceDetail.elder")}</dt>
        <dd className="fact-strong">{requester(request, t)}</dd>
        {request.elder && (
          <>
            <dt>{t("serviceDetail.address")}</dt>
            <dd>{request.elder.address}</dd>
          </>
        )}
        <dt>{t("column.community")}</dt>
        <dd>{request.community.name}</dd>
        <dt>{t("serviceColumn.service")}</dt>
        <dd>
          {serviceName(request.service, locale)} ·{" "}
          {t("serviceTiming.target", { time: formatDuration(request.service.targetMinutes * 60_000, t) })}
        </dd>
        <dt>{t("serviceDetail.unit")}</dt>
        <dd>
          <a href={terminalHref(request.terminal.id)}>{request.terminal.name}</a>
        </dd>
        <dt>{t("serviceDetail.requestedAt")}</dt>
        <dd>{formatTimestamp(request.requestedAt, locale)}</dd>
        <dt>{t("serviceDetail.targetAt")}</dt>
        <dd>{formatTimestamp(request.targetAt, locale)}</dd>
        <dt>{t("serviceDetail.provider")}</dt>
        <dd data-testid="service-provider">
          {request.provider?.name ?? <span className="muted">{t("serviceDetail.noProvider")}</span>}
        </dd>
        <dt>{t("serviceDetail.rating")}</dt>
        <dd>
          {request.rating ? (
            t(ratingKey(request.rating))
          ) : (
            <span className="muted">{t("serviceDetail.notRated")}</span>
          )}
        </dd>
      </dl>
    </section>
  );
}
