import { stat } from "node:fs/promises";
import { SerialPort } from "serialport";
import { asError, BaseStreamTransport } from "./stream-transport";

export interface SerialTransportOptions {
  path: string;
  baudRate?: number;
  /**
   * How often to check that the device node still exists, default 500 ms; 0 disables the check.
   * Needed because on Linux a vanished pty or USB-serial adapter is otherwise noticed only by the
   * next write, and a receive-only device (a pendant receiver) might never write.
   */
  presenceCheckMs?: number;
}

/**
 * A serial port (USB-serial adapter, on-board UART or a socat pty). Never touches the modem lines:
 * on a pty, setting or reading DTR/RTS fails with "Inappropriate ioctl".
 */
export class SerialTransport extends BaseStreamTransport {
  readonly readable = true;
  readonly path: string;
  readonly baudRate: number;
  readonly #presenceCheckMs: number;
  #port: SerialPort | undefined;
  #presenceTimer: NodeJS.Timeout | undefined;

  constructor(options: SerialTransportOptions) {
    super();
    this.path = options.path;
    this.baudRate = options.baudRate ?? 115200;
    this.#presenceCheckMs = options.presenceCheckMs ?? 500;
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
    const openedDevice = await stat(this.path).then(
      (stats) => stats.rdev,
      () => undefined,
    );
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
      this.#stopPresenceCheck();
      port.removeAllListeners();
      // A swallowed listener keeps late errors of a dead port from becoming uncaught exceptions.
      port.on("error", () => {});
      this.emit("close", error ?? closeError);
    });
    if (this.#presenceCheckMs > 0 && openedDevice !== undefined) this.#startPresenceCheck(port, openedDevice);
  }

  #startPresenceCheck(port: SerialPort, openedDevice: number): void {
    this.#presenceTimer = setInterval(() => {
      stat(this.path).then(
        (stats) => {
          // Same path, different device: the adapter was replugged (or socat restarted) meanwhile.
          if (stats.rdev !== openedDevice) this.#lose(port, `${this.path} now names another device`);
        },
        () => this.#lose(port, `${this.path} disappeared`),
      );
    }, this.#presenceCheckMs);
    this.#presenceTimer.unref();
  }

  #stopPresenceCheck(): void {
    clearInterval(this.#presenceTimer);
    this.#presenceTimer = undefined;
  }

  #lose(port: SerialPort, message: string): void {
    if (this.#port !== port) return;
    this.#port = undefined;
    this.#stopPresenceCheck();
    port.removeAllListeners();
    port.on("error", () => {});
    if (port.isOpen) port.close();
    this.emit("close", Object.assign(new Error(message), { code: "ENODEV" }));
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
    this.#stopPresenceCheck();
    port.removeAllListeners();
    port.on("error", () => {});
    if (port.isOpen) {
      await new Promise<void>((resolve) => port.close(() => resolve()));
    }
    this.emit("close", undefined);
  }
}
