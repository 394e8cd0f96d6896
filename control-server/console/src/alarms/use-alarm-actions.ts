import type { AlarmView } from "@linli/protocol";
import { useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import { ApiError } from "../api/http";
import { useI18n } from "../i18n/i18n";
import type { AlarmStore } from "./use-alarms";

export interface AlarmMessage {
  text: string;
  error: boolean;
}

/**
 * Acknowledge, note and resolve, for the alarm bar, the alarms page and an alarm's page alike; each
 * answers whether it worked. An alarm someone else took or closed meanwhile is refetched and said so.
 */
export function useAlarmActions(api: ConsoleApi, store: AlarmStore) {
  const { t } = useI18n();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [message, setMessage] = useState<AlarmMessage | null>(null);

  const explain = (error: unknown): string => {
    if (error instanceof ApiError && error.status === 409) return t("alarmAction.alreadyClosed");
    if (error instanceof ApiError && error.status === 403) return t("error.forbidden");
    if (error instanceof ApiError && error.status === 0) return t("error.unreachable");
    return (error as Error).message;
  };

  const run = async (alarm: AlarmView, work: () => Promise<AlarmView>, done: string | null) => {
    setBusyId(alarm.id);
    setMessage(null);
    try {
      store.put(await work());
      if (done) setMessage({ text: done, error: false });
      return true;
    } catch (error) {
      setMessage({ text: t("alarmAction.failed", { message: explain(error) }), error: true });
      if (error instanceof ApiError && error.status === 409) store.refresh();
      return false;
    } finally {
      setBusyId(null);
    }
  };

  return {
    busyId,
    message,
    acknowledge: (alarm: AlarmView) => run(alarm, () => api.acknowledgeAlarm(alarm.id), null),
    addNote: (alarm: AlarmView, note: string) =>
      run(alarm, () => api.addAlarmNote(alarm.id, note), t("alarmAction.noted")),
    resolve: (alarm: AlarmView, note: string) =>
      run(alarm, () => api.resolveAlarm(alarm.id, note), t("alarmAction.resolved")),
  };
}

export type AlarmActions = ReturnType<typeof useAlarmActions>;
