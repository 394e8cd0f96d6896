import {
  CONSOLE_NAMESPACE,
  type ConsoleToServerEvents,
  callRefSchema,
  callSignalMessageSchema,
  type ServerToConsoleEvents,
} from "@linli/protocol";
import type { Logger } from "pino";
import type { Namespace, Server, Socket } from "socket.io";
import { z } from "zod";
import { onAcknowledged } from "./acknowledged-event";
import type { AlarmService } from "./alarms/alarm-service";
import { pushApplicationChangesToConsoles } from "./applications/application-gateway";
import type { ApplicationOffice } from "./applications/application-office";
import type { StaffPrincipal, StaffService } from "./auth/staff";
import type { ServerBus } from "./bus";
import type { CallSwitchboard } from "./calls/switchboard";
import type { ServiceRequests } from "./services/service-requests";
import type { TerminalRegistry } from "./terminals/terminal-registry";

type ConsoleSocket = Socket<
  ConsoleToServerEvents,
  ServerToConsoleEvents,
  Record<string, never>,
  { staff: StaffPrincipal }
>;

const COUNTY_ROOM = "county";
const communityRoom = (communityId: string) => `community:${communityId}`;

/**
 * The `/console` namespace: staff sign in with their session token and see live changes — county-wide
 * roles everything, community staff only their own community.
 */
export interface ConsoleGatewayDeps {
  staff: StaffService;
  alarms: AlarmService;
  applicationOffice: ApplicationOffice;
  serviceRequests: ServiceRequests;
  terminals: TerminalRegistry;
  switchboard: CallSwitchboard;
  bus: ServerBus;
  log: Logger;
}

export function attachConsoleGateway(
  io: Server,
  { staff, alarms, applicationOffice, serviceRequests, terminals, switchboard, bus, log }: ConsoleGatewayDeps,
): void {
  const namespace = io.of(CONSOLE_NAMESPACE) as unknown as Namespace<
    ConsoleToServerEvents,
    ServerToConsoleEvents,
    Record<string, never>,
    { staff: StaffPrincipal }
  >;

  namespace.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    const principal = typeof token === "string" ? staff.authenticate(token) : null;
    if (!principal) {
      return next(
        Object.assign(new Error("unauthorized"), {
          data: { code: "unauthorized", message: "sign in first" },
        }),
      );
    }
    socket.data.staff = principal;
    next();
  });

  namespace.on("connection", (socket: ConsoleSocket) => {
    const { communityId } = socket.data.staff;
    void socket.join(communityId ? communityRoom(communityId) : COUNTY_ROOM);
    const ip = socket.handshake.address;
    const party = { consoleSocketId: socket.id };
    const eventLog = log.child({ staffId: socket.data.staff.id });
    onAcknowledged(
      socket,
      "call:accept",
      callRefSchema,
      ({ callId }) => switchboard.accept(socket, callId, ip),
      eventLog,
    );
    onAcknowledged(
      socket,
      "call:dial",
      z.object({ terminalId: z.string().min(1).max(64) }),
      ({ terminalId }) => switchboard.dial(socket, terminals.get(terminalId), ip),
      eventLog,
    );
    onAcknowledged(
      socket,
      "call:signal",
      callSignalMessageSchema,
      (message) => switchboard.signal(party, message),
      eventLog,
    );
    onAcknowledged(
      socket,
      "call:hangup",
      callRefSchema,
      ({ callId }) => switchboard.hangup(party, callId),
      eventLog,
    );
    socket.on("disconnect", () => switchboard.linkLost(party));
  });

  pushApplicationChangesToConsoles(namespace, bus, applicationOffice);
  bus.on("terminal:presence", (change) => {
    namespace.to([COUNTY_ROOM, communityRoom(change.communityId)]).emit("terminal:presence", change);
  });
  bus.on("terminal:updated", (terminal) => {
    namespace.to([COUNTY_ROOM, communityRoom(terminal.communityId)]).emit("terminal:updated", terminal);
  });
  // Alarm views depend on the reader's role (phone numbers), so each console gets its own.
  bus.on("alarm:changed", ({ alarmId, raised }) => {
    const communityId = alarms.communityOf(alarmId);
    for (const socket of namespace.sockets.values()) {
      const reader = socket.data.staff;
      if (!reader || (reader.communityId && reader.communityId !== communityId)) continue;
      const view = alarms.view(alarmId, reader);
      if (view) socket.emit(raised ? "alarm:raised" : "alarm:updated", view);
    }
  });
  bus.on("notice:receipt", (event) => {
    const communityId = terminals.get(event.terminalId)?.communityId;
    if (communityId) namespace.to([COUNTY_ROOM, communityRoom(communityId)]).emit("notice:receipt", event);
  });
  bus.on("checktask:changed", (task) => {
    namespace.to([COUNTY_ROOM, communityRoom(task.community.id)]).emit("checktask:changed", task);
  });
  bus.on("service:changed", ({ requestId, alert }) => {
    const request = serviceRequests.view(requestId);
    if (!request) return;
    const rooms = namespace.to([COUNTY_ROOM, communityRoom(request.community.id)]);
    rooms.emit("service:changed", request);
    if (alert) rooms.emit("service:alert", { request, reason: alert });
  });
}
