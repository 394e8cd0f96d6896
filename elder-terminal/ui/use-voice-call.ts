import { useCallback, useEffect, useRef, useState } from "react";
import type { UiBridge } from "../../kiosk/ui/shared/bridge-client";
import type { Translate } from "../../kiosk/ui/shared/i18n";
import type { Announcer } from "./speech";
import { type CallMedia, VoiceCall } from "./voice-call";

export type CallState =
  | { phase: "idle" }
  /** Ringing the consoles; the call id is known once the server has it ringing. */
  | { phase: "ringing"; callId: string | null }
  | {
      phase: "talking";
      callId: string;
      staffName: string;
      /** The centre called the unit (answered hands-free). */
      incoming: boolean;
      media: CallMedia;
      microphone: boolean;
    }
  /** Nobody could answer: the elder is told to try later or phone. */
  | { phase: "failed"; reason: "unavailable" | "unanswered" };

export interface VoiceCallControl {
  state: CallState;
  /** The centre's voice, to be played while the call lasts. */
  remote: MediaStream | null;
  start(): void;
  hangUp(): void;
  /** Puts the "nobody could answer" screen away. */
  dismiss(): void;
}

/**
 * Voice calls with the centre, as the elder lives them: "呼叫中心" rings the consoles; whoever accepts
 * sends an offer that the page answers with the microphone; a call from the centre is answered at once.
 * Every change is said aloud. The runtime relays the signalling; the audio flows peer to peer.
 */
export function useVoiceCall(bridge: UiBridge, announcer: Announcer, t: Translate): VoiceCallControl {
  const [state, setState] = useState<CallState>({ phase: "idle" });
  const [remote, setRemote] = useState<MediaStream | null>(null);
  // Bridge events arrive between renders: the current call lives in a ref, the screen follows the state.
  const current = useRef<{ state: CallState; call: VoiceCall | null; hungUpEarly: boolean }>({
    state: { phase: "idle" },
    call: null,
    hungUpEarly: false,
  });
  const words = useRef({ announcer, t });
  words.current = { announcer, t };

  const update = useCallback((next: CallState) => {
    current.current.state = next;
    setState(next);
  }, []);

  const finish = useCallback(
    (next: CallState) => {
      current.current.call?.close();
      current.current.call = null;
      setRemote(null);
      update(next);
    },
    [update],
  );

  const fail = useCallback(
    (reason: "unavailable" | "unanswered") => {
      finish({ phase: "failed", reason });
      const { announcer, t } = words.current;
      announcer.say(t(reason === "unanswered" ? "call.unansweredSpeech" : "call.unavailableSpeech"));
    },
    [finish],
  );

  const connect = useCallback(
    (callId: string, staffName: string, incoming: boolean) => {
      current.current.call?.close();
      const name = staffName || words.current.t("call.someone");
      const talking = {
        phase: "talking" as const,
        callId,
        staffName: name,
        incoming,
        media: "connecting" as CallMedia,
        microphone: true,
      };
      update(talking);
      const change = (patch: Partial<typeof talking>) => {
        const now = current.current.state;
        if (now.phase === "talking" && now.callId === callId) update({ ...now, ...patch });
      };
      current.current.call = new VoiceCall((signal) => void bridge.call("call:signal", { callId, signal }), {
        remote: (stream) => setRemote(stream),
        media: (media) => change({ media }),
        noMicrophone: () => change({ microphone: false }),
      });
      const { announcer, t } = words.current;
      announcer.say(t(incoming ? "call.incomingSpeech" : "call.acceptedSpeech", { name }));
    },
    [bridge, update],
  );

  useEffect(
    () =>
      bridge.on("call", (event) => {
        const now = current.current.state;
        const ours = (now.phase === "ringing" || now.phase === "talking") && now.callId === event.callId;
        switch (event.type) {
          case "ringing":
            // The unit's own call button rang the centre: the screen shows and says it as for its own button.
            if (now.phase === "talking" || (now.phase === "ringing" && now.callId !== null)) return;
            current.current.hungUpEarly = false;
            update({ phase: "ringing", callId: event.callId });
            if (now.phase !== "ringing") words.current.announcer.say(words.current.t("call.ringingSpeech"));
            return;
          case "accepted":
          case "incoming":
            // A call the elder started (from the screen or the unit's call button), or the centre calling.
            if (now.phase === "talking" && now.callId !== event.callId) return;
            if (now.phase === "ringing" && now.callId && now.callId !== event.callId) return;
            connect(event.callId, event.staffName, event.type === "incoming");
            return;
          case "signal":
            if (ours) void current.current.call?.receive(event.signal);
            return;
          case "ended":
            // The unit's own call button found nobody to ring: the runtime says so with an empty call id.
            if (event.callId === "" && (now.phase === "idle" || now.phase === "failed")) {
              fail("unavailable");
              return;
            }
            if (!ours) return;
            if (now.phase === "ringing") {
              fail("unanswered");
              return;
            }
            finish({ phase: "idle" });
            words.current.announcer.say(
              words.current.t(event.reason === "link-lost" ? "call.lostSpeech" : "call.endedSpeech"),
            );
            return;
        }
      }),
    [bridge, connect, fail, finish, update],
  );

  // The page going away (reload) must not leave the microphone open.
  useEffect(() => () => current.current.call?.close(), []);

  const start = useCallback(() => {
    const now = current.current.state;
    if (now.phase === "ringing" || now.phase === "talking") return;
    current.current.hungUpEarly = false;
    update({ phase: "ringing", callId: null });
    words.current.announcer.say(words.current.t("call.ringingSpeech"));
    void bridge.call("call:request", null).then((answer) => {
      const later = current.current.state;
      if (!answer.ok) {
        if (later.phase === "ringing" && !current.current.hungUpEarly) fail("unavailable");
        return;
      }
      const { callId } = answer.data;
      if (current.current.hungUpEarly) {
        void bridge.call("call:hangup", { callId });
        return;
      }
      if (later.phase === "ringing" && later.callId === null) update({ phase: "ringing", callId });
    });
  }, [bridge, fail, update]);

  const hangUp = useCallback(() => {
    const now = current.current.state;
    if (now.phase !== "ringing" && now.phase !== "talking") return;
    if (now.callId) void bridge.call("call:hangup", { callId: now.callId });
    else current.current.hungUpEarly = true;
    finish({ phase: "idle" });
    words.current.announcer.say(words.current.t("call.endedSpeech"));
  }, [bridge, finish]);

  const dismiss = useCallback(() => {
    if (current.current.state.phase === "failed") update({ phase: "idle" });
  }, [update]);

  return { state, remote, start, hangUp, dismiss };
}
