import type { ServiceRequestView } from "@linli/protocol";
import { useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import { ApiError } from "../api/http";
import type { ServiceStep } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { serviceName } from "./service-words";
import type { ServiceStore } from "./use-service-requests";

export interface ServiceMessage {
  text: string;
  error: boolean;
}

/** A question open over the page: whom to dispatch, or why to cancel. */
export type ServiceDialog = { kind: "dispatch" | "cancel"; request: ServiceRequestView } | null;

/**
 * 受理, 派单, 上门, 完成 and 取消 for the board and a request's page alike; each answers whether it worked.
 * A request someone else moved on meanwhile is refetched and said so.
 */
export function useServiceActions(api: ConsoleApi, store: ServiceStore) {
  const { t, locale } = useI18n();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [message, setMessage] = useState<ServiceMessage | null>(null);
  const [dialog, setDialog] = useState<ServiceDialog>(null);

  const explain = (error: unknown): string => {
    if (error instanceof ApiError && error.status === 409 && /provider/.test(error.message))
      return error.message;
    if (error instanceof ApiError && error.status === 409) return t("serviceAction.changedMeanwhile");
    if (error instanceof ApiError && error.status === 403) return t("error.forbidden");
    if (error instanceof ApiError && error.status === 0) return t("error.unreachable");
    return (error as Error).message;
  };

  const done = (step: ServiceStep, saved: ServiceRequestView): string => {
    const name = saved.elder?.name ?? saved.terminal.name;
    const service = serviceName(saved.service, locale);
    switch (step) {
      case "accept":
        return t("serviceAction.accepted", { name, service });
      case "dispatch":
        return t("serviceAction.dispatched", { provider: saved.provider?.name ?? "" });
      case "start":
        return t("serviceAction.started");
      case "complete":
        return t("serviceAction.completed");
      default:
        return t("serviceAction.cancelled");
    }
  };

  const run = async (
    request: ServiceRequestView,
    step: ServiceStep,
    body: { providerId?: string; note?: string } = {},
  ): Promise<boolean> => {
    setBusyId(request.id);
    setMessage(null);
    try {
      const saved = await api.serviceStep(request.id, step, body);
      store.put(saved);
      setMessage({ text: done(step, saved), error: false });
      return true;
    } catch (error) {
      setMessage({ text: t("serviceAction.failed", { message: explain(error) }), error: true });
      if (error instanceof ApiError && error.status === 409) store.refresh();
      return false;
    } finally {
      setBusyId(null);
    }
  };

  return {
    busyId,
    message,
    dialog,
    run,
    askDispatch: (request: ServiceRequestView) => setDialog({ kind: "dispatch", request }),
    askCancel: (request: ServiceRequestView) => setDialog({ kind: "cancel", request }),
    closeDialog: () => setDialog(null),
  };
}

export type ServiceActions = ReturnType<typeof useServiceActions>;
