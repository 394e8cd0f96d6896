import { useCallback, useEffect, useState } from "react";

/** Seconds before the end during which the countdown is on screen. */
export const COUNTDOWN_SECONDS = 20;
export const DEFAULT_IDLE_SECONDS = 90;

/** The idle timeout staff set (`settings.idleTimeoutSeconds`), within sane bounds, or the default. */
export function idleSecondsFrom(setting: unknown): number {
  const seconds = typeof setting === "number" ? setting : Number(setting);
  if (!Number.isFinite(seconds) || seconds <= 0) return DEFAULT_IDLE_SECONDS;
  return Math.min(Math.max(Math.round(seconds), 10), 3600);
}

/**
 * Counts idle time while `active`; any touch, click or key starts it again. Returns the seconds left
 * once inside the last COUNTDOWN_SECONDS (null before), and `moreTime` for the "more time" button.
 * Calls `onExpired` once when the time is up.
 */
export function useIdleCountdown(
  active: boolean,
  idleSeconds: number,
  onExpired: () => void,
): { secondsLeft: number | null; moreTime: () => void } {
  const [lastActivity, setLastActivity] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const moreTime = useCallback(() => setLastActivity(Date.now()), []);

  useEffect(() => {
    if (!active) return;
    setLastActivity(Date.now());
    const touched = () => setLastActivity(Date.now());
    const events = ["pointerdown", "keydown", "touchstart"] as const;
    for (const name of events) document.addEventListener(name, touched, { capture: true, passive: true });
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => {
      for (const name of events) document.removeEventListener(name, touched, { capture: true });
      clearInterval(timer);
    };
  }, [active]);

  const left = Math.ceil(idleSeconds - (now - lastActivity) / 1000);
  const expired = active && left <= 0;
  useEffect(() => {
    if (expired) onExpired();
  }, [expired, onExpired]);

  if (!active) return { secondsLeft: null, moreTime };
  return {
    secondsLeft: left <= Math.min(COUNTDOWN_SECONDS, idleSeconds) ? Math.max(left, 0) : null,
    moreTime,
  };
}
