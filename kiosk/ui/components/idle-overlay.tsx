import { useEffect, useRef } from "react";
import { useVisit } from "../visit-context";

/** The last seconds before an idle visit is wiped: said plainly, with a big way to stay. */
export function IdleOverlay({ secondsLeft, onMoreTime }: { secondsLeft: number; onMoreTime: () => void }) {
  const { t, finish } = useVisit();
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => stay.current?.focus(), []);
  return (
    <div
      className="overlay"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="idle-title"
      data-testid="idle-overlay"
    >
      <div className="overlay-card">
        <h2 id="idle-title">{t("idle.title")}</h2>
        <p className="idle-count" aria-live="polite">
          {t("idle.seconds", { seconds: secondsLeft })}
        </p>
        <p>{t("idle.hint")}</p>
        <button ref={stay} type="button" className="big primary" onClick={onMoreTime}>
          {t("idle.moreTime")}
        </button>
        <button type="button" className="big" onClick={finish}>
          {t("kiosk.finish")}
        </button>
      </div>
    </div>
  );
}
