import { useCallback, useEffect, useRef, useState } from "react";
import { RepeatingTone, type ToneSpec, type ToneState } from "./repeating-tone";

/**
 * Plays `spec` over and over while `playing` is true. A browser that blocks sound until the user
 * interacts is unblocked by any click or key press on the page, or by `enable` (e.g. from a notice
 * that says sound is blocked).
 */
export function useRepeatingTone(spec: ToneSpec, playing: boolean): { state: ToneState; enable(): void } {
  const tone = useRef<RepeatingTone | null>(null);
  const [state, setState] = useState<ToneState>("idle");

  useEffect(() => {
    const created = new RepeatingTone(spec, setState);
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
  }, [spec]);

  useEffect(() => {
    if (playing) tone.current?.start();
    else tone.current?.stop();
  }, [playing]);

  const enable = useCallback(() => void tone.current?.unlock(), []);
  return { state, enable };
}
