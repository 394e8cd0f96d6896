import type { TerminalSummary } from "@linli/protocol";
import { useI18n } from "../i18n/i18n";

/** Online / offline / revoked: a shape and a word as well as a colour. */
export function PresenceBadge({ terminal }: { terminal: TerminalSummary }) {
  const { t } = useI18n();
  const state = terminal.revoked ? "revoked" : terminal.online ? "online" : "offline";
  return (
    <span className={`presence presence-${state}`} data-presence={state}>
      <span className="presence-mark" aria-hidden="true" />
      {t(`presence.${state}`)}
    </span>
  );
}
