import type { Translate } from "../../kiosk/ui/shared/i18n";

/** ready: pressing raises an SOS; busy: the press is being saved; unavailable: the runtime cannot be reached. */
export type SosState = "ready" | "busy" | "unavailable";

/**
 * The on-screen twin of the unit's red button. When the runtime cannot be reached the button could not
 * do anything, so it is not shown: the elder is told to phone instead.
 */
export function SosButton({
  state,
  t,
  onPress,
  compact = false,
}: {
  state: SosState;
  t: Translate;
  onPress: () => void;
  compact?: boolean;
}) {
  if (state === "unavailable") {
    return (
      <p className="sos-unavailable" role="alert">
        {t("elder.noRuntime")}
      </p>
    );
  }
  const label = state === "busy" ? t("elder.sosBusy") : t("elder.sos");
  return (
    <button
      type="button"
      className={compact ? "sos-button sos-compact" : "sos-button"}
      data-testid="sos"
      aria-busy={state === "busy"}
      onClick={(event) => {
        // Keep the focus off the button: a keyboard-wedge key (Enter, Space) must not press it again.
        event.currentTarget.blur();
        if (state === "ready") onPress();
      }}
    >
      <span className={label.length > 6 ? "sos-label sos-label-long" : "sos-label"}>{label}</span>
      <span className="sos-badge" aria-hidden="true">
        SOS
      </span>
      {!compact && <span className="sos-hint">{t("elder.sosHint")}</span>}
    </button>
  );
}
