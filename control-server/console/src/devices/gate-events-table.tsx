import type { GateEventView } from "@linli/protocol";
import { formatTimestamp } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { gateReason } from "./gate-event-words";

/** Swipes, door openings and alarms, newest first, each granted or denied in words and with a mark. */
export function GateEventsTable({ events }: { events: GateEventView[] }) {
  const { t, locale } = useI18n();
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="gate-events">
        <caption className="visually-hidden">{t("gateEvents.caption", { count: events.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("gateColumn.at")}</th>
            <th scope="col">{t("gateColumn.door")}</th>
            <th scope="col">{t("gateColumn.type")}</th>
            <th scope="col">{t("gateColumn.card")}</th>
            <th scope="col">{t("gateColumn.result")}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} data-event-id={event.id} data-reason={event.reason}>
              <td className="nowrap">{formatTimestamp(event.occurredAt ?? event.receivedAt, locale)}</td>
              <th scope="row">
                {event.gate} · {event.doorName ?? event.door}
                {event.direction !== "unknown" && (
                  <span className="cell-sub">{t(`gateDirection.${event.direction}`)}</span>
                )}
              </th>
              <td>
                {t(`gateEventType.${event.type}`)}
                <span className="cell-sub">{gateReason(event, t)}</span>
              </td>
              <td className="mono">{event.card ?? <span className="muted">—</span>}</td>
              <td>
                <span className={event.granted ? "gate-result gate-granted" : "gate-result gate-denied"}>
                  <span aria-hidden="true">{event.granted ? "✓ " : "✕ "}</span>
                  {t(event.granted ? "gateResult.granted" : "gateResult.denied")}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
