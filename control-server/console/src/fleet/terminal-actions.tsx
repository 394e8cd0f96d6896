import type { TerminalSummary } from "@linli/protocol";
import { useI18n } from "../i18n/i18n";

export type TerminalAction = "reload" | "restart" | "revoke";

/** What an administrator can do to one terminal; nothing for a revoked one. */
export function TerminalActions(props: {
  terminal: TerminalSummary;
  busy: boolean;
  onAction(action: TerminalAction, terminal: TerminalSummary): void;
}) {
  const { t } = useI18n();
  const { terminal } = props;
  if (terminal.revoked) return null;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a toolbar-like group of buttons, not a form fieldset
    <div className="row-actions" role="group" aria-label={t("action.actionsFor", { name: terminal.name })}>
      <button
        type="button"
        className="button button-small"
        disabled={props.busy}
        onClick={() => props.onAction("reload", terminal)}
      >
        {t("action.reload")}
      </button>
      <button
        type="button"
        className="button button-small"
        disabled={props.busy}
        onClick={() => props.onAction("restart", terminal)}
      >
        {t("action.restart")}
      </button>
      <button
        type="button"
        className="button button-small button-danger-outline"
        disabled={props.busy}
        onClick={() => props.onAction("revoke", terminal)}
      >
        {t("action.revoke")}
      </button>
    </div>
  );
}
