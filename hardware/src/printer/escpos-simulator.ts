import { EventEmitter, once } from "node:events";
import { createServer, type Server, type Socket } from "node:net";
import type { Logger } from "pino";
import { ReconnectingTransport } from "../transports/reconnecting-transport";
import { SerialTransport } from "../transports/serial-transport";
import { createPtyPair, type PtyPair } from "../transports/socat-pty-pair";
import { EscPosDecoder, type PrintedDocument } from "./escpos-decoder";
import {
  encodeAsb,
  encodeStatusReply,
  notReadyReason,
  type PrinterStatus,
  type StatusQuery,
} from "./escpos-status";

export interface EscPosSimulatorOptions {
  /** Whether ESC @ leaves Chinese mode on (see `EscPosDecoderOptions`), default false. */
  chineseModeAfterInitialize?: boolean;
  logger?: Logger;
}

/** What the simulator needs of a connection: bytes in, bytes out. */
export interface ByteLink {
  on(event: "data", listener: (chunk: Buffer) => void): unknown;
  off(event: "data", listener: (chunk: Buffer) => void): unknown;
  write(data: Uint8Array): Promise<void>;
}

interface Session {
  decoder: EscPosDecoder;
  asbEnabled: boolean;
  send(bytes: Uint8Array): void;
}

/**
 * A receipt printer: decodes what it is sent with the same decoder tests use, answers DLE EOT,
 * sends Automatic Status Back when enabled, and records each printed (cut) document. Documents
 * sent while it cannot print (paper out, cover open) are held and come out once it can, like a real
 * printer's receive buffer. Control API: paperNearEnd, paperOut, loadPaper, openCover, closeCover,
 * setSilent, sendGarbage.
 */
export class EscPosPrinterSimulator extends EventEmitter<{ document: [PrintedDocument] }> {
  /** Everything printed so far, oldest first. */
  readonly documents: PrintedDocument[] = [];
  readonly #options: EscPosSimulatorOptions;
  readonly #sessions = new Set<Session>();
  readonly #held: PrintedDocument[] = [];
  readonly #sockets = new Set<Socket>();
  readonly #detachers = new Set<() => void>();
  #server: Server | undefined;
  #paper: "ok" | "near-end" | "out" = "ok";
  #coverOpen = false;
  #silent = false;

  constructor(options: EscPosSimulatorOptions = {}) {
    super();
    this.#options = options;
  }

  get status(): PrinterStatus {
    const paperOut = this.#paper === "out";
    return {
      online: !paperOut && !this.#coverOpen,
      coverOpen: this.#coverOpen,
      paperNearEnd: this.#paper !== "ok",
      paperOut,
      error: false,
    };
  }

  paperNearEnd(): void {
    this.#change(() => {
      this.#paper = "near-end";
    });
  }

  paperOut(): void {
    this.#change(() => {
      this.#paper = "out";
    });
  }

  loadPaper(): void {
    this.#change(() => {
      this.#paper = "ok";
    });
  }

  openCover(): void {
    this.#change(() => {
      this.#coverOpen = true;
    });
  }

  closeCover(): void {
    this.#change(() => {
      this.#coverOpen = false;
    });
  }

  /** Stops (true) or resumes answering status queries, like a hung printer. */
  setSilent(silent: boolean): void {
    this.#silent = silent;
  }

  /** Sends bytes that mean nothing (line noise) to every connected host. */
  sendGarbage(bytes: Uint8Array = Buffer.from("ff00ab38c5", "hex")): void {
    for (const session of this.#sessions) session.send(bytes);
  }

  /** Serves raw TCP like a network printer's port 9100; resolves with the bound address. */
  async listenTcp(host = "127.0.0.1", port = 9100): Promise<{ host: string; port: number }> {
    const server = createServer((socket) => this.#acceptSocket(socket));
    server.listen(port, host);
    await Promise.race([
      once(server, "listening"),
      once(server, "error").then(([error]) => Promise.reject(error)),
    ]);
    this.#server = server;
    const address = server.address();
    if (address === null || typeof address === "string") throw new Error("TCP server has no address");
    return { host: address.address, port: address.port };
  }

  /** Stops listening and drops every TCP connection: the network printer was switched off. */
  async closeTcp(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    for (const socket of this.#sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Serves a byte link, e.g. the device end of a serial pty; returns a function that detaches it. */
  attach(link: ByteLink): () => void {
    const session = this.#session((bytes) => {
      link
        .write(bytes)
        .catch((error: Error) => this.#options.logger?.debug({ err: error.message }, "reply lost"));
    });
    const onData = (chunk: Buffer) => this.#receive(session, chunk);
    link.on("data", onData);
    const detach = () => {
      link.off("data", onData);
      this.#sessions.delete(session);
      this.#detachers.delete(detach);
    };
    this.#detachers.add(detach);
    return detach;
  }

  async stop(): Promise<void> {
    await this.closeTcp();
    for (const detach of [...this.#detachers]) detach();
  }

  #acceptSocket(socket: Socket): void {
    this.#sockets.add(socket);
    const session = this.#session((bytes) => {
      if (!socket.destroyed) socket.write(bytes);
    });
    socket.on("data", (chunk) => this.#receive(session, chunk));
    socket.on("error", () => {});
    socket.on("close", () => {
      this.#sockets.delete(socket);
      this.#sessions.delete(session);
    });
  }

  #session(send: (bytes: Uint8Array) => void): Session {
    const decoder = new EscPosDecoder(
      this.#options.chineseModeAfterInitialize === undefined
        ? {}
        : { chineseModeAfterInitialize: this.#options.chineseModeAfterInitialize },
    );
    const session: Session = { decoder, asbEnabled: false, send };
    this.#sessions.add(session);
    return session;
  }

  #receive(session: Session, chunk: Buffer): void {
    for (const event of session.decoder.push(chunk)) {
      switch (event.kind) {
        case "status-query":
          if (!this.#silent && event.n >= 1 && event.n <= 4) {
            session.send(Buffer.from([encodeStatusReply(event.n as StatusQuery, this.status)]));
          }
          break;
        case "asb-enable":
          session.asbEnabled = event.flags !== 0;
          // Like Epson printers, the first ASB goes out as soon as it is enabled.
          if (session.asbEnabled && !this.#silent) session.send(encodeAsb(this.status));
          break;
        case "document":
          if (notReadyReason(this.status)) this.#held.push(event.document);
          else this.#print(event.document);
          break;
      }
    }
  }

  #print(document: PrintedDocument): void {
    this.documents.push(document);
    this.emit("document", document);
  }

  #change(apply: () => void): void {
    const before = JSON.stringify(this.status);
    apply();
    if (JSON.stringify(this.status) === before) return;
    if (!this.#silent) {
      const asb = encodeAsb(this.status);
      for (const session of this.#sessions) if (session.asbEnabled) session.send(asb);
    }
    if (!notReadyReason(this.status)) {
      for (const document of this.#held.splice(0)) this.#print(document);
    }
  }
}

export interface PtyEscPosSimulator {
  simulator: EscPosPrinterSimulator;
  pty: PtyPair;
  /** The serial path a driver opens (or writes to, as a device file). */
  hostPath: string;
  close(): Promise<void>;
}

/** A simulated serial printer on a fresh socat pty pair. */
export async function startEscPosSimulatorOnPty(
  options: EscPosSimulatorOptions & { directory?: string } = {},
): Promise<PtyEscPosSimulator> {
  const { directory, ...simulatorOptions } = options;
  const pty = await createPtyPair(directory === undefined ? {} : { directory });
  const simulator = new EscPosPrinterSimulator(simulatorOptions);
  // Reopens the device end when the pair is recreated (a replug in tests).
  const link = new ReconnectingTransport(new SerialTransport({ path: pty.devicePath }), {
    initialDelayMs: 20,
    maxDelayMs: 200,
  });
  simulator.attach(link);
  const up = once(link, "up");
  link.start();
  await up;
  return {
    simulator,
    pty,
    hostPath: pty.hostPath,
    async close() {
      await simulator.stop();
      await link.stop();
      await pty.close();
    },
  };
}
