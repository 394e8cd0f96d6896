import { useEffect, useRef } from "react";
import type { Translate } from "../../kiosk/ui/shared/i18n";
import { SceneButton, SceneScreen } from "./scene-screen";
import { SosButton, type SosState } from "./sos-button";
import type { CallState } from "./use-voice-call";

/** Ringing, or talking with someone at the centre: one sentence and one huge 挂断 button. */
export function CallScreen(props: {
  state: Extract<CallState, { phase: "ringing" | "talking" }>;
  t: Translate;
  onHangUp: () => void;
}) {
  const { state, t } = props;
  const talking = state.phase === "talking" ? state : null;
  const hint = !talking
    ? t("call.ringingHint")
    : !talking.microphone
      ? t("call.noMicHint")
      : talking.media === "connected"
        ? t("call.talkingHint")
        : talking.media === "failed"
          ? t("call.mediaFailedHint")
          : t("call.connectingHint");
  return (
    <SceneScreen
      testId="call"
      scene={talking ? "talking" : "ringing"}
      glyph={talking ? "speaker" : "phone"}
      kicker={talking?.incoming ? t("call.incoming") : null}
      title={talking ? t("call.talking", { name: talking.staffName }) : t("call.ringing")}
      hint={hint}
      live="assertive"
    >
      <SceneButton testId="hangup" kind="hangup" label={t("call.hangup")} onPress={props.onHangUp} />
    </SceneScreen>
  );
}

/** Nobody could answer: try later or phone; an emergency is still one press away. */
export function CallFailedScreen(props: {
  reason: "unavailable" | "unanswered";
  t: Translate;
  sos: SosState;
  onSos: () => void;
  onBack: () => void;
}) {
  const { t } = props;
  return (
    <SceneScreen
      testId="call"
      scene="call-failed"
      glyph="phone"
      title={t(props.reason === "unanswered" ? "call.unanswered" : "call.unavailable")}
      hint={t("call.unavailableHint")}
      live="assertive"
    >
      <SosButton state={props.sos} t={t} onPress={props.onSos} compact />
      <SceneButton testId="back" kind="back" label={t("elder.back")} onPress={props.onBack} />
    </SceneScreen>
  );
}

/** Plays the centre's voice; nothing to see. */
export function RemoteAudio({ stream }: { stream: MediaStream | null }) {
  const audio = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const element = audio.current;
    if (!element) return;
    element.srcObject = stream;
    if (stream)
      void element.play().catch((error: unknown) => console.warn("call audio did not start", error));
  }, [stream]);
  // biome-ignore lint/a11y/useMediaCaption: a live conversation; what matters is on screen and said aloud
  return <audio ref={audio} autoPlay data-testid="call-audio" />;
}
