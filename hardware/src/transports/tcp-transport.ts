import { Socket } from "node:net";
import { BaseStreamTransport } from "./stream-transport";

export interface TcpTransportOptions {
  host: string;
  port: number;
  /** How long a connection attempt may take, default 3000 ms. */
  connectTimeoutMs?: number;
  /** TCP keepalive so a silently vanished peer is noticed, default 10000 ms; 0 disables it. */
  keepAliveMs?: number;
}

/** A TCP client connection, e.g. a network receipt printer on port 9100. */
export class TcpTransport extends BaseStreamTransport {
  readonly readable = true;
  readonly host: string;
  readonly port: number;
  readonly #connectTimeoutMs: number;
  readonly #keepAliveMs: number;
  #socket: Socket | undefined;

  constructor(options: TcpTransportOptions) {
    super();
    this.host = options.host;
    this.port = options.port;
    this.#connectTimeoutMs = options.connectTimeoutMs ?? 3000;
    this.#keepAliveMs = options.keepAliveMs ?? 10_000;
  }

  get description(): string {
    return `tcp ${this.host}:${this.port}`;
  }

  get isOpen(): boolean {
    return this.#socket !== undefined;
  }

  async open(): Promise<void> {
    if (this.#socket) return;
    const socket = new Socket();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.destroy();
        reject(
          Object.assign(new Error(`connect to ${this.host}:${this.port} timed out`), { code: "ETIMEDOUT" }),
        );
      }, this.#connectTimeoutMs);
      socket.once("error", (error) => {
        clearTimeout(timer);
        socket.destroy();
        reject(error);
      });
      socket.connect(this.port, this.host, () => {
        clearTimeout(timer);
        socket.removeAllListeners("error");
        resolve();
      });
    });
    socket.setNoDelay(true);
    if (this.#keepAliveMs > 0) socket.setKeepAlive(true, this.#keepAliveMs);
    this.#socket = socket;
    let closeError: Error | undefined;
    socket.on("data", (chunk: Buffer) => this.emit("data", chunk));
    socket.on("error", (error) => {
      closeError ??= error;
      this.reportError(error);
    });
    // The peer closing its side means the device is gone for us: close ours too.
    socket.on("end", () => socket.destroy());
    socket.on("close", () => {
      if (this.#socket !== socket) return;
      this.#socket = undefined;
      this.emit(
        "close",
        closeError ?? Object.assign(new Error("connection closed by peer"), { code: "ECONNRESET" }),
      );
    });
  }

  async write(data: Uint8Array): Promise<void> {
    const socket = this.#socket;
    if (!socket || socket.destroyed) throw this.notOpenError();
    await new Promise<void>((resolve, reject) => {
      socket.write(data, (error) => (error ? reject(error) : resolve()));
    });
  }

  async close(): Promise<void> {
    const socket = this.#socket;
    if (!socket) return;
    this.#socket = undefined;
    await new Promise<void>((resolve) => {
      socket.once("close", () => resolve());
      socket.on("error", () => {});
      socket.destroy();
    });
    this.emit("close", undefined);
  }
}
