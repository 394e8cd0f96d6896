import {
  type Ack,
  alarmCancelSchema,
  alarmRaiseSchema,
  callRefSchema,
  callSignalMessageSchema,
  checkinSchema,
  commandResultSchema,
  type DurableTerminalEvent,
  describeIssues,
  type ErrorCode,
  fail,
  ok,
  type ServerToTerminalEvents,
  SUPPORTED_PROTOCOL_VERSIONS,
  serviceRatingSchema,
  serviceRequestSchema,
  TERMINAL_NAMESPACE,
  type TerminalSummary,
  type TerminalToServerEvents,
  terminalHandshakeSchema,
  terminalLogEntrySchema,
  terminalStatusSchema,
} from "@linli/protocol";
import type { Logger } from "pino";
import type { Namespace, Server, Socket } from "socket.io";
import type { z } from "zod";
import { onAcknowledged } from "../acknowledged-event";
import type { AlarmService } from "../alarms/alarm-service";
import {
  APPLICATION_TERMINAL_EVENTS,
  attachApplicationPushes,
  registerApplicationEvents,
} from "../applications/application-gateway";
import type { ApplicationOffice } from "../applications/application-office";
import {
  RESIDENT_TERMINAL_EVENTS,
  type ResidentGatewayDeps,
  registerResidentEvents,
} from "../applications/resident-gateway";
import type { ServerBus } from "../bus";
import type { CallSwitchboard } from "../calls/switchboard";
import type { DailyCheckins } from "../checkins/daily-checkins";
import type { Database } from "../db/database";
import { attachNoticeGateway, type NoticeGatewayDeps, noticeTerminalEvents } from "../notices/notice-gateway";
import type { ServiceRequests } from "../services/service-requests";
import type { TerminalCommands } from "./commands";
import { EventRefusal, type TerminalInbox } from "./inbox";
import type { TerminalSupervisor } from "./supervisor";
import type { TerminalRegistry } from "./terminal-registry";

interface TerminalSocketData {
  terminal: TerminalSummary;
}

type TerminalSocket = Socket<
  TerminalToServerEvents,
  ServerToTerminalEvents,
  Record<string, never>,
  TerminalSocketData
>;
type TerminalNamespace = Namespace<
  TerminalToServerEvents,
  ServerToTerminalEvents,
  Record<string, never>,
  TerminalSocketData
>;

export interface TerminalGatewayDeps extends NoticeGatewayDeps, ResidentGatewayDeps {
  db: Database;
  registry: TerminalRegistry;
  supervisor: TerminalSupervisor;
  inbox: TerminalInbox;
  commands: TerminalCommands;
  alarms: AlarmService;
  serviceRequests: ServiceRequests;
  checkins: DailyCheckins;
  applicationOffice: ApplicationOffice;
  switchboard: CallSwitchboard;
  bus: ServerBus;
  log: Logger;
  /** How long to wait for a terminal to confirm it received a command before trying again on reconnect. */
  commandAckTimeoutMs: number;
}

/** A refusal the terminal sees as `connect_error` with `message` = code and `data` = {code, message}. */
function handshakeError(code: ErrorCode, message: string): Error {
  return Object.assign(new Error(code), { data: { code, message } });
}

/** The `/terminal` namespace: authenticated handshake, validated events, durable inbox, command delivery. */
export function attachTerminalGateway(io: Server, deps: TerminalGatewayDeps): void {
  const { registry, supervisor, inbox, commands, alarms, serviceRequests, checkins, switchboard, bus, log } =
    deps;
  const namespace = io.of(TERMINAL_NAMESPACE) as unknown as TerminalNamespace;
  const noticeLink = attachNoticeGateway(namespace, deps);

  namespace.use((socket, next) => {
    const parsed = terminalHandshakeSchema.safeParse(socket.handshake.auth);
    if (!parsed.success)
      return next(handshakeError("unauthorized", `bad handshake: ${describeIssues(parsed.error)}`));
    const { terminalId, token, protocol } = parsed.data;
    if (!SUPPORTED_PROTOCOL_VERSIONS.includes(protocol)) {
      return next(
        handshakeError(
          "unsupported_protocol",
          `protocol version ${protocol} is not supported; this server speaks ${SUPPORTED_PROTOCOL_VERSIONS.join(", ")}`,
        ),
      );
    }
    const auth = registry.authenticate(terminalId, token);
    if (!auth.ok) {
      log.warn({ terminalId, reason: auth.reason, ip: socket.handshake.address }, "terminal refused");
      return next(
        auth.reason === "revoked"
          ? handshakeError("revoked", "this terminal has been revoked; enrol it again")
          : handshakeError("unauthorized", "unknown terminal or wrong token"),
      );
    }
    socket.data.terminal = auth.terminal;
    next();
  });

  namespace.on("connection", (socket: TerminalSocket) => {
    const terminal = socket.data.terminal;
    const link = { disconnect: () => socket.disconnect(true) };
    supervisor.connected(terminal, link);
    socket.conn.on("packet", () => supervisor.seen(terminal.id));
    socket.on("disconnect", () => {
      supervisor.disconnected(terminal.id, link, "disconnected");
      switchboard.linkLost({ terminalId: terminal.id });
    });

    const eventLog = log.child({ terminalId: terminal.id });
    const handle = <S extends z.ZodType, R>(
      event: keyof TerminalToServerEvents,
      schema: S,
      run: (payload: z.infer<S>) => Ack<R>,
    ) => onAcknowledged(socket, event, schema, run, eventLog);

    handle("terminal:status", terminalStatusSchema, (status) => {
      const updated = registry.reportStatus(terminal.id, status);
      if (updated) bus.emit("terminal:updated", supervisor.withLiveness(updated));
      return ok({ serverTime: new Date().toISOString() });
    });

    /**
     * A durable event: stored at most once by its id, in one transaction with the deduplication record;
     * `announce` runs after the commit and only the first time; a refusal stores nothing.
     */
    const durable = <S extends z.ZodType<{ id: string }>, R, A>(
      event: DurableTerminalEvent,
      schema: S,
      store: (payload: z.infer<S>) => R,
      options: { announce?: (result: R) => void; answer: (result: R) => A },
    ) =>
      handle(event, schema, (payload) => {
        try {
          const outcome = inbox.receive(terminal.id, event, payload.id, () => store(payload));
          if (!outcome.ok) return fail("conflict", "this event id was already used for something else");
          if (!outcome.duplicate) options.announce?.(outcome.data);
          return ok(options.answer(outcome.data));
        } catch (error) {
          if (error instanceof EventRefusal) return fail(error.code, error.message);
          throw error;
        }
      });
    const asIs = <T>(result: T) => result;

    durable(
      "terminal:log",
      terminalLogEntrySchema,
      (entry) => {
        deps.db
          .prepare(
            "INSERT INTO terminal_log (id, terminal_id, at, level, code, message, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
          )
          .run(
            entry.id,
            terminal.id,
            entry.at,
            entry.level,
            entry.code,
            entry.message,
            new Date().toISOString(),
          );
        return { id: entry.id };
      },
      { answer: asIs },
    );

    durable(
      "command:result",
      commandResultSchema,
      (result) => {
        if (!commands.complete(terminal.id, result.commandId, result.status, result.detail)) {
          throw new EventRefusal("not_found", `no command ${result.commandId} for this terminal`);
        }
        return { commandId: result.commandId };
      },
      { answer: asIs },
    );

    durable("alarm:raise", alarmRaiseSchema, (raise) => alarms.raise(terminal, raise), {
      announce: ({ alarmId }) => {
        log.warn({ terminalId: terminal.id, alarmId }, "SOS raised");
        bus.emit("alarm:changed", { alarmId, raised: true });
      },
      answer: asIs,
    });

    durable(
      "alarm:cancel",
      alarmCancelSchema,
      (cancel) => {
        const result = alarms.cancel(terminal, cancel);
        // The raise has not arrived yet (it is ahead in the same outbox): the terminal retries.
        if (!result) throw new EventRefusal("unavailable", `no alarm raised by event ${cancel.raiseId} yet`);
        return result;
      },
      { announce: ({ alarmId }) => bus.emit("alarm:changed", { alarmId, raised: false }), answer: asIs },
    );

    durable(
      "service:request",
      serviceRequestSchema,
      (request) => serviceRequests.request(terminal, request),
      {
        announce: ({ requestId }) => bus.emit("service:changed", { requestId, alert: null }),
        answer: asIs,
      },
    );

    durable("service:rate", serviceRatingSchema, (rating) => serviceRequests.rate(terminal, rating), {
      announce: ({ requestId, reopened }) =>
        bus.emit("service:changed", { requestId, alert: reopened ? "reopened" : null }),
      answer: ({ requestId, status }) => ({ requestId, status }),
    });

    durable("checkin:ok", checkinSchema, (checkin) => checkins.record(terminal, checkin), {
      announce: ({ closedTaskId }) => {
        if (closedTaskId) checkins.announce(closedTaskId);
      },
      answer: ({ date }) => ({ date }),
    });

    registerApplicationEvents({ terminal, handle, durable }, deps.applicationOffice);
    registerResidentEvents(socket, terminal, deps, eventLog);

    handle("call:request", callRefSchema, ({ callId }) => switchboard.requestFromUnit(terminal, callId));
    handle("call:signal", callSignalMessageSchema, (message) =>
      switchboard.signal({ terminalId: terminal.id }, message),
    );
    handle("call:hangup", callRefSchema, ({ callId }) =>
      switchboard.hangup({ terminalId: terminal.id }, callId),
    );

    socket.onAny((event: string, ...args: unknown[]) => {
      if (knownEvents.has(event)) return;
      const ack = args.at(-1);
      if (typeof ack === "function") ack(fail("invalid_payload", `unknown event "${event}"`));
    });

    noticeLink.connected(socket, { handle, durable });
    deliverCommands(socket);
    for (const update of alarms.updatesForTerminal(terminal.id)) socket.emit("alarm:update", update);
    for (const update of serviceRequests.updatesForTerminal(terminal.id))
      socket.emit("service:update", update);
  });

  /** Sends every undelivered command; a command is `delivered` only once the terminal confirms it. */
  function deliverCommands(socket: TerminalSocket): void {
    for (const command of commands.undelivered(socket.data.terminal.id)) {
      commands.markSent(command.commandId);
      socket
        .timeout(deps.commandAckTimeoutMs)
        .emit("command", command, (error: Error | null, ack: Ack<null>) => {
          if (!error && ack?.ok) commands.markDelivered(command.commandId);
        });
    }
  }

  bus.on("command:queued", ({ terminalId }) => {
    for (const socket of namespace.sockets.values()) {
      if (socket.data.terminal?.id === terminalId) deliverCommands(socket);
    }
  });

  bus.on("alarm:changed", ({ alarmId }) => {
    const terminalId = alarms.terminalOf(alarmId);
    if (!terminalId) return;
    const [update] = alarms.updatesForTerminal(terminalId, alarmId);
    if (!update) return;
    for (const socket of namespace.sockets.values()) {
      if (socket.data.terminal?.id === terminalId) socket.emit("alarm:update", update);
    }
  });

  bus.on("service:changed", ({ requestId }) => {
    const terminalId = serviceRequests.terminalOf(requestId);
    const [update] = terminalId ? serviceRequests.updatesForTerminal(terminalId, requestId) : [];
    if (!update) return;
    for (const socket of namespace.sockets.values()) {
      if (socket.data.terminal?.id === terminalId) socket.emit("service:update", update);
    }
  });

  attachApplicationPushes(namespace, bus);

  bus.on("content:changed", ({ communityId }) => {
    for (const socket of namespace.sockets.values()) {
      const { kind, communityId: terminalCommunity } = socket.data.terminal ?? {};
      if (kind === "kiosk" && (communityId === null || communityId === terminalCommunity))
        socket.emit("content:changed");
    }
  });

  bus.on("terminal:revoked", (terminalId) => {
    const link = supervisor.link(terminalId);
    if (!link) return;
    supervisor.disconnected(terminalId, link, "revoked");
    link.disconnect();
  });
}

const knownEvents = new Set<string>([
  "terminal:status",
  "terminal:log",
  "command:result",
  "alarm:raise",
  "alarm:cancel",
  "service:request",
  "service:rate",
  "checkin:ok",
  "call:request",
  "call:signal",
  "call:hangup",
  ...noticeTerminalEvents,
  ...APPLICATION_TERMINAL_EVENTS,
  ...RESIDENT_TERMINAL_EVENTS,
] satisfies Array<keyof TerminalToServerEvents>);
