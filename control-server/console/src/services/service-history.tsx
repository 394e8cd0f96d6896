import type { ServiceRequestView } from "@linli/protocol";
import { formatTimestamp } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { serviceEventWords } from "./service-words";

const MARKS: Record<string, string> = {
  requested: "●",
  accepted: "◔",
  dispatched: "◑",
  "in-progress": "◕",
  done: "✓",
  cancelled: "⊘",
  "target-missed": "▲",
  reopened: "↺",
  rated: "★",
};

/** Every step of the request, oldest first, with who took it and what they wrote. */
export function ServiceHistory({ request }: { request: ServiceRequestView }) {
  const { t, locale } = useI18n();
  return (
    <section className="panel" aria-labelledby="service-history-title">
      <h2 id="service-history-title">{t("serviceDetail.history")}</h2>
      <ol className="alarm-history" data-testid="service-history">
        {request.events.map((event, index) => (
          // Events have no ids; the history only grows, so a position is stable.
          // biome-ignore lint/suspicious/noArrayIndexKey: append-only list
          <li key={index} className={`history-${event.type}`} data-event-type={event.type}>
            <time className="history-time" dateTime={event.at}>
              {formatTimestamp(event.at, locale)}
            </time>
            <span className="history-type">
              <span aria-hidden="true">{MARKS[event.type] ?? "·"} </span>
              {serviceEventWords(event.type, t)}
            </span>
            <span className="history-body">
              {event.actor && <span className="history-actor">{event.actor}</span>}
              {event.note && <span className="history-note">{event.note}</span>}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
