import { useId } from "react";
import { useI18n } from "../i18n/i18n";
import { useCallsContext } from "./call-context";

/**
 * 呼叫: calls an elder's unit, which answers hands-free. Not offered to roles that do not talk to elders;
 * while the unit is offline or a call is on, it says why it cannot.
 */
export function CallButton(props: {
  terminalId: string;
  terminalName: string;
  /** The elder's name and address, when known. */
  name?: string;
  address?: string | null;
  size?: "small" | "big";
}) {
  const { t } = useI18n();
  const calls = useCallsContext();
  const hintId = useId();
  if (!calls?.canCall) return null;
  const online = calls.isOnline(props.terminalId);
  const busy = calls.active !== null;
  const name = props.name ?? props.terminalName;
  const why = !online ? t("call.unitOffline") : busy ? t("call.busy") : null;
  return (
    <span className={props.size === "big" ? "call-button call-button-big" : "call-button"}>
      <button
        type="button"
        className={props.size === "big" ? "button button-primary button-wide" : "button button-small"}
        disabled={why !== null}
        aria-describedby={why ? hintId : undefined}
        data-testid="call-dial"
        onClick={() =>
          void calls.dial(
            { id: props.terminalId, name: props.terminalName },
            { name, address: props.address ?? null },
          )
        }
      >
        <span aria-hidden="true">☎ </span>
        {t("call.dial")}
        <span className="visually-hidden"> {name}</span>
      </button>
      {why && (
        <span id={hintId} className="call-button-why">
          {why}
        </span>
      )}
    </span>
  );
}
