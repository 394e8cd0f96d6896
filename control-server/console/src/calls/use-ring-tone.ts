import type { ToneState } from "../audio/repeating-tone";
import { useRepeatingTone } from "../audio/use-repeating-tone";
import { RING_TONE } from "./ring-tone";

/** Rings while `ringing` is true. */
export function useRingTone(ringing: boolean): ToneState {
  return useRepeatingTone(RING_TONE, ringing).state;
}
