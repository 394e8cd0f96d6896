import {
  CONSOLE_NAMESPACE,
  type ConsoleToServerEvents,
  type PresenceChange,
  type ServerToConsoleEvents,
  type TerminalSummary,
  terminalSummarySchema,
} from "@linli/protocol";
import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";

export type LiveStatus = "connecting" | "live" | "down";

export interface LiveHandlers {
  presence(change: PresenceChange): void;
  updated(terminal: TerminalSummary): void;
  /** (Re)connected: events may have been missed while the link was down, so catch up. */
  connected(): void;
  /** The server refused the session token. */
  unauthorized(): void;
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

/** The `/console` socket: live presence and terminal changes, each checked before it is believed. */
export function useConsoleSocket(token: string, handlers: LiveHandlers): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    const socket: Socket<ServerToConsoleEvents, ConsoleToServerEvents> = io(CONSOLE_NAMESPACE, {
      auth: { token },
    });
    socket.on("connect", () => {
      setStatus("live");
      handlersRef.current.connected();
    });
    socket.on("disconnect", (reason) => {
      setStatus("down");
      // A server going down for a restart disconnects us on purpose; socket.io would not dial again by itself.
      if (reason === "io server disconnect") socket.connect();
    });
    socket.on("connect_error", (error) => {
      if (error.message === "unauthorized") handlersRef.current.unauthorized();
      else setStatus("down");
    });
    socket.on("terminal:presence", (change: unknown) => {
      if (isPresenceChange(change)) handlersRef.current.presence(change);
    });
    socket.on("terminal:updated", (terminal: unknown) => {
      const parsed = terminalSummarySchema.safeParse(terminal);
      if (parsed.success) handlersRef.current.updated(parsed.data);
    });
    return () => {
      socket.disconnect();
    };
  }, [token]);

  return status;
}
