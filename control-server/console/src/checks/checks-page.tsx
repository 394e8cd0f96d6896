import type { CheckTask } from "@linli/protocol";
import type { ReactNode } from "react";
import { useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import { ApiError } from "../api/http";
import type { StaffPrincipal } from "../api/types";
import { PageTitle } from "../components/page-title";
import { useNow } from "../components/use-now";
import { formatTimestamp } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { handlesAlarms } from "../session/permissions";
import { openTasks, recentlyDone } from "./check-task-lists";
import { CheckTaskRow } from "./check-task-row";
import { type CheckTaskStore, RECENT_DONE_LIMIT } from "./use-check-tasks";

/**
 * 今日平安: elders who did not press 我很好 by the check-in hour, to call or visit; 已联系 with what was
 * found closes a task (a late press on the unit closes it by itself). Kept live.
 */
export function ChecksPage(props: {
  api: ConsoleApi;
  store: CheckTaskStore;
  staff: StaffPrincipal;
  /** A 呼叫 button for an elder's unit. */
  callButton(terminalId: string, name: string): ReactNode;
}) {
  const { t, locale } = useI18n();
  const { api, store } = props;
  const now = useNow(30_000);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const canAct = handlesAlarms(props.staff.role);
  const all = store.tasks ?? [];
  const open = openTasks(all);
  const done = recentlyDone(all, RECENT_DONE_LIMIT);

  const close = async (task: CheckTask, note: string) => {
    setBusyId(task.id);
    setMessage(null);
    try {
      store.put(await api.closeCheckTask(task.id, note));
      setMessage({ text: t("check.closed", { name: task.elder.name }), error: false });
      return true;
    } catch (error) {
      const conflict = error instanceof ApiError && error.status === 409;
      setMessage({
        text: t("check.failed", { message: conflict ? t("check.alreadyClosed") : (error as Error).message }),
        error: true,
      });
      if (conflict) store.refresh();
      return false;
    } finally {
      setBusyId(null);
    }
  };

  return (
    <>
      <PageTitle>{t("checks.title")}</PageTitle>
      <p className="page-intro">{t("checks.intro")}</p>
      {!canAct && <p className="message message-info page-note">{t("checks.readOnly")}</p>}
      <div className="messages" aria-live="polite">
        {message && (
          <p className={message.error ? "message message-error" : "message message-ok"}>{message.text}</p>
        )}
      </div>
      {store.error && (
        <div className="message message-error" role="alert">
          {t("checks.loadFailed", { message: store.error })}{" "}
          <button type="button" className="button button-small" onClick={store.refresh}>
            {t("fleet.retry")}
          </button>
        </div>
      )}
      {!store.tasks && !store.error && <p className="muted">{t("checks.loading")}</p>}
      {store.tasks && (
        <>
          <section className="alarm-section" aria-labelledby="checks-open-title" data-section="open">
            <h2 id="checks-open-title" className="section-title">
              {t("checks.open", { count: open.length })}
            </h2>
            {open.length === 0 ? (
              <p className="empty">{t("checks.openEmpty")}</p>
            ) : (
              <div className="table-wrap">
                <table className="data-table check-table">
                  <caption className="visually-hidden">{t("checks.caption", { count: open.length })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("checkColumn.elder")}</th>
                      <th scope="col">{t("checkColumn.date")}</th>
                      {canAct && <th scope="col">{t("checkColumn.contact")}</th>}
                    </tr>
                  </thead>
                  <tbody>
                    {open.map((task) => (
                      <CheckTaskRow
                        key={task.id}
                        task={task}
                        now={now}
                        canAct={canAct}
                        busy={busyId === task.id}
                        call={props.callButton(task.terminalId, task.elder.name)}
                        onClose={close}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section className="alarm-section" aria-labelledby="checks-done-title" data-section="done">
            <h2 id="checks-done-title" className="section-title">
              {t("checks.done", { count: done.length })}
            </h2>
            {done.length === 0 ? (
              <p className="empty">{t("checks.doneEmpty")}</p>
            ) : (
              <div className="table-wrap">
                <table className="data-table">
                  <caption className="visually-hidden">
                    {t("checks.doneCaption", { count: done.length })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("checkColumn.elder")}</th>
                      <th scope="col">{t("checkColumn.date")}</th>
                      <th scope="col">{t("checkColumn.contact")}</th>
                      <th scope="col">{t("checkColumn.doneBy")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {done.map((task) => (
                      <tr key={task.id} data-task-id={task.id}>
                        <th scope="row">
                          <span className="terminal-name">{task.elder.name}</span>
                          <span className="cell-sub">{task.community.name}</span>
                        </th>
                        <td className="nowrap">{task.date}</td>
                        <td>{task.note}</td>
                        <td className="nowrap">
                          {task.doneBy ?? t("check.byElder")}
                          {task.doneAt && (
                            <span className="cell-sub">{formatTimestamp(task.doneAt, locale)}</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </>
  );
}
