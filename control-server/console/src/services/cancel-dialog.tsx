import type { ServiceRequestView } from "@linli/protocol";
import { useId, useState } from "react";
import { FormDialog } from "../components/form-dialog";
import { TextArea } from "../components/text-area";
import { useI18n } from "../i18n/i18n";
import { requester, serviceName } from "./service-words";

const MAX_REASON = 500;

/** 取消: only with the reason, which the elder is told. Keyed by the request, so each starts empty. */
export function CancelDialog(props: {
  request: ServiceRequestView | null;
  busy: boolean;
  onCancel(request: ServiceRequestView, note: string): Promise<boolean>;
  onClose(): void;
}) {
  const { t, locale } = useI18n();
  const { request } = props;
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const fieldId = useId();

  const submit = async () => {
    if (!request) return false;
    if (!reason.trim()) {
      setError(t("cancel.required"));
      document.getElementById(fieldId)?.focus();
      return false;
    }
    return props.onCancel(request, reason.trim());
  };

  return (
    <FormDialog
      open={request !== null}
      title={t("cancel.title")}
      description={
        request
          ? t("cancel.for", { name: requester(request, t), service: serviceName(request.service, locale) })
          : ""
      }
      submitLabel={t("cancel.submit")}
      closeLabel={t("cancel.keep")}
      danger
      busy={props.busy}
      onSubmit={submit}
      onClose={props.onClose}
    >
      <TextArea
        id={fieldId}
        label={t("cancel.reason")}
        hint={t("cancel.hint")}
        value={reason}
        maxLength={MAX_REASON}
        error={error}
        onChange={(value) => {
          setReason(value);
          setError(null);
        }}
      />
    </FormDialog>
  );
}
