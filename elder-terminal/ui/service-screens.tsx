import type { Translate } from "../../kiosk/ui/shared/i18n";
import type { Glyph } from "./alarm-icon";
import { SceneButton, SceneScreen } from "./scene-screen";
import {
  SERVICE_CODES,
  type ServiceCode,
  type ServiceScene,
  type ServiceView,
  serviceLabel,
} from "./service-words";

export type Rating = "good" | "bad" | "not-done";

/**
 * 叫服务: the five services of the catalogue as big buttons, and 返回. What is already under way is said
 * above them, so that the elder does not ask twice by mistake.
 */
export function ServicePicker(props: {
  t: Translate;
  current: string | null;
  currentMore: string | null;
  busy: boolean;
  failed: boolean;
  onPick: (code: ServiceCode) => void;
  onBack: () => void;
}) {
  const { t } = props;
  return (
    <div className="elder elder-picker" data-testid="service-picker">
      <div className="picker-head" role="status" aria-live="polite">
        <h1>{t("service.pickTitle")}</h1>
        {props.failed ? (
          <p className="picker-line picker-alert" role="alert">
            {t("service.failed")}
          </p>
        ) : (
          props.current && (
            <p className="picker-line">
              {props.current}
              {props.currentMore && <span className="picker-more">{props.currentMore}</span>}
            </p>
          )
        )}
      </div>
      <main className="picker-grid">
        {SERVICE_CODES.map((code) => (
          <button
            key={code}
            type="button"
            className={`picker-button picker-${code}`}
            data-testid={`service-${code}`}
            aria-busy={props.busy}
            onClick={(event) => {
              event.currentTarget.blur();
              if (!props.busy) props.onPick(code);
            }}
          >
            {serviceLabel(code, t)}
          </button>
        ))}
        <button
          type="button"
          className="picker-button picker-back"
          data-testid="back"
          onClick={(event) => {
            event.currentTarget.blur();
            props.onBack();
          }}
        >
          {t("elder.back")}
        </button>
      </main>
    </div>
  );
}

const GLYPHS: Record<ServiceScene, Glyph> = {
  waiting: "hourglass",
  accepted: "check",
  dispatched: "person",
  "in-progress": "house",
  rate: "question",
  followup: "check",
  cancelled: "cross",
};

/** One request's progress, full screen; when it is done, the question 满意 / 不满意 / 没有完成 / 跳过. */
export function ServiceScreen(props: {
  view: ServiceView;
  t: Translate;
  onRate: (rating: Rating) => void;
  onBack: () => void;
}) {
  const { view, t } = props;
  return (
    <SceneScreen
      testId="service"
      scene={view.scene}
      glyph={GLYPHS[view.scene]}
      title={view.title}
      hint={view.hint}
      extra={view.others}
    >
      {view.question ? (
        <>
          <SceneButton
            testId="rate-good"
            kind="good"
            label={t("service.rateGood")}
            onPress={() => props.onRate("good")}
          />
          <SceneButton
            testId="rate-bad"
            kind="bad"
            label={t("service.rateBad")}
            onPress={() => props.onRate("bad")}
          />
          <SceneButton
            testId="rate-not-done"
            kind="not-done"
            label={t("service.rateNotDone")}
            onPress={() => props.onRate("not-done")}
          />
          <SceneButton testId="rate-skip" kind="skip" label={t("service.rateSkip")} onPress={props.onBack} />
        </>
      ) : (
        <SceneButton testId="back" kind="back" label={t("elder.back")} onPress={props.onBack} />
      )}
    </SceneScreen>
  );
}

/** A short message full screen (thanks for a rating), with 返回. */
export function MessageScreen(props: {
  testId: string;
  scene: string;
  glyph: Glyph;
  title: string;
  hint?: string | null;
  t: Translate;
  onBack: () => void;
}) {
  return (
    <SceneScreen
      testId={props.testId}
      scene={props.scene}
      glyph={props.glyph}
      title={props.title}
      hint={props.hint ?? null}
    >
      <SceneButton testId="back" kind="back" label={props.t("elder.back")} onPress={props.onBack} />
    </SceneScreen>
  );
}
