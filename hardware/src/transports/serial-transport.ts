import { SerialPort } from "serialport";
import { asError, BaseStreamTransport } from "./stream-transport";

export interface SerialTransportOptions {
  path: string;
  baudRate?: number;
}

/**
 * A serial port (USB-serial adapter, on-board UART or a socat pty). Never touches the modem lines:
 * on a pty, setting or reading DTR/RTS fails with "Inappropriate ioctl".
 */
export class SerialTransport extends BaseStreamTransport {
  readonly readable = true;
  readonly path: string;
  readonly baudRate: number;
  #port: SerialPort | undefined;

  constructor(options: SerialTransportOptions) {
    super();
    this.path = options.path;
    this.baudRate = options.baudRate ?? 115200;
  }

  get description(): string {
    return `serial ${this.path} @${this.baudRate}`;
  }

  get isOpen(): boolean {
    return this.#port?.isOpen ?? false;
  }

  async open(): Promise<void> {
    if (this.#port) return;
    const port = new SerialPort({ path: this.path, baudRate: this.baudRate, autoOpen: false, hupcl: false });
    await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    this.#port = port;
    let closeError: Error | undefined;
    port.on("data", (chunk: Buffer) => this.emit("data", chunk));
    port.on("error", (error: Error) => {
      closeError ??= error;
      this.reportError(error);
    });
    port.on("close", (error?: Error | null) => {
      if (this.#port !== port) return;
      this.#port = undefined;
      port.removeAllListeners();
      // A swallowed listener keeps late errors of a dead port from becoming uncaught exceptions.
      port.on("error", () => {});
      this.emit("close", error ?? closeError);
    });
  }

  async write(data: Uint8Array): Promise<void> {
    const port = this.#port;
    if (!port?.isOpen) throw this.notOpenError();
    await new Promise<void>((resolve, reject) => {
      port.write(Buffer.from(data), (error) => {
        if (error) return reject(asError(error));
        port.drain((drainError) => (drainError ? reject(drainError) : resolve()));
      });
    });
  }

  async close(): Promise<void> {
    const port = this.#port;
    if (!port) return;
    this.#port = undefined;
    port.removeAllListeners();
    port.on("error", () => {});
    if (port.isOpen) {
      await new Promise<void>((resolve) => port.close(() => resolve()));
    }
    this.emit("close", undefined);
  }
}
