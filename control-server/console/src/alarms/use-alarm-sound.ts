import type { ToneState } from "../audio/repeating-tone";
import { useRepeatingTone } from "../audio/use-repeating-tone";
import { ALARM_TONE } from "./alarm-tone";

/** Sounds the alarm while `sounding` is true. There is no mute: the sound stops when the alarms are acknowledged. */
export function useAlarmSound(sounding: boolean): { state: ToneState; enable(): void } {
  return useRepeatingTone(ALARM_TONE, sounding);
}
