import { useEffect, useRef, useState } from "react";
import { RepeatingTone, type ToneState } from "../audio/repeating-tone";
import { RING_TONE } from "./ring-tone";

/**
 * Rings while `ringing` is true. A browser that blocks sound until the user interacts is unblocked by any
 * click or key press on the page.
 */
export function useRingTone(ringing: boolean): ToneState {
  const tone = useRef<RepeatingTone | null>(null);
  const [state, setState] = useState<ToneState>("idle");

  useEffect(() => {
    const created = new RepeatingTone(RING_TONE, setState);
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
    if (ringing) tone.current?.start();
    else tone.current?.stop();
  }, [ringing]);

  return state;
}
