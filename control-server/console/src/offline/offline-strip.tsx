import type { TerminalSummary } from "@linli/protocol";
import { useId, useRef } from "react";
import { terminalHref } from "../components/use-hash-route";
import { useNow } from "../components/use-now";
import { formatDateTime, formatRelative } from "../i18n/format";
import { useI18n } from "../i18n/i18n";

/**
 * Under the alarm bar, on every page: elder units that are offline (an SOS from them would not arrive),
 * each with since when, until a staff member acknowledges it or the unit is back.
 */
export function OfflineStrip(props: {
  units: TerminalSummary[];
  communityName(id: string): string;
  announcement: string;
  onAcknowledge(unit: TerminalSummary): void;
}) {
  const { t, locale } = useI18n();
  const now = useNow(30_000);
  const titleId = useId();
  const list = useRef<HTMLUListElement>(null);

  const acknowledge = (unit: TerminalSummary, index: number) => {
    // The button goes away with its unit: the focus moves on to the next one, or back to the page.
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>("button") ?? [];
    const next = buttons[index + 1] ?? buttons[index - 1];
    props.onAcknowledge(unit);
    if (next) next.focus();
    else document.getElementById("main")?.focus();
  };

  return (
    <>
      {props.units.length > 0 && (
        <section className="offline-strip" aria-labelledby={titleId} data-testid="offline-strip">
          <div className="offline-head">
            <h2 id={titleId}>
              <span aria-hidden="true">⚠ </span>
              {t("offline.title", { count: props.units.length })}
            </h2>
            <p>{t("offline.intro")}</p>
          </div>
          <ul ref={list} className="offline-list">
            {props.units.map((unit, index) => (
              <li key={unit.id} data-terminal-id={unit.id}>
                <a href={terminalHref(unit.id)} className="offline-name">
                  {unit.name}
                </a>
                <span className="offline-community">{props.communityName(unit.communityId)}</span>
                <time className="offline-since" dateTime={unit.lastSeenAt!}>
                  {t("offline.since", {
                    time: formatDateTime(unit.lastSeenAt!, locale),
                    relative: formatRelative(unit.lastSeenAt!, now, locale, t),
                  })}
                </time>
                <button
                  type="button"
                  className="button button-small"
                  aria-label={t("offline.acknowledgeFor", { name: unit.name })}
                  onClick={() => acknowledge(unit, index)}
                >
                  {t("offline.acknowledge")}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="visually-hidden" aria-live="polite" data-testid="offline-announcer">
        {props.announcement}
      </div>
    </>
  );
}
