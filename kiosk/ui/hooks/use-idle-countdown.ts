import { useCallback, useEffect, useRef, useState } from "react";

/** Seconds before the end during which the countdown is on screen. */
export const COUNTDOWN_SECONDS = 20;
export const DEFAULT_IDLE_SECONDS = 90;
const TICK_MS = 250;

/** The idle timeout staff set (`settings.idleTimeoutSeconds`), within sane bounds, or the default. */
export function idleSecondsFrom(setting: unknown): number {
  const seconds = typeof setting === "number" ? setting : Number(setting);
  if (!Number.isFinite(seconds) || seconds <= 0) return DEFAULT_IDLE_SECONDS;
  return Math.min(Math.max(Math.round(seconds), 10), 3600);
}

/**
 * Counts idle time while `active`; any touch, click or key starts it again. Returns the seconds left
 * once inside the last COUNTDOWN_SECONDS (null before), and `moreTime` for the "more time" button.
 * Calls `onExpired` once when the time is up. Touches are kept in a ref: the screen is drawn again only
 * when what the countdown shows changes.
 */
export function useIdleCountdown(
  active: boolean,
  idleSeconds: number,
  onExpired: () => void,
): { secondsLeft: number | null; moreTime: () => void } {
  const lastActivity = useRef(Date.now());
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const expired = useRef(onExpired);
  expired.current = onExpired;
  const moreTime = useCallback(() => {
    lastActivity.current = Date.now();
    setSecondsLeft(null);
  }, []);

  useEffect(() => {
    if (!active) {
      setSecondsLeft(null);
      return;
    }
    lastActivity.current = Date.now();
    const touched = () => {
      lastActivity.current = Date.now();
    };
    const events = ["pointerdown", "keydown", "touchstart"] as const;
    for (const name of events) document.addEventListener(name, touched, { capture: true, passive: true });
    const timer = setInterval(() => {
      const left = Math.ceil(idleSeconds - (Date.now() - lastActivity.current) / 1000);
      if (left <= 0) {
        clearInterval(timer);
        expired.current();
        return;
      }
      setSecondsLeft(left <= Math.min(COUNTDOWN_SECONDS, idleSeconds) ? left : null);
    }, TICK_MS);
    return () => {
      for (const name of events) document.removeEventListener(name, touched, { capture: true });
      clearInterval(timer);
    };
  }, [active, idleSeconds]);

  return { secondsLeft: active ? secondsLeft : null, moreTime };
}
