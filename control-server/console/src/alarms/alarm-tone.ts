import type { ToneSpec } from "../audio/repeating-tone";

/** The alarm: three short alternating square beeps, a pause, again — impossible to mistake for a call. */
export const ALARM_TONE: ToneSpec = {
  cycleS: 1.6,
  notes: [
    { at: 0, hz: 1046 },
    { at: 0.22, hz: 830 },
    { at: 0.44, hz: 1046 },
  ],
  noteS: 0.16,
  waveform: "square",
  envelope: "flat",
  volume: 0.3,
};
