import type { Logger } from "pino";
import { openUdpSocket } from "./udp-exchange";
import { type ControllerInfo, decodeReply, encodeRequest, UHPPOTE_PORT } from "./uhppote-codec";

export interface DiscoveredController extends ControllerInfo {
  serialNumber: number;
  /** Source address of the reply (the controller's address as this machine sees it). */
  replyFrom: string;
}

export interface DiscoveryOptions {
  /** Broadcast address of the controllers' subnet, or one controller's address; default 255.255.255.255. */
  address?: string;
  port?: number;
  /** How long to collect replies, default 1500 ms. */
  timeoutMs?: number;
  bindAddress?: string;
  logger?: Logger;
}

/** Finds controllers by the discovery request (function 0x94, serial number 0); sorted by serial number. */
export async function discoverControllers(options: DiscoveryOptions = {}): Promise<DiscoveredController[]> {
  const socket = await openUdpSocket(options.bindAddress);
  const found = new Map<number, DiscoveredController>();
  socket.on("error", (error) => options.logger?.debug({ err: error.message }, "discovery socket error"));
  socket.on("message", (message, from) => {
    try {
      const { serialNumber, reply } = decodeReply("discover", message);
      found.set(serialNumber, { ...reply, serialNumber, replyFrom: from.address });
    } catch (error) {
      options.logger?.debug({ err: (error as Error).message, from: from.address }, "dropped discovery reply");
    }
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.send(
        encodeRequest("discover", 0, {}),
        options.port ?? UHPPOTE_PORT,
        options.address ?? "255.255.255.255",
        (error) => (error ? reject(error) : resolve()),
      );
    });
    await new Promise((resolve) => setTimeout(resolve, options.timeoutMs ?? 1500));
  } finally {
    socket.close();
  }
  return [...found.values()].sort((a, b) => a.serialNumber - b.serialNumber);
}
