import { useEffect, useState } from "react";

/** Milliseconds since the epoch, refreshed every `periodMs`, for relative times that must not go stale. */
export function useNow(periodMs: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), periodMs);
    return () => clearInterval(timer);
  }, [periodMs]);
  return now;
}
