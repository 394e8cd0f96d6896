import {
  type Ack,
  type AlarmView,
  type ApplicationView,
  alarmViewSchema,
  applicationViewSchema,
  type CallEndReason,
  type CallRinging,
  type CallSignalMessage,
  type CheckTask,
  CONSOLE_NAMESPACE,
  type ConsoleToServerEvents,
  callEndReasons,
  callSignalMessageSchema,
  checkTaskSchema,
  type DeviceHealthChange,
  deviceHealthChangeSchema,
  type GateEventView,
  gateEventSchema,
  type PlateRead,
  type PresenceChange,
  plateReadSchema,
  type ServerToConsoleEvents,
  type ServiceRequestView,
  serviceRequestViewSchema,
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
  /** A service request changed (created, a step, a rating). */
  service?(request: ServiceRequestView): void;
  /** A supervisor must look: the request missed its target time, or the elder's rating reopened it. */
  serviceAlert?(alert: ServiceAlert): void;
  /** A daily check task was created (an elder did not check in) or closed. */
  checkTask?(task: CheckTask): void;
  /** An application was submitted or changed (status, a file, a rating). */
  application?(application: ApplicationView): void;
  /** A terminal proved delivery, display or "heard it" of a notice, or staff noted a call-back. */
  noticeReceipt?(event: { noticeId: string; terminalId: string }): void;
  /** An elder unit asks to talk to the centre. */
  callRinging?(call: CallRinging): void;
  /** Someone (maybe this console) took a call: the others stop ringing. */
  callTaken?(event: { callId: string; by: string }): void;
  callSignal?(message: CallSignalMessage): void;
  callEnded?(event: { callId: string; reason: CallEndReason }): void;
  /** A gate or camera of the server went away, came back or changed state. */
  deviceHealth?(change: DeviceHealthChange): void;
  plateRead?(read: PlateRead): void;
  gateEvent?(event: GateEventView): void;
  /** (Re)connected: events may have been missed while the link was down, so catch up. */
  connected?(): void;
}

export interface ServiceAlert {
  request: ServiceRequestView;
  reason: "target-missed" | "reopened";
}

type AckData<E extends keyof ConsoleToServerEvents> = Parameters<ConsoleToServerEvents[E]>[1] extends (
  ack: Ack<infer T>,
) => void
  ? T
  : never;

/** The one `/console` socket of a signed-in console, shared by everything that listens to it. */
export interface LiveLink {
  status: LiveStatus;
  /** Starts listening; answers the function that stops it. */
  listen(handlers: LiveHandlers): () => void;
  /** Asks the server over the socket (calls); answers its envelope, or `unavailable` when the link is down. */
  ask<E extends keyof ConsoleToServerEvents>(
    event: E,
    request: Parameters<ConsoleToServerEvents[E]>[0],
  ): Promise<Ack<AckData<E>>>;
}

const ASK_TIMEOUT_MS = 5000;

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

function isCallRinging(value: unknown): value is CallRinging {
  const call = value as Partial<CallRinging> | null;
  return (
    typeof call?.callId === "string" &&
    typeof call.terminal?.id === "string" &&
    typeof call.terminal.name === "string" &&
    typeof call.communityId === "string" &&
    typeof call.at === "string" &&
    (call.elder === null || (typeof call.elder?.name === "string" && typeof call.elder.address === "string"))
  );
}

function isAck(value: unknown): value is Ack<unknown> {
  const ack = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } } | null;
  if (ack?.ok === true) return "data" in ack;
  return ack?.ok === false && typeof ack.error?.code === "string" && typeof ack.error.message === "string";
}

const unavailable = (message: string) => ({ ok: false, error: { code: "unavailable", message } }) as const;

/**
 * The `/console` socket: live presence, terminal and alarm changes, each checked before it is believed.
 * `onUnauthorized` runs when the server refuses the session token.
 */
export function useConsoleSocket(token: string, onUnauthorized: () => void): LiveLink {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const listeners = useRef(new Set<LiveHandlers>());
  const unauthorized = useRef(onUnauthorized);
  const current = useRef<Socket<ServerToConsoleEvents, ConsoleToServerEvents> | null>(null);
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
    socket.on("service:changed", (request: unknown) => {
      const parsed = serviceRequestViewSchema.safeParse(request);
      if (parsed.success) tell((h) => h.service?.(parsed.data));
    });
    socket.on("service:alert", (alert: unknown) => {
      const reason = (alert as { reason?: unknown } | null)?.reason;
      const parsed = serviceRequestViewSchema.safeParse((alert as { request?: unknown } | null)?.request);
      if (parsed.success && (reason === "target-missed" || reason === "reopened"))
        tell((h) => h.serviceAlert?.({ request: parsed.data, reason }));
    });
    socket.on("application:changed", (application: unknown) => {
      const parsed = applicationViewSchema.safeParse(application);
      if (parsed.success) tell((h) => h.application?.(parsed.data));
    });
    socket.on("notice:receipt", (event: unknown) => {
      const receipt = event as { noticeId?: unknown; terminalId?: unknown } | null;
      if (typeof receipt?.noticeId === "string" && typeof receipt.terminalId === "string") {
        const checked = { noticeId: receipt.noticeId, terminalId: receipt.terminalId };
        tell((h) => h.noticeReceipt?.(checked));
      }
    });
    socket.on("checktask:changed", (task: unknown) => {
      const parsed = checkTaskSchema.safeParse(task);
      if (parsed.success) tell((h) => h.checkTask?.(parsed.data));
    });
    socket.on("call:ringing", (call: unknown) => {
      if (isCallRinging(call)) tell((h) => h.callRinging?.(call));
    });
    socket.on("call:taken", (event: unknown) => {
      const taken = event as { callId?: unknown; by?: unknown } | null;
      if (typeof taken?.callId === "string" && typeof taken.by === "string") {
        const checked = { callId: taken.callId, by: taken.by };
        tell((h) => h.callTaken?.(checked));
      }
    });
    socket.on("call:signal", (message: unknown) => {
      const parsed = callSignalMessageSchema.safeParse(message);
      if (parsed.success) tell((h) => h.callSignal?.(parsed.data));
    });
    socket.on("call:ended", (event: unknown) => {
      const ended = event as { callId?: unknown; reason?: unknown } | null;
      const reason = (callEndReasons as readonly unknown[]).includes(ended?.reason)
        ? (ended?.reason as CallEndReason)
        : "hung-up";
      if (typeof ended?.callId === "string") {
        const checked = { callId: ended.callId, reason };
        tell((h) => h.callEnded?.(checked));
      }
    });
    socket.on("device:health", (change: unknown) => {
      const parsed = deviceHealthChangeSchema.safeParse(change);
      if (parsed.success) tell((h) => h.deviceHealth?.(parsed.data));
    });
    socket.on("plate:read", (read: unknown) => {
      const parsed = plateReadSchema.safeParse(read);
      if (parsed.success) tell((h) => h.plateRead?.(parsed.data));
    });
    socket.on("gate:event", (event: unknown) => {
      const parsed = gateEventSchema.safeParse(event);
      if (parsed.success) tell((h) => h.gateEvent?.(parsed.data));
    });
    current.current = socket;
    return () => {
      current.current = null;
      socket.disconnect();
    };
  }, [token]);

  const ask = useCallback(
    async <E extends keyof ConsoleToServerEvents>(
      event: E,
      request: Parameters<ConsoleToServerEvents[E]>[0],
    ): Promise<Ack<AckData<E>>> => {
      const socket = current.current;
      if (!socket?.connected) return unavailable("the live link is down");
      try {
        // The typed emit cannot follow a generic event name; the envelope is checked instead.
        const answer: unknown = await (
          socket.timeout(ASK_TIMEOUT_MS) as unknown as {
            emitWithAck(name: string, payload: unknown): Promise<unknown>;
          }
        ).emitWithAck(event, request);
        return isAck(answer)
          ? (answer as Ack<AckData<E>>)
          : unavailable("the server's answer was not understood");
      } catch {
        return unavailable("the server did not answer in time");
      }
    },
    [],
  );

  return useMemo(() => ({ status, listen, ask }), [status, listen, ask]);
}
