import {
  type AlarmView,
  alarmViewSchema,
  CONSOLE_NAMESPACE,
  type ConsoleToServerEvents,
  type PresenceChange,
  type ServerToConsoleEvents,
  type TerminalSummary,
  terminalSummarySchema,
} from "@linli/protocol";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";

export type LiveStatus = "connecting" | "live" | "down";

/** What a part of the console wants to hear from the live link; each part listens only to what it needs. */
export interface LiveHandlers {
  presence?(change: PresenceChange): void;
  updated?(terminal: TerminalSummary): void;
  /** An alarm, already masked for this staff member's role: `raised` for a new one, else a change to one. */
  alarm?(alarm: AlarmView, raised: boolean): void;
  /** (Re)connected: events may have been missed while the link was down, so catch up. */
  connected?(): void;
}

/** The one `/console` socket of a signed-in console, shared by everything that listens to it. */
export interface LiveLink {
  status: LiveStatus;
  /** Starts listening; answers the function that stops it. */
  listen(handlers: LiveHandlers): () => void;
}

const PRESENCE_REASONS = new Set(["connected", "disconnected", "silent", "revoked"]);

function isPresenceChange(value: unknown): value is PresenceChange {
  const change = value as Partial<PresenceChange> | null;
  return (
    typeof change?.terminalId === "string" &&
    typeof change.communityId === "string" &&
    typeof change.online === "boolean" &&
    typeof change.at === "string" &&
    !Number.isNaN(Date.parse(change.at)) &&
    PRESENCE_REASONS.has(change.reason as string)
  );
}

/**
 * The `/console` socket: live presence, terminal and alarm changes, each checked before it is believed.
 * `onUnauthorized` runs when the server refuses the session token.
 */
export function useConsoleSocket(token: string, onUnauthorized: () => void): LiveLink {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const listeners = useRef(new Set<LiveHandlers>());
  const unauthorized = useRef(onUnauthorized);
  useEffect(() => {
    unauthorized.current = onUnauthorized;
  });

  const listen = useCallback((handlers: LiveHandlers) => {
    listeners.current.add(handlers);
    return () => {
      listeners.current.delete(handlers);
    };
  }, []);

  useEffect(() => {
    const tell = (call: (handlers: LiveHandlers) => void) => {
      for (const handlers of listeners.current) call(handlers);
    };
    const socket: Socket<ServerToConsoleEvents, ConsoleToServerEvents> = io(CONSOLE_NAMESPACE, {
      auth: { token },
    });
    socket.on("connect", () => {
      setStatus("live");
      tell((h) => h.connected?.());
    });
    socket.on("disconnect", (reason) => {
      setStatus("down");
      // A server going down for a restart disconnects us on purpose; socket.io would not dial again by itself.
      if (reason === "io server disconnect") socket.connect();
    });
    socket.on("connect_error", (error) => {
      if (error.message === "unauthorized") unauthorized.current();
      else setStatus("down");
    });
    socket.on("terminal:presence", (change: unknown) => {
      if (isPresenceChange(change)) tell((h) => h.presence?.(change));
    });
    socket.on("terminal:updated", (terminal: unknown) => {
      const parsed = terminalSummarySchema.safeParse(terminal);
      if (parsed.success) tell((h) => h.updated?.(parsed.data));
    });
    const onAlarm = (raised: boolean) => (alarm: unknown) => {
      const parsed = alarmViewSchema.safeParse(alarm);
      if (parsed.success) tell((h) => h.alarm?.(parsed.data, raised));
    };
    socket.on("alarm:raised", onAlarm(true));
    socket.on("alarm:updated", onAlarm(false));
    return () => {
      socket.disconnect();
    };
  }, [token]);

  return useMemo(() => ({ status, listen }), [status, listen]);
}
