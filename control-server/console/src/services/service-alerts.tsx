import { serviceHref } from "../components/use-hash-route";
import { useI18n } from "../i18n/i18n";
import { formatDuration } from "./service-timing";
import { ratingKey, requester, serviceName } from "./service-words";
import type { HeldAlert } from "./use-service-requests";

/**
 * A gentle banner (not the SOS bar: no sound, no red): requests past their target, and requests an
 * elder's rating reopened, until someone says they have seen each.
 */
export function ServiceAlerts(props: {
  alerts: HeldAlert[];
  latest: HeldAlert | null;
  onDismiss(key: string): void;
}) {
  const { t, locale } = useI18n();
  const words = (alert: HeldAlert) => {
    const { request } = alert;
    const name = requester(request, t);
    const service = serviceName(request.service, locale);
    return alert.reason === "reopened"
      ? t("serviceAlert.reopened", {
          name,
          service,
          rating: request.rating ? t(ratingKey(request.rating)) : "",
        })
      : t("serviceAlert.target-missed", {
          name,
          service,
          target: formatDuration(request.service.targetMinutes * 60_000, t),
        });
  };
  const { latest } = props;
  return (
    <>
      {props.alerts.length > 0 && (
        <ul className="service-alerts" aria-label={t("serviceAlerts.label")} data-testid="service-alerts">
          {props.alerts.map((alert) => (
            <li key={alert.key} className="service-alert" data-alert-reason={alert.reason}>
              <p>
                <span aria-hidden="true">{alert.reason === "reopened" ? "↺ " : "◷ "}</span>
                {words(alert)}
              </p>
              <a href={serviceHref(alert.request.id)}>
                {t("serviceAlert.open")}
                <span className="visually-hidden"> · {requester(alert.request, t)}</span>
              </a>
              <button
                type="button"
                className="button button-small"
                onClick={() => props.onDismiss(alert.key)}
              >
                {t("serviceAlert.dismiss")}
                <span className="visually-hidden"> · {requester(alert.request, t)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="visually-hidden" aria-live="polite" data-testid="service-alert-announcer">
        {latest ? t("serviceAlert.announce", { text: words(latest) }) : ""}
      </div>
    </>
  );
}
