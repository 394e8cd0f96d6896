import type { Provider, ServiceRequestView } from "@linli/protocol";
import { useEffect, useId, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import { FormDialog } from "../components/form-dialog";
import { pageHref } from "../components/use-hash-route";
import { useI18n } from "../i18n/i18n";
import { requester, serviceName } from "./service-words";

/**
 * 派单: a provider offering the request's service in its community, active; when reassigning, the one
 * already sent is not offered again.
 */
export function DispatchDialog(props: {
  api: ConsoleApi;
  request: ServiceRequestView | null;
  busy: boolean;
  onDispatch(request: ServiceRequestView, providerId: string): Promise<boolean>;
  onClose(): void;
}) {
  const { t, locale } = useI18n();
  const { api, request } = props;
  const [providers, setProviders] = useState<Provider[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [chosen, setChosen] = useState("");
  const [error, setError] = useState<string | null>(null);
  const selectId = useId();

  useEffect(() => {
    if (!request) return;
    let current = true;
    api.providers({ serviceCode: request.service.code, communityId: request.community.id }).then(
      (list) => {
        if (current)
          setProviders(
            list.filter(
              (p) =>
                p.active &&
                !(request.status === "dispatched" && p.id === request.provider?.id) &&
                p.serviceCodes.includes(request.service.code) &&
                p.communityIds.includes(request.community.id),
            ),
          );
      },
      (reason: Error) => {
        if (current) setFailure(reason.message);
      },
    );
    return () => {
      current = false;
    };
  }, [api, request]);

  // The list arrives after the dialog opened: the choice takes the focus then.
  const listed = providers !== null && providers.length > 0;
  useEffect(() => {
    if (listed) document.getElementById(selectId)?.focus();
  }, [listed, selectId]);

  const service = request ? serviceName(request.service, locale) : "";
  const submit = async () => {
    if (!request) return false;
    if (!chosen) {
      setError(t("dispatch.required"));
      document.getElementById(selectId)?.focus();
      return false;
    }
    return props.onDispatch(request, chosen);
  };

  return (
    <FormDialog
      open={request !== null}
      title={t("dispatch.title", { service })}
      description={
        request ? t("dispatch.for", { name: requester(request, t), community: request.community.name }) : ""
      }
      submitLabel={t("dispatch.submit")}
      closeLabel={t("action.cancel")}
      busy={props.busy || !providers || providers.length === 0}
      onSubmit={submit}
      onClose={props.onClose}
    >
      {failure && (
        <p className="message message-error" role="alert">
          {t("providers.loadFailed", { message: failure })}
        </p>
      )}
      {!providers && !failure && <p className="muted">{t("dispatch.loading")}</p>}
      {providers && providers.length === 0 && (
        <p className="message message-warn">
          {t("dispatch.none", { service })} <a href={pageHref("providers")}>{t("dispatch.addProvider")}</a>
        </p>
      )}
      {providers && providers.length > 0 && (
        <div className="field">
          <label htmlFor={selectId}>{t("dispatch.provider")}</label>
          <select
            id={selectId}
            value={chosen}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${selectId}-hint${error ? ` ${selectId}-error` : ""}`}
            onChange={(e) => {
              setChosen(e.target.value);
              setError(null);
            }}
          >
            <option value="">{t("dispatch.choose")}</option>
            {providers.map((p) => (
              <option key={p.id} value={p.id}>
                {t("dispatch.option", { name: p.name, kind: t(`providerKind.${p.kind}`), phone: p.phone })}
              </option>
            ))}
          </select>
          <p id={`${selectId}-hint`} className="field-hint">
            {t("dispatch.hint", { service })}
          </p>
          {error && (
            <p id={`${selectId}-error`} className="field-error">
              <span aria-hidden="true">✕ </span>
              {error}
            </p>
          )}
        </div>
      )}
    </FormDialog>
  );
}
