import type { CommandState } from "../api/types";
import { useI18n } from "../i18n/i18n";

const MARKS: Record<CommandState, string> = {
  queued: "○",
  sent: "→",
  delivered: "⇥",
  succeeded: "✓",
  failed: "✕",
  expired: "–",
};

/** A command's state as a word with a mark, so that it never depends on colour alone. */
export function CommandStateBadge({ state }: { state: CommandState }) {
  const { t } = useI18n();
  return (
    <span className={`command-state command-${state}`} data-state={state}>
      <span aria-hidden="true">{MARKS[state]} </span>
      {t(`commandState.${state}`)}
    </span>
  );
}
