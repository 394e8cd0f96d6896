import type { ToneSpec } from "../audio/repeating-tone";

/** An incoming call: a soft rising two-note sine chime, twice, then a pause — not the alarm's beeps. */
export const RING_TONE: ToneSpec = {
  cycleS: 3,
  notes: [
    { at: 0, hz: 659 },
    { at: 0.3, hz: 880 },
    { at: 0.9, hz: 659 },
    { at: 1.2, hz: 880 },
  ],
  noteS: 0.28,
  waveform: "sine",
  envelope: "bell",
  volume: 0.18,
};
