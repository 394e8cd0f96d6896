import { CONSOLE_NAMESPACE, type ServerToConsoleEvents } from "@linli/protocol";
import type { Server } from "socket.io";
import type { StaffPrincipal } from "../auth/staff";
import type { DeviceHost } from "./device-host";

type DeviceEvent = "device:health" | "plate:read" | "gate:event";

/**
 * Pushes device health, plate reads and gate events to open consoles: county-wide staff see every
 * device, community staff only their community's (the console gateway signs each socket in).
 */
export function attachDeviceConsolePush(io: Server, devices: DeviceHost): void {
  const namespace = io.of(CONSOLE_NAMESPACE);
  const push = <E extends DeviceEvent>(event: E, payload: Parameters<ServerToConsoleEvents[E]>[0]) => {
    for (const socket of namespace.sockets.values()) {
      const reader = (socket.data as { staff?: StaffPrincipal }).staff;
      if (!reader || (reader.communityId && reader.communityId !== payload.communityId)) continue;
      socket.emit(event, payload);
    }
  };
  devices.on("device:health", (change) => push("device:health", change));
  devices.on("plate:read", (read) => push("plate:read", read));
  devices.on("gate:event", (event) => push("gate:event", event));
}
