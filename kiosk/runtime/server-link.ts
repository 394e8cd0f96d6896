import { EventEmitter } from "node:events";
import {
  type Ack,
  type AckError,
  type AlarmUpdate,
  alarmUpdateSchema,
  callEndReasons,
  callSignalMessageSchema,
  type DurableTerminalEvent,
  fail,
  type NoticeList,
  noticeListSchema,
  ok,
  PROTOCOL_VERSION,
  type ServerToTerminalEvents,
  type ServiceUpdate,
  serviceUpdateSchema,
  TERMINAL_NAMESPACE,
  type TerminalCommand,
  type TerminalStatus,
  type TerminalToServerEvents,
  terminalCommandSchema,
  type UploadReceived,
  uploadReceivedSchema,
} from "@linli/protocol";
import type { Logger } from "pino";
import { io, type Socket } from "socket.io-client";
import { z } from "zod";
import type { BridgeEvents, LinkState } from "../bridge/contract";
import type { TerminalCredentials } from "./credentials";
import type { Outbox, OutboxEntry } from "./outbox";

/** Requests that are answered now or not at all (never queued): calls, and the kiosk's live look-ups. */
export type LiveRequest =
  | "call:request"
  | "call:signal"
  | "call:hangup"
  | "kiosk:content"
  | "resident:identify"
  | "resident:send-code"
  | "resident:verify"
  | "application:lookup"
  | "upload:session";

/** Negative acknowledgements that resending cannot fix: the event is kept as rejected instead. */
const PERMANENT_ERRORS = new Set(["invalid_payload", "conflict", "not_found", "forbidden"]);

export interface ServerLinkOptions {
  credentials: TerminalCredentials;
  outbox: Outbox;
  log: Logger;
  /** How long to wait for the server to acknowledge one event before trying again. */
  ackTimeoutMs?: number;
  /** Reconnection backoff: first delay, cap, and jitter (0..1). */
  backoff?: { initialMs: number; maxMs: number; jitter: number };
}

/**
 * The terminal's link to the control server: authenticated Socket.IO connection with reconnection
 * (exponential backoff with jitter), outbox delivery (resend until acknowledged, ack removes), status
 * reports, and persistent commands (acknowledged on receipt, run once, outcome sent through the outbox).
 */
export class ServerLink extends EventEmitter<{
  state: [LinkState, string | null];
  delivered: [{ id: string; event: DurableTerminalEvent; result: unknown }];
  /** The server refused an outbox event for good (it is kept as rejected, never resent). */
  rejected: [{ id: string; event: DurableTerminalEvent; error: AckError }];
  command: [TerminalCommand];
  alarm: [AlarmUpdate];
  service: [ServiceUpdate];
  call: [BridgeEvents["call"]];
  notices: [NoticeList];
  /** Kiosks: the catalogue, guides, facilities or lifts changed on the server. */
  "content:changed": [];
  "upload:received": [UploadReceived];
}> {
  readonly #socket: Socket<ServerToTerminalEvents, TerminalToServerEvents>;
  readonly #outbox: Outbox;
  readonly #log: Logger;
  readonly #ackTimeoutMs: number;
  #draining = false;
  #status: TerminalStatus | null = null;
  #stopped = false;

  constructor(options: ServerLinkOptions) {
    super();
    this.#outbox = options.outbox;
    this.#log = options.log;
    this.#ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
    const backoff = options.backoff ?? { initialMs: 1000, maxMs: 30_000, jitter: 0.5 };
    const { server, terminalId, token } = options.credentials;
    this.#socket = io(new URL(TERMINAL_NAMESPACE, server).toString(), {
      auth: { terminalId, token, protocol: PROTOCOL_VERSION },
      autoConnect: false,
      // A link of its own: never share a connection manager (and its options) with other sockets in-process.
      forceNew: true,
      transports: ["websocket"],
      reconnectionDelay: backoff.initialMs,
      reconnectionDelayMax: backoff.maxMs,
      randomizationFactor: backoff.jitter,
      // A connection attempt into a dead network gives up after this long and the next one starts.
      timeout: 10_000,
    });

    this.#socket.on("connect", () => {
      this.#log.info("linked to the control server");
      this.emit("state", "online", null);
      if (this.#status) this.#sendStatus(this.#status);
      void this.drain();
    });
    this.#socket.on("disconnect", (reason) => {
      if (this.#stopped) return;
      this.#log.warn({ reason }, "link to the control server lost");
      this.emit("state", "offline", reason);
      // The server cut the link on purpose (e.g. a newer link replaced this one): dial again ourselves.
      if (reason === "io server disconnect") this.#socket.connect();
    });
    this.#socket.on("connect_error", (error: Error & { data?: { code?: string; message?: string } }) => {
      const code = error.data?.code;
      if (code === "revoked" || code === "unauthorized" || code === "unsupported_protocol") {
        // Refused by the server itself: retrying with the same credentials cannot succeed.
        this.#log.error({ code }, "the control server refused this terminal");
        this.emit("state", "refused", error.data?.message ?? code);
        this.#socket.disconnect();
        return;
      }
      this.emit("state", "offline", error.message);
    });
    this.#socket.on("command", (raw: unknown, ack: unknown) => this.#receiveCommand(raw, ack));
    this.#socket.on("alarm:update", (raw: unknown) => {
      const update = alarmUpdateSchema.safeParse(raw);
      if (update.success) this.emit("alarm", update.data);
      else this.#log.warn("malformed alarm update from the server ignored");
    });
    // Voice calls: checked like everything else from the network, then handed to the UI as they are.
    const callEvent = z.object({ callId: z.string(), staffName: z.string() });
    this.#socket.on("call:accepted", (raw: unknown) => {
      const event = callEvent.safeParse(raw);
      if (event.success) this.emit("call", { type: "accepted", ...event.data });
    });
    this.#socket.on("call:incoming", (raw: unknown) => {
      const event = callEvent.safeParse(raw);
      if (event.success) this.emit("call", { type: "incoming", ...event.data });
    });
    this.#socket.on("call:signal", (raw: unknown) => {
      const message = callSignalMessageSchema.safeParse(raw);
      if (message.success) this.emit("call", { type: "signal", ...message.data });
    });
    this.#socket.on("call:ended", (raw: unknown) => {
      const event = z.object({ callId: z.string(), reason: z.enum(callEndReasons) }).safeParse(raw);
      if (event.success) this.emit("call", { type: "ended", ...event.data });
    });
    this.#socket.on("service:update", (raw: unknown) => {
      const update = serviceUpdateSchema.safeParse(raw);
      if (update.success) this.emit("service", update.data);
      else this.#log.warn("malformed service update from the server ignored");
    });
    this.#socket.on("notices", (raw: unknown) => {
      const list = noticeListSchema.safeParse(raw);
      if (list.success) this.emit("notices", list.data);
      else this.#log.warn("malformed notice list from the server ignored");
    });
    this.#socket.on("content:changed", () => this.emit("content:changed"));
    this.#socket.on("upload:received", (raw: unknown) => {
      const upload = uploadReceivedSchema.safeParse(raw);
      if (upload.success) this.emit("upload:received", upload.data);
      else this.#log.warn("malformed upload notice from the server ignored");
    });
  }

  start(): void {
    this.emit("state", "connecting", null);
    this.#socket.connect();
  }

  stop(): void {
    this.#stopped = true;
    this.#socket.disconnect();
  }

  get connected(): boolean {
    return this.#socket.connected;
  }

  /** Reports version and device health now (when online) and again after every reconnection. */
  reportStatus(status: TerminalStatus): void {
    this.#status = status;
    if (this.#socket.connected) this.#sendStatus(status);
  }

  /**
   * A live request that must not be queued (a call is now or never; a look-up answers the resident at
   * the screen): sent only while connected, answered by the server's envelope or by an `unavailable` error.
   */
  async request<T>(event: LiveRequest, payload: unknown): Promise<Ack<T>> {
    if (!this.#socket.connected) return fail("unavailable", "the centre cannot be reached right now");
    try {
      const untyped = this.#socket as unknown as Socket;
      return (await untyped.timeout(this.#ackTimeoutMs).emitWithAck(event, payload)) as Ack<T>;
    } catch {
      return fail("timeout", "the centre did not answer in time");
    }
  }

  /** Sends every pending outbox event, oldest first, one at a time; stops when the link drops. */
  async drain(): Promise<void> {
    if (this.#draining) return;
    this.#draining = true;
    try {
      while (this.#socket.connected) {
        const [entry] = this.#outbox.pending(1);
        if (!entry) break;
        if (!(await this.#deliver(entry))) break;
      }
    } finally {
      this.#draining = false;
    }
  }

  /** Returns false when delivery should pause (no answer, or a passing error); true to go on. */
  async #deliver(entry: OutboxEntry): Promise<boolean> {
    let ack: Ack<unknown>;
    try {
      // Outbox entries were validated when committed; the typed event map cannot name a runtime event.
      const untyped = this.#socket as unknown as Socket;
      ack = (await untyped
        .timeout(this.#ackTimeoutMs)
        .emitWithAck(entry.event, entry.payload)) as Ack<unknown>;
    } catch {
      this.#outbox.attempted(entry.id, "no acknowledgement in time");
      // A link that takes events but answers nothing is as good as down (a silent network cut):
      // say so at once rather than after the transport's own timeout, and dial again.
      if (this.#socket.connected && !this.#stopped) {
        this.#log.warn({ id: entry.id, event: entry.event }, "no acknowledgement in time: reconnecting");
        this.#socket.disconnect();
        this.emit("state", "offline", "the server did not acknowledge in time");
        this.#socket.connect();
      }
      return false;
    }
    if (ack.ok) {
      this.#outbox.acknowledged(entry.id);
      this.emit("delivered", { id: entry.id, event: entry.event, result: ack.data });
      return true;
    }
    if (PERMANENT_ERRORS.has(ack.error.code)) {
      this.#log.error(
        { id: entry.id, event: entry.event, error: ack.error },
        "the server rejected an outbox event",
      );
      this.#outbox.rejected(entry.id, `${ack.error.code}: ${ack.error.message}`);
      this.emit("rejected", { id: entry.id, event: entry.event, error: ack.error });
      return true;
    }
    this.#outbox.attempted(entry.id, `${ack.error.code}: ${ack.error.message}`);
    setTimeout(() => void this.drain(), 2000).unref();
    return false;
  }

  #sendStatus(status: TerminalStatus): void {
    this.#socket
      .timeout(this.#ackTimeoutMs)
      .emit("terminal:status", status, (error: Error | null, ack: Ack<unknown>) => {
        if (error || !ack.ok)
          this.#log.warn(
            { error: error?.message ?? (ack.ok ? null : ack.error) },
            "status report not accepted",
          );
      });
  }

  #receiveCommand(raw: unknown, ack: unknown): void {
    if (typeof ack !== "function") return;
    const parsed = terminalCommandSchema.safeParse(raw);
    if (!parsed.success) {
      ack(fail("invalid_payload", "malformed command"));
      return;
    }
    ack(ok(null));
    if (!this.#outbox.firstSightOfCommand(parsed.data.commandId)) return;
    this.emit("command", parsed.data);
  }
}
