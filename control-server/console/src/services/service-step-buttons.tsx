import type { ServiceRequestView } from "@linli/protocol";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { requester } from "./service-words";
import type { ServiceActions } from "./use-service-actions";

type NextStep = { step: "accept" | "dispatch" | "start" | "complete"; label: MessageKey; primary: boolean };

/** What can be done next from each state, the usual next step first. */
const NEXT: Partial<Record<ServiceRequestView["status"], NextStep[]>> = {
  requested: [{ step: "accept", label: "serviceAction.accept", primary: true }],
  accepted: [{ step: "dispatch", label: "serviceAction.dispatch", primary: true }],
  dispatched: [
    { step: "start", label: "serviceAction.start", primary: true },
    { step: "complete", label: "serviceAction.complete", primary: false },
    { step: "dispatch", label: "serviceAction.redispatch", primary: false },
  ],
  "in-progress": [{ step: "complete", label: "serviceAction.complete", primary: true }],
};

/** The next steps of one request as buttons; 派单 asks whom first. Each names the elder for screen readers. */
export function ServiceStepButtons(props: {
  request: ServiceRequestView;
  actions: ServiceActions;
  size?: "small" | "big";
}) {
  const { t } = useI18n();
  const { request, actions } = props;
  const busy = actions.busyId === request.id;
  const name = requester(request, t);
  return (
    <>
      {(NEXT[request.status] ?? []).map((next) => (
        <button
          key={next.step + next.label}
          type="button"
          className={[
            "button",
            next.primary ? "button-primary" : "",
            props.size === "big" ? "button-wide" : "button-small",
          ].join(" ")}
          disabled={busy}
          data-step={next.step}
          onClick={() =>
            next.step === "dispatch" ? actions.askDispatch(request) : void actions.run(request, next.step)
          }
        >
          {t(next.label)}
          <span className="visually-hidden"> · {name}</span>
        </button>
      ))}
    </>
  );
}
