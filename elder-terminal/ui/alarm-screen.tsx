import type { Translate } from "../../kiosk/ui/shared/i18n";
import { AlarmIcon } from "./alarm-icon";
import { type AlarmView, phrases, titleSize } from "./alarm-words";
import { SosButton, type SosState } from "./sos-button";

/**
 * During an SOS the whole screen is the alarm: one sentence in very large type on a colour of its own,
 * an icon, a calmer second line, and the one action that makes sense now (false alarm while it is open,
 * a new emergency call once it is over).
 */
export function AlarmScreen(props: {
  view: AlarmView;
  t: Translate;
  cancelArmed: boolean;
  onCancel: () => void;
  sos: SosState;
  onSos: () => void;
}) {
  const { view, t } = props;
  return (
    <div className={`elder elder-alarm scene-${view.scene}`} data-testid="alarm" data-scene={view.scene}>
      <main className="alarm-body" role="status" aria-live="assertive" aria-atomic="true">
        <AlarmIcon scene={view.scene} size={96} />
        <div className="alarm-words">
          <h1 className="alarm-title" data-testid="alarm-title" style={{ fontSize: titleSize(view.title) }}>
            {phrases(view.title).map((phrase) => (
              <span key={phrase} className="phrase">
                {phrase}
              </span>
            ))}
          </h1>
          <p className="alarm-hint">{view.hint}</p>
        </div>
      </main>
      {view.cancellable && (
        <button
          type="button"
          className={props.cancelArmed ? "cancel-button armed" : "cancel-button"}
          data-testid="cancel"
          onClick={(event) => {
            event.currentTarget.blur();
            props.onCancel();
          }}
        >
          {props.cancelArmed ? t("alarm.cancelConfirm") : t("alarm.cancel")}
        </button>
      )}
      {view.closed && <SosButton state={props.sos} t={t} onPress={props.onSos} compact />}
    </div>
  );
}
