import type { AlarmView } from "@linli/protocol";
import { alarmHref } from "../components/use-hash-route";
import { formatElapsed, formatTimestamp } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { closedAt } from "./alarm-lists";
import { AlarmStatusBadge } from "./alarm-status-badge";
import { alarmCaller, alarmSource } from "./alarm-words";
import { escalationWords } from "./escalation-words";

export type AlarmTableKind = "open" | "inProgress" | "closed";

/** One section of the alarms page: the queue, the alarms in progress, or the recently closed ones. */
export function AlarmTable(props: {
  kind: AlarmTableKind;
  alarms: AlarmView[];
  caption: string;
  now: number;
  canAct: boolean;
  busyId: string | null;
  onAcknowledge(alarm: AlarmView): void;
}) {
  const { t, locale } = useI18n();
  const { kind } = props;
  return (
    <div className="table-wrap">
      <table className="data-table alarm-table" data-alarm-table={kind}>
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("alarmColumn.caller")}</th>
            <th scope="col">{t("alarmColumn.place")}</th>
            <th scope="col">{t("alarmColumn.raisedAt")}</th>
            <th scope="col">{t("alarmColumn.status")}</th>
            {kind !== "open" && <th scope="col">{t("alarmColumn.takenBy")}</th>}
            {kind === "closed" && <th scope="col">{t("alarmColumn.outcome")}</th>}
            {kind === "open" && props.canAct && <th scope="col">{t("column.actions")}</th>}
          </tr>
        </thead>
        <tbody>
          {props.alarms.map((alarm) => {
            const escalation = kind === "closed" ? null : escalationWords(alarm, t);
            const source = alarmSource(alarm.source, t);
            return (
              <tr key={alarm.id} data-alarm-id={alarm.id}>
                <th scope="row">
                  <a className="terminal-name" href={alarmHref(alarm.id)}>
                    {alarmCaller(alarm, t)}
                  </a>
                  <span className="cell-sub">
                    {alarm.terminal.name}
                    {source && ` · ${source}`}
                  </span>
                </th>
                <td>
                  {alarm.community.name}
                  {alarm.elder && <span className="cell-sub">{alarm.elder.address}</span>}
                </td>
                <td className="nowrap">
                  {formatTimestamp(alarm.raisedAt, locale)}
                  {kind === "open" && (
                    <span className="cell-sub">
                      {t("alarmBar.waiting")} {formatElapsed(props.now - Date.parse(alarm.raisedAt), t)}
                    </span>
                  )}
                </td>
                <td>
                  <AlarmStatusBadge status={alarm.status} />
                  {escalation && (
                    <span className="cell-sub cell-warn">
                      <span aria-hidden="true">▲ </span>
                      {escalation.headline}
                    </span>
                  )}
                </td>
                {kind !== "open" && (
                  <td>
                    {alarm.acknowledgedBy ?? <span className="muted">—</span>}
                    {alarm.acknowledgedAt && (
                      <span className="cell-sub">{formatTimestamp(alarm.acknowledgedAt, locale)}</span>
                    )}
                  </td>
                )}
                {kind === "closed" && (
                  <td>
                    {alarm.resolution ?? t("alarm.cancelledByElder")}
                    <span className="cell-sub">{formatTimestamp(closedAt(alarm), locale)}</span>
                  </td>
                )}
                {kind === "open" && props.canAct && (
                  <td>
                    <button
                      type="button"
                      className="button button-danger"
                      disabled={props.busyId === alarm.id}
                      onClick={() => props.onAcknowledge(alarm)}
                    >
                      {t("alarmBar.acknowledge")}
                      <span className="visually-hidden"> · {alarmCaller(alarm, t)}</span>
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
