import type { PresenceRecord } from "../api/types";
import { useNow } from "../components/use-now";
import { formatDateTime, formatRelative } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { presenceReason } from "./presence-reason";

/** When the terminal came and went, newest first, each with why in words. */
export function PresenceHistory({ presence }: { presence: PresenceRecord[] }) {
  const { t, locale } = useI18n();
  const now = useNow(15_000);
  return (
    <section className="panel" aria-labelledby="terminal-presence-title">
      <h2 id="terminal-presence-title">{t("terminal.presence")}</h2>
      {presence.length === 0 ? (
        <p className="muted">{t("terminal.presenceEmpty")}</p>
      ) : (
        <ol className="timeline" data-testid="presence-history">
          {presence.map((p) => {
            const state = p.online ? "online" : "offline";
            return (
              // The server lists changes without ids; a terminal cannot change twice the same way at one instant.
              <li key={`${p.at}-${p.online}-${p.reason}`} data-online={p.online} data-reason={p.reason}>
                <span className={`presence presence-${state}`}>
                  <span className="presence-mark" aria-hidden="true" />
                  {t(p.online ? "terminal.cameOnline" : "terminal.wentOffline")}
                </span>
                <span className="timeline-reason">{presenceReason(p.reason, t)}</span>
                <time className="timeline-time" dateTime={p.at}>
                  {formatDateTime(p.at, locale)}
                  <span className="muted"> · {formatRelative(p.at, now, locale, t)}</span>
                </time>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
