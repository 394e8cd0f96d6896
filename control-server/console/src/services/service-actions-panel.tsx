import type { ServiceRequestView } from "@linli/protocol";
import { CallButton } from "../calls/call-button";
import { useI18n } from "../i18n/i18n";
import { isOpen } from "./service-lists";
import { ServiceStepButtons } from "./service-step-buttons";
import type { ServiceActions } from "./use-service-actions";

/** What this staff member can do now: the next step, or cancel with the reason. */
export function ServiceActionsPanel(props: {
  request: ServiceRequestView;
  canAct: boolean;
  actions: ServiceActions;
}) {
  const { t } = useI18n();
  const { request, actions } = props;
  const open = isOpen(request.status);
  return (
    <section className="panel service-actions" aria-labelledby="service-actions-title">
      <h2 id="service-actions-title">{t("serviceDetail.actions")}</h2>
      {!props.canAct ? (
        <p className="message message-info">{t("services.readOnly")}</p>
      ) : !open ? (
        <p className="muted">{t("serviceDetail.nothingToDo")}</p>
      ) : (
        <div className="service-steps">
          <ServiceStepButtons request={request} actions={actions} size="big" />
          <button
            type="button"
            className="button button-danger-outline button-wide"
            disabled={actions.busyId === request.id}
            onClick={() => actions.askCancel(request)}
          >
            {t("serviceAction.cancel")}
          </button>
        </div>
      )}
      {props.canAct && (
        <div className="service-call">
          <CallButton
            terminalId={request.terminal.id}
            terminalName={request.terminal.name}
            name={request.elder?.name}
            address={request.elder?.address ?? null}
          />
        </div>
      )}
    </section>
  );
}
