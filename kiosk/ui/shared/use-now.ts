import { useEffect, useState } from "react";

/** The current time, refreshed every `periodMs` (a clock showing minutes needs no more than a second). */
export function useNow(periodMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), periodMs);
    return () => clearInterval(timer);
  }, [periodMs]);
  return now;
}
