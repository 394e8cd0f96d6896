import type { ServiceRequestView, ServiceStatus } from "@linli/protocol";
import { useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import type { StaffPrincipal } from "../api/types";
import { PageTitle } from "../components/page-title";
import { useNow } from "../components/use-now";
import { useI18n } from "../i18n/i18n";
import { handlesAlarms } from "../session/permissions";
import { ServiceDialogs } from "./service-dialogs";
import { closedStatuses, inState, isOpen, openStatuses } from "./service-lists";
import { ServiceTable } from "./service-table";
import { isOverdue } from "./service-timing";
import { serviceStatusMarks } from "./service-words";
import { useServiceActions } from "./use-service-actions";
import { RECENT_CLOSED_LIMIT, type ServiceStore } from "./use-service-requests";

const STATES: ServiceStatus[] = [...openStatuses, ...closedStatuses];

/**
 * The services board: a count for each state (with how many are overdue), and the requests of the chosen
 * state, the soonest due first, each with its next step; kept live.
 */
export function ServicesPage(props: { api: ConsoleApi; store: ServiceStore; staff: StaffPrincipal }) {
  const { t } = useI18n();
  const { store, api } = props;
  const actions = useServiceActions(api, store);
  const now = useNow(15_000);
  const [chosen, setChosen] = useState<ServiceStatus>("requested");
  const all = store.requests ?? [];
  const lists = Object.fromEntries(
    STATES.map((status) => [status, inState(all, status, RECENT_CLOSED_LIMIT)]),
  ) as Record<ServiceStatus, ServiceRequestView[]>;
  const shown = lists[chosen];
  const canAct = handlesAlarms(props.staff.role);
  const stateName = t(`serviceStatus.${chosen}`);

  return (
    <>
      <PageTitle>{t("services.title")}</PageTitle>
      <p className="page-intro">{t("services.intro")}</p>
      {!canAct && <p className="message message-info page-note">{t("services.readOnly")}</p>}
      <div className="messages" aria-live="polite">
        {actions.message && (
          <p className={actions.message.error ? "message message-error" : "message message-ok"}>
            {actions.message.text}
          </p>
        )}
      </div>
      {store.error && (
        <div className="message message-error" role="alert">
          {t("services.loadFailed", { message: store.error })}{" "}
          <button type="button" className="button button-small" onClick={store.refresh}>
            {t("fleet.retry")}
          </button>
        </div>
      )}
      {!store.requests && !store.error && <p className="muted">{t("services.loading")}</p>}
      {store.requests && (
        <>
          <ul className="state-tiles" aria-label={t("services.states")}>
            {STATES.map((status) => {
              const overdue = isOpen(status) ? lists[status].filter((r) => isOverdue(r, now)).length : 0;
              return (
                <li key={status}>
                  <button
                    type="button"
                    className={`state-tile state-tile-${status}`}
                    aria-pressed={chosen === status}
                    data-state={status}
                    onClick={() => setChosen(status)}
                  >
                    <span className="state-tile-name">
                      <span aria-hidden="true">{serviceStatusMarks[status]} </span>
                      {t(`serviceStatus.${status}`)}
                    </span>
                    <span className="state-tile-count">{lists[status].length}</span>
                    {overdue > 0 && (
                      <span className="state-tile-overdue">
                        <span aria-hidden="true">▲ </span>
                        {t("services.overdueCount", { count: overdue })}
                      </span>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
          <section aria-labelledby="services-shown-title" data-section={chosen}>
            <h2 id="services-shown-title" className="section-title">
              {t("services.stateCount", { state: stateName, count: shown.length })}
            </h2>
            {!isOpen(chosen) && (
              <p className="muted section-note">{t("services.recentNote", { count: RECENT_CLOSED_LIMIT })}</p>
            )}
            {shown.length === 0 ? (
              <p className="empty">{t(`services.empty.${chosen}`)}</p>
            ) : (
              <ServiceTable
                status={chosen}
                requests={shown}
                caption={t("services.caption", { state: stateName, count: shown.length })}
                now={now}
                canAct={canAct}
                actions={actions}
              />
            )}
          </section>
        </>
      )}
      <ServiceDialogs api={api} actions={actions} />
    </>
  );
}
