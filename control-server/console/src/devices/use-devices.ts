import type { CameraSummary, GateEventView, GateSummary, PlateRead } from "@linli/protocol";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import type { LiveLink } from "../live/use-console-socket";
import { prepend, RECENT_LIMIT, withHealth } from "./device-lists";

export interface DeviceState {
  gates: GateSummary[];
  cameras: CameraSummary[];
  events: GateEventView[];
  reads: PlateRead[];
}

/**
 * The server's gates and cameras with their health, the latest gate events and plate reads: fetched
 * when the page opens and on reconnection, then kept current by the `/console` socket.
 */
export function useDevices(api: ConsoleApi, live: LiveLink) {
  const [state, setState] = useState<DeviceState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const request = useRef(0);

  const refresh = useCallback(() => {
    const id = ++request.current;
    Promise.all([api.devices(), api.gateEvents(RECENT_LIMIT), api.plateReads(RECENT_LIMIT)]).then(
      ([devices, events, reads]) => {
        if (id !== request.current) return;
        setState((held) => ({
          ...devices,
          // Live records that arrived while the lists were on their way are kept.
          events: (held?.events ?? []).reduce(prepend, events),
          reads: (held?.reads ?? []).reduce(prepend, reads),
        }));
        setError(null);
      },
      (failure: Error) => {
        if (id === request.current) setError(failure.message);
      },
    );
  }, [api]);

  useEffect(refresh, [refresh]);

  const { listen } = live;
  useEffect(
    () =>
      listen({
        deviceHealth(change) {
          setState((held) =>
            held
              ? {
                  ...held,
                  gates: withHealth(held.gates, "gate", change),
                  cameras: withHealth(held.cameras, "camera", change),
                }
              : held,
          );
        },
        gateEvent(event) {
          setState((held) => (held ? { ...held, events: prepend(held.events, event) } : held));
        },
        plateRead(read) {
          setState((held) => (held ? { ...held, reads: prepend(held.reads, read) } : held));
        },
        connected: refresh,
      }),
    [listen, refresh],
  );

  return { state, error, refresh };
}
