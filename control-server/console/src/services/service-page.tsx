import type { ServiceRequestView } from "@linli/protocol";
import { useEffect, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import { ApiError } from "../api/http";
import type { StaffPrincipal } from "../api/types";
import { PageTitle } from "../components/page-title";
import { pageHref } from "../components/use-hash-route";
import { useNow } from "../components/use-now";
import { useI18n } from "../i18n/i18n";
import { handlesAlarms } from "../session/permissions";
import { ServiceActionsPanel } from "./service-actions-panel";
import { ServiceDialogs } from "./service-dialogs";
import { ServiceFacts } from "./service-facts";
import { ServiceHistory } from "./service-history";
import { ServiceStatusBadge } from "./service-status-badge";
import { ServiceTimingText } from "./service-timing-text";
import { ratingKey, requester, serviceName } from "./service-words";
import { useServiceActions } from "./use-service-actions";
import type { ServiceStore } from "./use-service-requests";

/** One service request: who asked for what, where it stands against its target, what to do, what happened. */
export function ServicePage(props: {
  requestId: string;
  api: ConsoleApi;
  store: ServiceStore;
  staff: StaffPrincipal;
}) {
  const { t, locale } = useI18n();
  const { api, store, requestId } = props;
  const actions = useServiceActions(api, store);
  const [error, setError] = useState<Error | null>(null);
  const now = useNow(15_000);
  const { put } = store;

  useEffect(() => {
    api.serviceRequest(requestId).then(put, setError);
  }, [api, requestId, put]);

  // The store is kept live by the socket: this page follows every change without asking again.
  const request: ServiceRequestView | undefined = store.requests?.find((r) => r.id === requestId);
  const notFound = error instanceof ApiError && error.status === 404;

  return (
    <>
      <p className="back">
        <a className="back-link" href={pageHref("services")}>
          <span aria-hidden="true">← </span>
          {t("serviceDetail.back")}
        </a>
      </p>
      <div className="detail-head">
        <PageTitle>
          {request
            ? `${requester(request, t)} · ${serviceName(request.service, locale)}`
            : t("serviceDetail.title")}
        </PageTitle>
        {request && <ServiceStatusBadge status={request.status} />}
        {request && <ServiceTimingText request={request} now={now} />}
      </div>
      {notFound ? (
        <p className="message message-error" role="alert">
          {t("serviceDetail.notFound")}
        </p>
      ) : (
        error &&
        !request && (
          <p className="message message-error" role="alert">
            {t("serviceDetail.loadFailed", { message: error.message })}
          </p>
        )
      )}
      {!request && !error && <p className="muted">{t("terminal.loading")}</p>}
      {request && (
        <>
          {request.reopenedCount > 0 && request.status === "accepted" && request.rating && (
            <p className="message message-warn page-note" data-testid="service-reopened">
              <span aria-hidden="true">↺ </span>
              {t("serviceDetail.reopened", { rating: t(ratingKey(request.rating)) })}
            </p>
          )}
          <div className="messages" aria-live="polite">
            {actions.message && (
              <p className={actions.message.error ? "message message-error" : "message message-ok"}>
                {actions.message.text}
              </p>
            )}
          </div>
          <div className="alarm-detail-layout">
            <div className="alarm-detail-main">
              <ServiceFacts request={request} />
              <ServiceHistory request={request} />
            </div>
            <div className="alarm-detail-side">
              <ServiceActionsPanel
                request={request}
                canAct={handlesAlarms(props.staff.role)}
                actions={actions}
              />
            </div>
          </div>
        </>
      )}
      <ServiceDialogs api={api} actions={actions} />
    </>
  );
}
