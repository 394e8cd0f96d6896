import { createSocket, type Socket } from "node:dgram";
import type { Logger } from "pino";
import { type DecodedReply, decodeReply, UhppoteFormatError, type UhppoteFunction } from "./uhppote-codec";

export class UhppoteTimeoutError extends Error {
  override name = "UhppoteTimeoutError";
  readonly code = "ETIMEDOUT";
}

export interface ExchangeOptions {
  host: string;
  port: number;
  /** Reply must come from this controller; undefined accepts any (discovery). */
  serialNumber: number | undefined;
  timeoutMs: number;
  /** Extra attempts after the first one times out. */
  retries: number;
  /** Local address to send from, default any. */
  bindAddress?: string;
  logger?: Logger;
}

/** Binds a fresh UDP socket; a socket per exchange means a late reply can never answer a later request. */
export async function openUdpSocket(bindAddress: string | undefined, port = 0): Promise<Socket> {
  const socket = createSocket({ type: "udp4" });
  await new Promise<void>((resolve, reject) => {
    socket.once("error", reject);
    socket.bind({ port, address: bindAddress }, () => {
      socket.off("error", reject);
      resolve();
    });
  });
  // Requests may be broadcast (discovery, or a controller configured as 255.255.255.255).
  socket.setBroadcast(true);
  return socket;
}

/**
 * Sends one request datagram and waits for its reply, resending it up to `retries` times. Datagrams
 * that are not a valid reply of the expected function from the expected controller are dropped.
 */
export async function exchange<K extends UhppoteFunction>(
  kind: K,
  packet: Buffer,
  sequenceId: number,
  options: ExchangeOptions,
): Promise<DecodedReply<K>> {
  const socket = await openUdpSocket(options.bindAddress);
  // Errors of an unconnected UDP socket are per-send and reported through send's callback.
  socket.on("error", (error) => options.logger?.debug({ err: error.message }, "udp socket error"));
  try {
    let lastSendError: Error | undefined;
    for (let attempt = 0; attempt <= options.retries; attempt++) {
      if (attempt > 0) options.logger?.debug({ kind, attempt }, "retrying");
      const reply = waitForReply(socket, kind, sequenceId, options);
      try {
        await send(socket, packet, options.port, options.host);
      } catch (error) {
        lastSendError = error as Error;
      }
      const answer = await reply;
      if (answer) return answer;
    }
    const attempts = options.retries + 1;
    const target = `${options.host}:${options.port}`;
    const detail = lastSendError ? ` (${lastSendError.message})` : "";
    throw new UhppoteTimeoutError(
      `no reply to ${kind} from ${options.serialNumber === undefined ? target : `controller ${options.serialNumber} at ${target}`} after ${attempts} attempt${attempts === 1 ? "" : "s"}${detail}`,
    );
  } finally {
    socket.close();
  }
}

function send(socket: Socket, packet: Buffer, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.send(packet, port, host, (error) => (error ? reject(error) : resolve()));
  });
}

function waitForReply<K extends UhppoteFunction>(
  socket: Socket,
  kind: K,
  sequenceId: number,
  options: ExchangeOptions,
): Promise<DecodedReply<K> | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(undefined), options.timeoutMs);
    const onMessage = (message: Buffer) => {
      let decoded: DecodedReply<K>;
      try {
        decoded = decodeReply(kind, message, options.serialNumber);
      } catch (error) {
        const reason = error instanceof UhppoteFormatError ? error.reason : "invalid";
        options.logger?.debug({ kind, reason, err: (error as Error).message }, "dropped datagram");
        return;
      }
      // Controllers that echo the sequence id let us drop a reply meant for another request.
      if (decoded.sequenceId !== 0 && decoded.sequenceId !== sequenceId) {
        options.logger?.debug({ kind, sequenceId: decoded.sequenceId }, "dropped reply to another request");
        return;
      }
      options.logger?.trace({ kind, bytes: message.toString("hex") }, "reply");
      finish(decoded);
    };
    const finish = (result: DecodedReply<K> | undefined) => {
      clearTimeout(timer);
      socket.off("message", onMessage);
      resolve(result);
    };
    socket.on("message", onMessage);
  });
}
