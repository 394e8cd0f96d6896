import type { PresenceChange, TerminalSummary } from "@linli/protocol";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import type { LiveLink } from "../live/use-console-socket";

export interface Fleet {
  /** null until the first list has arrived. */
  terminals: TerminalSummary[] | null;
  error: string | null;
  refresh(): void;
  /** Puts a terminal the API just answered with into the list. */
  upsert(terminal: TerminalSummary): void;
  /**
   * Calls `listener` on every live presence change, and with null when the live link (re)connects (changes
   * may have been missed); answers the function that stops it.
   */
  onPresence(listener: PresenceListener): () => void;
}

export type PresenceListener = (change: PresenceChange | null) => void;

function applyPresence(terminal: TerminalSummary, change: PresenceChange): TerminalSummary {
  return {
    ...terminal,
    online: change.online,
    lastSeenAt: change.at,
    revoked: terminal.revoked || change.reason === "revoked",
  };
}

/** Every terminal the staff member may see, kept current by the `/console` socket. */
export function useFleet(api: ConsoleApi, live: LiveLink): Fleet {
  const [terminals, setTerminals] = useState<TerminalSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const known = useRef(new Set<string>());
  const request = useRef(0);
  const listeners = useRef(new Set<PresenceListener>());

  const onPresence = useCallback((listener: PresenceListener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const refresh = useCallback(() => {
    const id = ++request.current;
    api.terminals().then(
      (list) => {
        if (id !== request.current) return;
        known.current = new Set(list.map((t) => t.id));
        setTerminals(list);
        setError(null);
      },
      (failure: Error) => {
        if (id === request.current) setError(failure.message);
      },
    );
  }, [api]);

  useEffect(refresh, [refresh]);

  const upsert = useCallback((terminal: TerminalSummary) => {
    known.current.add(terminal.id);
    setTerminals((list) => {
      if (!list) return list;
      const index = list.findIndex((t) => t.id === terminal.id);
      return index < 0 ? [...list, terminal] : list.map((t, i) => (i === index ? terminal : t));
    });
  }, []);

  const { listen } = live;
  useEffect(() => {
    const tell = (change: PresenceChange | null) => {
      for (const listener of listeners.current) listener(change);
    };
    return listen({
      presence(change) {
        tell(change);
        // A terminal we have not listed yet (just enrolled): fetch it with everything else.
        if (!known.current.has(change.terminalId)) return refresh();
        setTerminals(
          (list) => list?.map((t) => (t.id === change.terminalId ? applyPresence(t, change) : t)) ?? list,
        );
      },
      updated: upsert,
      connected() {
        tell(null);
        refresh();
      },
    });
  }, [listen, refresh, upsert]);

  return { terminals, error, refresh, upsert, onPresence };
}
