import type { AlarmView } from "@linli/protocol";
import type { ConsoleApi } from "../api/console-api";
import type { StaffPrincipal } from "../api/types";
import { PageTitle } from "../components/page-title";
import { alarmHref } from "../components/use-hash-route";
import { useNow } from "../components/use-now";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { handlesAlarms } from "../session/permissions";
import { inProgress, openOldestFirst, recentlyClosed } from "./alarm-lists";
import { AlarmTable, type AlarmTableKind } from "./alarm-table";
import { useAlarmActions } from "./use-alarm-actions";
import { type AlarmStore, RECENT_CLOSED_LIMIT } from "./use-alarms";

const SECTIONS: Array<{ kind: AlarmTableKind; title: MessageKey; empty: MessageKey }> = [
  { kind: "open", title: "alarms.open", empty: "alarms.openEmpty" },
  { kind: "inProgress", title: "alarms.inProgress", empty: "alarms.inProgressEmpty" },
  { kind: "closed", title: "alarms.closed", empty: "alarms.closedEmpty" },
];

/** The alarm queue, the alarms being handled and the recently closed ones, all kept live. */
export function AlarmsPage(props: { api: ConsoleApi; store: AlarmStore; staff: StaffPrincipal }) {
  const { t } = useI18n();
  const { store } = props;
  const actions = useAlarmActions(props.api, store);
  const now = useNow(1000);
  const all = store.alarms ?? [];
  const lists: Record<AlarmTableKind, AlarmView[]> = {
    open: openOldestFirst(all),
    inProgress: inProgress(all),
    closed: recentlyClosed(all, RECENT_CLOSED_LIMIT),
  };

  const acknowledge = async (alarm: AlarmView) => {
    if (await actions.acknowledge(alarm)) window.location.hash = alarmHref(alarm.id);
  };

  return (
    <>
      <PageTitle>{t("alarms.title")}</PageTitle>
      <div className="messages" aria-live="polite">
        {actions.message && (
          <p className={actions.message.error ? "message message-error" : "message message-ok"}>
            {actions.message.text}
          </p>
        )}
      </div>
      {store.error && (
        <div className="message message-error" role="alert">
          {t("alarms.loadFailed", { message: store.error })}{" "}
          <button type="button" className="button button-small" onClick={store.refresh}>
            {t("fleet.retry")}
          </button>
        </div>
      )}
      {!store.alarms && !store.error && <p className="muted">{t("alarms.loading")}</p>}
      {store.alarms &&
        SECTIONS.map((section) => {
          const alarms = lists[section.kind];
          const title = t(section.title, { count: alarms.length });
          return (
            <section
              key={section.kind}
              className="alarm-section"
              aria-labelledby={`alarms-${section.kind}-title`}
              data-section={section.kind}
            >
              <h2 id={`alarms-${section.kind}-title`} className="section-title">
                {title}
              </h2>
              {alarms.length === 0 ? (
                <p className="empty">{t(section.empty)}</p>
              ) : (
                <AlarmTable
                  kind={section.kind}
                  alarms={alarms}
                  caption={title}
                  now={now}
                  canAct={handlesAlarms(props.staff.role)}
                  busyId={actions.busyId}
                  onAcknowledge={acknowledge}
                />
              )}
            </section>
          );
        })}
    </>
  );
}
