import type { Ack } from "@linli/protocol";
import { io } from "socket.io-client";
import {
  BRIDGE_NAMESPACE,
  BRIDGE_TOKEN_PARAM,
  type BridgeCallName,
  type BridgeCalls,
  type BridgeEventName,
  type BridgeEvents,
  type TerminalBridge,
} from "../../bridge/contract";

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    linliBridge?: TerminalBridge;
  }
}

/** The bridge plus whether the runtime can be reached right now (always, over Electron IPC). */
export interface UiBridge extends TerminalBridge {
  readonly transport: "electron" | "socket";
  onReachable(listener: (reachable: boolean) => void): () => void;
}

export type BridgeConnection = { ok: true; bridge: UiBridge } | { ok: false; reason: "no-secret" };

const SECRET_STORAGE_KEY = "linli.bridge-secret";
const CALL_TIMEOUT_MS = 10_000;

/**
 * Electron's preload exposes `window.linliBridge`; in browser mode the runtime put a per-start secret in
 * the URL fragment. The secret is moved out of the visible URL at once and kept in sessionStorage, so
 * that a reload (the `reload` command) still finds it while the address bar never shows it.
 */
export function connectBridge(): BridgeConnection {
  const electron = window.linliBridge;
  if (electron) return { ok: true, bridge: fromElectron(electron) };
  const secret = takeSecret();
  if (!secret) return { ok: false, reason: "no-secret" };
  return { ok: true, bridge: overSocket(secret) };
}

function takeSecret(): string | null {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const fromUrl = fragment.get(BRIDGE_TOKEN_PARAM);
  if (fromUrl) {
    sessionStorage.setItem(SECRET_STORAGE_KEY, fromUrl);
    fragment.delete(BRIDGE_TOKEN_PARAM);
    const rest = fragment.toString();
    window.history.replaceState(
      null,
      "",
      `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ""}`,
    );
    return fromUrl;
  }
  return sessionStorage.getItem(SECRET_STORAGE_KEY);
}

function fromElectron(bridge: TerminalBridge): UiBridge {
  return {
    transport: "electron",
    call: (name, request) => bridge.call(name, request),
    on: (event, listener) => bridge.on(event, listener),
    onReachable(listener) {
      listener(true);
      return () => undefined;
    },
  };
}

function overSocket(secret: string): UiBridge {
  // WebSocket only: the runtime admits only requests from the UI's own origin, and browsers send Origin on
  // a WebSocket handshake but not on same-origin long-polling GETs.
  const socket = io(BRIDGE_NAMESPACE, { auth: { token: secret }, transports: ["websocket"] });
  return {
    transport: "socket",
    call<K extends BridgeCallName>(name: K, request: BridgeCalls[K]["request"]) {
      return new Promise<Ack<BridgeCalls[K]["response"]>>((resolve) => {
        socket
          .timeout(CALL_TIMEOUT_MS)
          .emit("call", name, request, (error: Error | null, ack: Ack<BridgeCalls[K]["response"]>) => {
            resolve(
              error
                ? { ok: false, error: { code: "timeout", message: `bridge call ${name} timed out` } }
                : ack,
            );
          });
      });
    },
    on<E extends BridgeEventName>(event: E, listener: (payload: BridgeEvents[E]) => void) {
      const handler = (payload: BridgeEvents[E]) => listener(payload);
      socket.on(event as string, handler);
      return () => {
        socket.off(event as string, handler);
      };
    },
    onReachable(listener) {
      const up = () => listener(true);
      const down = () => listener(false);
      socket.on("connect", up);
      socket.on("disconnect", down);
      socket.on("connect_error", down);
      if (socket.connected) listener(true);
      return () => {
        socket.off("connect", up);
        socket.off("disconnect", down);
        socket.off("connect_error", down);
      };
    },
  };
}
