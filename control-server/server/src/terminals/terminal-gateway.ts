import {
  type Ack,
  alarmCancelSchema,
  alarmRaiseSchema,
  callRefSchema,
  callSignalMessageSchema,
  checkinSchema,
  commandResultSchema,
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
import type { ServerBus } from "../bus";
import type { CallSwitchboard } from "../calls/switchboard";
import type { DailyCheckins } from "../checkins/daily-checkins";
import type { Database } from "../db/database";
import { ServiceRefusal, type ServiceRequests } from "../services/service-requests";
import type { TerminalCommands } from "./commands";
import type { TerminalInbox } from "./inbox";
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

export interface TerminalGatewayDeps {
  db: Database;
  registry: TerminalRegistry;
  supervisor: TerminalSupervisor;
  inbox: TerminalInbox;
  commands: TerminalCommands;
  alarms: AlarmService;
  serviceRequests: ServiceRequests;
  checkins: DailyCheckins;
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

    handle("terminal:log", terminalLogEntrySchema, (entry) => {
      const outcome = inbox.receive(terminal.id, "terminal:log", entry.id, () => {
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
      });
      return outcome.ok
        ? ok(outcome.data)
        : fail("conflict", "this event id was already used for something else");
    });

    handle("command:result", commandResultSchema, (result) => {
      try {
        const outcome = inbox.receive(terminal.id, "command:result", result.id, () => {
          if (!commands.complete(terminal.id, result.commandId, result.status, result.detail)) {
            throw new UnknownCommandError(result.commandId);
          }
          return { commandId: result.commandId };
        });
        return outcome.ok
          ? ok(outcome.data)
          : fail("conflict", "this event id was already used for something else");
      } catch (error) {
        if (error instanceof UnknownCommandError) return fail("not_found", error.message);
        throw error;
      }
    });

    handle("alarm:raise", alarmRaiseSchema, (raise) => {
      const outcome = inbox.receive(terminal.id, "alarm:raise", raise.id, () =>
        alarms.raise(terminal, raise),
      );
      if (!outcome.ok) return fail("conflict", "this event id was already used for something else");
      if (!outcome.duplicate) {
        log.warn({ terminalId: terminal.id, alarmId: outcome.data.alarmId }, "SOS raised");
        bus.emit("alarm:changed", { alarmId: outcome.data.alarmId, raised: true });
      }
      return ok(outcome.data);
    });

    handle("alarm:cancel", alarmCancelSchema, (cancel) => {
      try {
        const outcome = inbox.receive(terminal.id, "alarm:cancel", cancel.id, () => {
          const result = alarms.cancel(terminal, cancel);
          if (!result) throw new UnknownAlarmError(cancel.raiseId);
          return result;
        });
        if (!outcome.ok) return fail("conflict", "this event id was already used for something else");
        if (!outcome.duplicate) bus.emit("alarm:changed", { alarmId: outcome.data.alarmId, raised: false });
        return ok(outcome.data);
      } catch (error) {
        // The raise has not arrived yet (it is ahead in the same outbox); the terminal retries.
        if (error instanceof UnknownAlarmError) return fail("unavailable", error.message);
        throw error;
      }
    });

    handle("service:request", serviceRequestSchema, (request) => {
      try {
        const outcome = inbox.receive(terminal.id, "service:request", request.id, () =>
          serviceRequests.request(terminal, request),
        );
        if (!outcome.ok) return fail("conflict", "this event id was already used for something else");
        if (!outcome.duplicate)
          bus.emit("service:changed", { requestId: outcome.data.requestId, alert: null });
        return ok(outcome.data);
      } catch (error) {
        if (error instanceof ServiceRefusal) return fail("invalid_payload", error.message);
        throw error;
      }
    });

    handle("service:rate", serviceRatingSchema, (rating) => {
      try {
        const outcome = inbox.receive(terminal.id, "service:rate", rating.id, () =>
          serviceRequests.rate(terminal, rating),
        );
        if (!outcome.ok) return fail("conflict", "this event id was already used for something else");
        const { requestId, status, reopened } = outcome.data;
        if (!outcome.duplicate)
          bus.emit("service:changed", { requestId, alert: reopened ? "reopened" : null });
        return ok({ requestId, status });
      } catch (error) {
        if (error instanceof ServiceRefusal) return fail("invalid_payload", error.message);
        throw error;
      }
    });

    handle("checkin:ok", checkinSchema, (checkin) => {
      const outcome = inbox.receive(terminal.id, "checkin:ok", checkin.id, () =>
        checkins.record(terminal, checkin),
      );
      if (!outcome.ok) return fail("conflict", "this event id was already used for something else");
      if (!outcome.duplicate && outcome.data.closedTaskId) checkins.announce(outcome.data.closedTaskId);
      return ok({ date: outcome.data.date });
    });

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

  bus.on("terminal:revoked", (terminalId) => {
    const link = supervisor.link(terminalId);
    if (!link) return;
    supervisor.disconnected(terminalId, link, "revoked");
    link.disconnect();
  });
}

/** Thrown inside the inbox transaction so that nothing is stored for a result about an unknown command. */
class UnknownCommandError extends Error {
  constructor(commandId: string) {
    super(`no command ${commandId} for this terminal`);
  }
}

class UnknownAlarmError extends Error {
  constructor(raiseId: string) {
    super(`no alarm raised by event ${raiseId} yet`);
  }
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
] satisfies Array<keyof TerminalToServerEvents>);
