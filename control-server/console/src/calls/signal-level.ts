/** The quietest level the meter shows above zero, in dB below full scale. */
const FLOOR_DB = -60;

/**
 * How loud a block of audio samples is, 0–1 for a meter: the RMS in dBFS, mapped from −60 dB (and
 * below: 0) to 0 dB (1), so that quiet speech still moves it visibly.
 */
export function signalLevel(samples: Float32Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  const rms = Math.sqrt(sum / samples.length);
  if (rms <= 0) return 0;
  const db = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (db - FLOOR_DB) / -FLOOR_DB));
}
