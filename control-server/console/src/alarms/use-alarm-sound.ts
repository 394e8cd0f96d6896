import { useCallback, useEffect, useRef, useState } from "react";
import { RepeatingTone, type ToneState } from "../audio/repeating-tone";
import { ALARM_TONE } from "./alarm-tone";

/**
 * Sounds the alarm while `sounding` is true. There is no mute: the sound stops when the alarms are
 * acknowledged. A browser that blocks sound until the user interacts is unblocked by any click or key
 * press on the page, or by `enable` from the notice that says so.
 */
export function useAlarmSound(sounding: boolean): { state: ToneState; enable(): void } {
  const tone = useRef<RepeatingTone | null>(null);
  const [state, setState] = useState<ToneState>("idle");

  useEffect(() => {
    const created = new RepeatingTone(ALARM_TONE, setState);
    tone.current = created;
    const unlock = () => void created.unlock();
    document.addEventListener("pointerdown", unlock, true);
    document.addEventListener("keydown", unlock, true);
    return () => {
      document.removeEventListener("pointerdown", unlock, true);
      document.removeEventListener("keydown", unlock, true);
      created.close();
      tone.current = null;
    };
  }, []);

  useEffect(() => {
    if (sounding) tone.current?.start();
    else tone.current?.stop();
  }, [sounding]);

  const enable = useCallback(() => void tone.current?.unlock(), []);
  return { state, enable };
}
