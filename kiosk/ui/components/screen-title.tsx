import type { ReactNode } from "react";
import { useVisit } from "../visit-context";

/** A screen's heading with the way back; the heading is what read-aloud says first. */
export function ScreenTitle(props: { children: ReactNode; noBack?: boolean; onBack?: () => void }) {
  const { t, back } = useVisit();
  const { children, noBack } = props;
  return (
    <div className="screen-title">
      {!noBack && (
        <button type="button" className="back" onClick={props.onBack ?? back}>
          <span aria-hidden="true">‹ </span>
          {t("kiosk.back")}
        </button>
      )}
      <h1>{children}</h1>
    </div>
  );
}
