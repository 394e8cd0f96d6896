import { describe, expect, it } from "vitest";
import { signalLevel } from "./signal-level";

const tone = (amplitude: number) =>
  Float32Array.from({ length: 1024 }, (_, i) => amplitude * Math.sin((2 * Math.PI * 440 * i) / 48_000));

describe("signal level", () => {
  it("is 0 for silence, 1 at full scale, and in between for speech-like levels", () => {
    expect(signalLevel(new Float32Array(1024))).toBe(0);
    expect(signalLevel(new Float32Array(0))).toBe(0);
    expect(signalLevel(Float32Array.from({ length: 1024 }, () => 1))).toBe(1);
    // −20 dBFS RMS: two thirds of the way up.
    const speech = signalLevel(tone(0.1 * Math.SQRT2));
    expect(speech).toBeCloseTo(2 / 3, 2);
    expect(signalLevel(tone(0.0001))).toBe(0);
  });
});
