import { useEffect, useRef, useState } from "react";
import type { ToneState } from "../alarms/alarm-tone";
import { RingTone } from "./ring-tone";

/**
 * Rings while `ringing` is true. A browser that blocks sound until the user interacts is unblocked by any
 * click or key press on the page.
 */
export function useRingTone(ringing: boolean): ToneState {
  const tone = useRef<RingTone | null>(null);
  const [state, setState] = useState<ToneState>("idle");

  useEffect(() => {
    const created = new RingTone(setState);
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
