import { randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync } from "node:fs";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import type { Logger } from "pino";
import { Server as SocketServer } from "socket.io";
import {
  BRIDGE_EVENT_NAMES,
  BRIDGE_NAMESPACE,
  BRIDGE_TOKEN_PARAM,
  type BridgeCallName,
} from "../bridge/contract";
import type { TerminalRuntime } from "./terminal-runtime";

export interface BrowserBridgeServer {
  /** The URL to open: the UI with the bridge secret in its fragment (never sent over the network). */
  url: string;
  close(): Promise<void>;
}

function sameSecret(given: unknown, secret: string): boolean {
  if (typeof given !== "string" || given.length !== secret.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(secret));
}

/**
 * Browser mode: serves the terminal UI on loopback and carries the bridge over a Socket.IO namespace.
 * Only the UI can use the bridge: it needs the per-start secret from the URL fragment, the request must
 * come from the UI's own origin (other web pages are refused), and only the loopback host is served.
 */
export async function startBrowserBridge(options: {
  runtime: TerminalRuntime;
  uiDir: string;
  port: number;
  log: Logger;
}): Promise<BrowserBridgeServer> {
  const { runtime, uiDir, log } = options;
  if (!existsSync(uiDir))
    throw new Error(`the terminal UI is not built (${uiDir} is missing): run \`npm run build\``);
  const secret = randomBytes(24).toString("base64url");
  const app: FastifyInstance = Fastify({ logger: false });
  let origin = "";

  // Refuse other host names so that a web page cannot reach this server through DNS rebinding.
  app.addHook("onRequest", async (request, reply) => {
    if (request.headers.host !== new URL(origin).host) return reply.code(421).send("misdirected request");
    return undefined;
  });
  await app.register(fastifyStatic, { root: uiDir });

  const io = new SocketServer(app.server, {
    serveClient: false,
    allowRequest: (request, callback) => callback(null, request.headers.origin === origin),
  });
  const bridge = io.of(BRIDGE_NAMESPACE);
  bridge.use((socket, next) => {
    if (sameSecret((socket.handshake.auth as { token?: unknown }).token, secret)) return next();
    log.warn("bridge connection refused: wrong secret");
    next(new Error("unauthorized"));
  });
  bridge.on("connection", (socket) => {
    socket.on("call", async (name: unknown, request: unknown, ack: unknown) => {
      if (typeof ack !== "function") return;
      if (typeof name !== "string")
        return ack({ ok: false, error: { code: "invalid_payload", message: "call name" } });
      ack(await runtime.call(name as BridgeCallName, request));
    });
  });
  for (const event of BRIDGE_EVENT_NAMES) {
    runtime.on(event, (payload: unknown) => bridge.emit(event, payload));
  }

  await app.listen({ host: "127.0.0.1", port: options.port });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#${BRIDGE_TOKEN_PARAM}=${secret}`,
    async close() {
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await app.close().catch(() => undefined);
    },
  };
}
