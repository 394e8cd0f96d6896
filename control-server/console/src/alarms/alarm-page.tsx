import type { AlarmView } from "@linli/protocol";
import { useEffect, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import { ApiError } from "../api/http";
import type { StaffPrincipal } from "../api/types";
import { PageTitle } from "../components/page-title";
import { pageHref } from "../components/use-hash-route";
import { useI18n } from "../i18n/i18n";
import { editsElders, handlesAlarms } from "../session/permissions";
import { AlarmActionsPanel } from "./alarm-actions-panel";
import { AlarmFacts } from "./alarm-facts";
import { AlarmHistory } from "./alarm-history";
import { AlarmStatusBadge } from "./alarm-status-badge";
import { alarmCaller } from "./alarm-words";
import { ContactsPanel } from "./contacts-panel";
import { ElderPanel } from "./elder-panel";
import { EscalationNotice } from "./escalation-notice";
import { useAlarmActions } from "./use-alarm-actions";
import type { AlarmStore } from "./use-alarms";

/** One alarm with everything staff need at once: who, where, whom to call, what happened, and what to do. */
export function AlarmPage(props: {
  alarmId: string;
  api: ConsoleApi;
  store: AlarmStore;
  staff: StaffPrincipal;
}) {
  const { t } = useI18n();
  const { api, store, alarmId } = props;
  const actions = useAlarmActions(api, store);
  const [error, setError] = useState<Error | null>(null);
  const { put } = store;

  useEffect(() => {
    api.alarm(alarmId).then(put, setError);
  }, [api, alarmId, put]);

  // The store is kept live by the socket: this page follows every change without asking again.
  const alarm: AlarmView | undefined = store.alarms?.find((a) => a.id === alarmId);
  const notFound = error instanceof ApiError && error.status === 404;
  const canAct = handlesAlarms(props.staff.role);

  return (
    <>
      <p className="back">
        <a className="back-link" href={pageHref("alarms")}>
          <span aria-hidden="true">← </span>
          {t("alarmDetail.back")}
        </a>
      </p>
      <div className="detail-head">
        <PageTitle>{alarm ? alarmCaller(alarm, t) : t("alarmDetail.title")}</PageTitle>
        {alarm && <AlarmStatusBadge status={alarm.status} />}
      </div>
      {notFound ? (
        <p className="message message-error" role="alert">
          {t("alarmDetail.notFound")}
        </p>
      ) : (
        error &&
        !alarm && (
          <p className="message message-error" role="alert">
            {t("alarmDetail.loadFailed", { message: error.message })}
          </p>
        )
      )}
      {!alarm && !error && <p className="muted">{t("terminal.loading")}</p>}
      {alarm && (
        <>
          {alarm.status === "cancelled" && (
            <p className="message message-warn" data-testid="alarm-cancelled">
              <strong>{t("alarmStatus.cancelled")}</strong> {t("alarmDetail.cancelledAdvice")}
            </p>
          )}
          {alarm.status === "open" && <EscalationNotice alarm={alarm} />}
          <div className="messages" aria-live="polite">
            {actions.message && (
              <p className={actions.message.error ? "message message-error" : "message message-ok"}>
                {actions.message.text}
              </p>
            )}
          </div>
          <div className="alarm-detail-layout">
            <div className="alarm-detail-main">
              <div className="alarm-detail-pair">
                <ElderPanel alarm={alarm} canEdit={editsElders(props.staff.role)} />
                <ContactsPanel alarm={alarm} />
              </div>
              <AlarmHistory alarm={alarm} />
            </div>
            <div className="alarm-detail-side">
              <AlarmActionsPanel alarm={alarm} canAct={canAct} actions={actions} />
              <AlarmFacts alarm={alarm} />
            </div>
          </div>
        </>
      )}
    </>
  );
}
