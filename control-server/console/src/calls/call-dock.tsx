import { useI18n } from "../i18n/i18n";
import { CallPanel } from "./call-panel";
import { IncomingCalls } from "./incoming-calls";
import type { Calls } from "./use-calls";
import { useRingTone } from "./use-ring-tone";

/**
 * The corner of every page that holds calls: those ringing, the one in progress, and what became of the
 * last one. It never covers the alarm bar, and the page stays usable behind it.
 */
export function CallDock({ calls }: { calls: Calls }) {
  const { t } = useI18n();
  const ring = useRingTone(calls.ringing.length > 0 && !calls.active);
  const latest = calls.ringing.at(-1);
  const { ended, problem } = calls;
  const outcome = problem
    ? t(
        problem.text === "micFailed"
          ? "call.micFailed"
          : problem.text === "takenElsewhere"
            ? "call.takenElsewhere"
            : "call.failed",
        { message: problem.detail, by: problem.detail, name: problem.party?.name ?? "" },
      )
    : ended
      ? t("call.endedBy", { name: ended.party.name, reason: t(`call.ended.${ended.reason}`) })
      : null;
  return (
    <div className="call-dock" data-ring={ring}>
      {(outcome || calls.ringing.length > 0 || calls.active) && (
        <>
          {outcome && !calls.active && (
            <div
              className={
                problem && problem.text !== "takenElsewhere"
                  ? "call-card call-outcome call-outcome-bad"
                  : "call-card call-outcome"
              }
              data-testid="call-outcome"
            >
              <p>{outcome}</p>
              <button type="button" className="button button-small" onClick={calls.dismiss}>
                {t("call.dismiss")}
              </button>
            </div>
          )}
          {calls.active && (
            <CallPanel call={calls.active} remote={calls.remote} onHangup={() => void calls.hangup()} />
          )}
          <IncomingCalls
            ringing={calls.ringing}
            ring={ring}
            busy={calls.active !== null}
            onAnswer={(call) => void calls.answer(call)}
          />
        </>
      )}
      <div className="visually-hidden" aria-live="assertive" data-testid="call-announcer">
        {latest ? t("call.announce", { name: latest.elder?.name ?? latest.terminal.name }) : ""}
      </div>
      <div className="visually-hidden" aria-live="polite">
        {outcome ?? ""}
      </div>
    </div>
  );
}
