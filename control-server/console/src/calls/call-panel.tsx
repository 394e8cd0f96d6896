import { useEffect, useRef } from "react";
import { useNow } from "../components/use-now";
import { formatElapsed } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { LevelMeter } from "./level-meter";
import { useAudioLevel } from "./use-audio-level";
import type { ActiveCall } from "./use-calls";

/** The call in progress: with whom, how long, how loud they are, and 挂断. It plays the unit's audio. */
export function CallPanel(props: { call: ActiveCall; remote: MediaStream | null; onHangup(): void }) {
  const { t } = useI18n();
  const { call } = props;
  const now = useNow(1000);
  const level = useAudioLevel(props.remote);
  const audio = useRef<HTMLAudioElement>(null);
  const hangup = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = audio.current;
    if (!element) return;
    element.srcObject = props.remote;
    if (props.remote) void element.play().catch(() => undefined);
  }, [props.remote]);

  // The one thing to do in a call is to end it: the focus goes there, so Enter ends it.
  useEffect(() => {
    hangup.current?.focus();
  }, []);

  const status =
    call.phase === "connected" && call.connectedAt
      ? `${t("call.connected")} · ${t("call.duration", { time: formatElapsed(now - call.connectedAt, t) })}`
      : t(call.direction === "outgoing" ? "call.dialling" : "call.connecting");
  return (
    <section
      className="call-card call-active"
      aria-labelledby="call-title"
      data-testid="call-panel"
      data-phase={call.phase}
    >
      <h2 id="call-title">{t("call.with", { name: call.party.name })}</h2>
      {call.party.address && <p className="call-where">{call.party.address}</p>}
      <p className="call-status" role="status" data-testid="call-status">
        <span aria-hidden="true">{call.phase === "connected" ? "● " : "○ "}</span>
        {status}
      </p>
      <LevelMeter level={level} />
      {/* biome-ignore lint/a11y/useMediaCaption: a live phone call has no captions to offer */}
      <audio ref={audio} autoPlay data-testid="call-audio" />
      <button
        ref={hangup}
        type="button"
        className="button button-danger call-hangup"
        aria-label={t("call.hangupFor", { name: call.party.name })}
        onClick={props.onHangup}
      >
        {t("call.hangup")}
      </button>
    </section>
  );
}
