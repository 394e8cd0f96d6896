import { describe, expect, it } from "vitest";
import { DEFAULT_IDLE_SECONDS, idleSecondsFrom } from "./use-idle-countdown";

describe("idleSecondsFrom", () => {
  it("takes the staff setting as a number or a numeric string", () => {
    expect(idleSecondsFrom(120)).toBe(120);
    expect(idleSecondsFrom("45")).toBe(45);
  });

  it("falls back to 90 s when unset or nonsense, and keeps within 10 s – 1 h", () => {
    expect(idleSecondsFrom(undefined)).toBe(DEFAULT_IDLE_SECONDS);
    expect(idleSecondsFrom("soon")).toBe(DEFAULT_IDLE_SECONDS);
    expect(idleSecondsFrom(-5)).toBe(DEFAULT_IDLE_SECONDS);
    expect(idleSecondsFrom(3)).toBe(10);
    expect(idleSecondsFrom(99_999)).toBe(3600);
  });
});
