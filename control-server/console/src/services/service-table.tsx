import type { ServiceRequestView, ServiceStatus } from "@linli/protocol";
import { serviceHref } from "../components/use-hash-route";
import { formatElapsed, formatTimestamp } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { cancelReason, isOpen } from "./service-lists";
import { ServiceStepButtons } from "./service-step-buttons";
import { formatDuration } from "./service-timing";
import { ServiceTimingText } from "./service-timing-text";
import { ratingKey, requester, serviceName } from "./service-words";
import type { ServiceActions } from "./use-service-actions";

/** The requests in one state: who, what, since when, against which target, by whom, and the next step. */
export function ServiceTable(props: {
  status: ServiceStatus;
  requests: ServiceRequestView[];
  caption: string;
  now: number;
  canAct: boolean;
  actions: ServiceActions;
}) {
  const { t, locale } = useI18n();
  const { status, now } = props;
  const open = isOpen(status);
  const showProvider = status !== "requested" && status !== "accepted";
  return (
    <div className="table-wrap">
      <table className="data-table service-table" data-service-table={status}>
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("serviceColumn.elder")}</th>
            <th scope="col">{t("serviceColumn.service")}</th>
            <th scope="col">{t("serviceColumn.requestedAt")}</th>
            <th scope="col">{t("serviceColumn.timing")}</th>
            {showProvider && <th scope="col">{t("serviceColumn.provider")}</th>}
            {!open && <th scope="col">{t("serviceColumn.outcome")}</th>}
            <th scope="col">{t("serviceColumn.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {props.requests.map((request) => {
            const reason = status === "cancelled" ? cancelReason(request) : null;
            return (
              <tr key={request.id} data-request-id={request.id}>
                <th scope="row">
                  <a className="terminal-name" href={serviceHref(request.id)}>
                    {requester(request, t)}
                  </a>
                  <span className="cell-sub">
                    {request.community.name}
                    {request.elder && ` · ${request.elder.address}`}
                  </span>
                </th>
                <td>
                  <span className="service-name">{serviceName(request.service, locale)}</span>
                  {request.reopenedCount > 0 && (
                    <span className="cell-sub cell-warn">
                      <span aria-hidden="true">↺ </span>
                      {t("service.reopenedTimes", { count: request.reopenedCount })}
                    </span>
                  )}
                </td>
                <td className="nowrap">
                  {formatTimestamp(request.requestedAt, locale)}
                  {open && (
                    <span className="cell-sub">
                      {t("alarmBar.waiting")} {formatElapsed(now - Date.parse(request.requestedAt), t)}
                    </span>
                  )}
                </td>
                <td>
                  <ServiceTimingText request={request} now={now} />
                  <span className="cell-sub">
                    {t("serviceTiming.target", {
                      time: formatDuration(request.service.targetMinutes * 60_000, t),
                    })}
                  </span>
                </td>
                {showProvider && <td>{request.provider?.name ?? <span className="muted">—</span>}</td>}
                {!open && (
                  <td>
                    {status === "done" &&
                      (request.rating ? (
                        t(ratingKey(request.rating))
                      ) : (
                        <span className="muted">{t("serviceDetail.notRated")}</span>
                      ))}
                    {reason}
                  </td>
                )}
                <td>
                  <div className="row-actions">
                    {props.canAct && open && <ServiceStepButtons request={request} actions={props.actions} />}
                    <a className="button button-small" href={serviceHref(request.id)}>
                      {t("serviceAction.details")}
                      <span className="visually-hidden"> · {requester(request, t)}</span>
                    </a>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
