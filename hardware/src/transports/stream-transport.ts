import { EventEmitter } from "node:events";

/**
 * Events of a byte-stream transport.
 * - `data`: bytes arrived (never emitted by write-only transports).
 * - `close`: the transport was open and is now closed; `error` is set when it closed because the
 *   device went away (pty removed, TCP reset, USB unplugged) rather than because `close()` was called.
 *   Emitted exactly once per successful `open()`.
 * - `error`: a non-fatal problem worth logging. Emitted only when someone listens, so an
 *   unobserved transport never crashes the process; fatal problems end in `close` instead.
 */
export interface StreamTransportEvents {
  data: [chunk: Buffer];
  close: [error: Error | undefined];
  error: [error: Error];
}

/**
 * A byte stream to a device: a serial port, a TCP socket or a device file. Drivers depend on this
 * interface only, so the same driver talks to a real device, a pty or a loopback simulator.
 *
 * A transport can be opened again after it closed (that is how `ReconnectingTransport` recovers).
 */
export interface StreamTransport extends EventEmitter<StreamTransportEvents> {
  /** Human-readable target, e.g. "serial /dev/ttyUSB0 @115200" or "tcp 10.0.0.5:9100". */
  readonly description: string;
  /** False for write-only transports (a printer's device file): no `data` will ever arrive. */
  readonly readable: boolean;
  readonly isOpen: boolean;
  /** Opens the device; rejects with the OS error (ENOENT, ECONNREFUSED, EACCES...) if it cannot. */
  open(): Promise<void>;
  /** Resolves once the bytes were handed to the OS; rejects if the transport is not open or the write fails. */
  write(data: Uint8Array): Promise<void>;
  /** Closes the device; resolves at once when it is already closed. */
  close(): Promise<void>;
}

/** Base class with the bookkeeping every stream transport shares. */
export abstract class BaseStreamTransport
  extends EventEmitter<StreamTransportEvents>
  implements StreamTransport
{
  abstract readonly description: string;
  abstract readonly readable: boolean;
  abstract readonly isOpen: boolean;
  abstract open(): Promise<void>;
  abstract write(data: Uint8Array): Promise<void>;
  abstract close(): Promise<void>;

  /** Emits `error` only when observed (see `StreamTransportEvents`). */
  protected reportError(error: Error): void {
    if (this.listenerCount("error") > 0) this.emit("error", error);
  }

  protected notOpenError(): Error {
    return Object.assign(new Error(`${this.description} is not open`), { code: "ENOTOPEN" });
  }
}

export function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
