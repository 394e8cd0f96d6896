import type { CallRinging } from "@linli/protocol";
import type { ToneState } from "../audio/repeating-tone";
import { useI18n } from "../i18n/i18n";
import { ringingParty } from "./use-calls";

/** Elder units asking to talk: each with who and where, and 接听; the ring plays while any waits. */
export function IncomingCalls(props: {
  ringing: CallRinging[];
  ring: ToneState;
  /** Another call is in progress: a new one can only be taken after it. */
  busy: boolean;
  onAnswer(call: CallRinging): void;
}) {
  const { t } = useI18n();
  if (props.ringing.length === 0) return null;
  return (
    <section
      className="call-card call-incoming"
      aria-labelledby="incoming-title"
      data-testid="incoming-calls"
    >
      <h2 id="incoming-title">
        <span className="call-bell" aria-hidden="true">
          ☎
        </span>{" "}
        {t("call.incomingTitle", { count: props.ringing.length })}
      </h2>
      {props.ring === "playing" && <p className="call-note">{t("call.ringing")}</p>}
      {props.ring === "blocked" && <p className="call-note call-note-warn">{t("call.ringBlocked")}</p>}
      <ul className="call-list">
        {props.ringing.map((call) => {
          const party = ringingParty(call);
          return (
            <li key={call.callId} data-call-id={call.callId}>
              <p className="call-name">{party.name}</p>
              <p className="call-where">
                {party.address ?? call.terminal.name}
                <span className="visually-hidden"> · {t("call.incomingFrom", { name: party.name })}</span>
              </p>
              <button
                type="button"
                className="button call-answer"
                disabled={props.busy}
                aria-label={t("call.answerFor", { name: party.name })}
                onClick={() => props.onAnswer(call)}
              >
                {t("call.answer")}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
