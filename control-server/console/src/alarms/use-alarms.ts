import type { AlarmView } from "@linli/protocol";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import type { LiveLink } from "../live/use-console-socket";
import { mergeAlarm, mergeAlarms } from "./alarm-lists";

/** How many closed alarms of each kind the console fetches for "recently closed". */
export const RECENT_CLOSED_LIMIT = 20;

export interface AlarmStore {
  /** Open, in-progress and recently closed alarms; null until the first lists have arrived. */
  alarms: AlarmView[] | null;
  error: string | null;
  refresh(): void;
  /** Puts an alarm the API just answered with into the store. */
  put(alarm: AlarmView): void;
}

/**
 * Every alarm the staff member may see that is still being handled, and the recently closed ones: fetched
 * on (re)connection, then kept current by the `/console` socket, so a new alarm shows within a second.
 */
export function useAlarms(api: ConsoleApi, live: LiveLink): AlarmStore {
  const [alarms, setAlarms] = useState<AlarmView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const request = useRef(0);

  const refresh = useCallback(() => {
    const id = ++request.current;
    Promise.all([
      // Nothing open or in progress may be left out: the server's largest page, which no queue reaches.
      api.alarms("open", 500),
      api.alarms("acknowledged", 500),
      api.alarms("resolved", RECENT_CLOSED_LIMIT),
      api.alarms("cancelled", RECENT_CLOSED_LIMIT),
    ]).then(
      (lists) => {
        if (id !== request.current) return;
        // Live events that arrived while the lists were on their way are kept when they are fresher.
        setAlarms((held) => mergeAlarms(held ?? [], lists.flat()));
        setError(null);
      },
      (failure: Error) => {
        if (id === request.current) setError(failure.message);
      },
    );
  }, [api]);

  useEffect(refresh, [refresh]);

  const put = useCallback((alarm: AlarmView) => {
    setAlarms((held) => mergeAlarm(held ?? [], alarm));
  }, []);

  const { listen } = live;
  useEffect(() => listen({ alarm: put, connected: refresh }), [listen, put, refresh]);

  return { alarms, error, refresh, put };
}
