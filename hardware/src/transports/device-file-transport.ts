import { constants } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { BaseStreamTransport } from "./stream-transport";

export interface DeviceFileTransportOptions {
  /** E.g. /dev/usb/lp0 (USB printer class). The file must exist: it is never created. */
  path: string;
}

/**
 * A write-only device file such as a USB printer class node. Reads are not supported (the usblp
 * driver offers no reliable read-back and no ioctls we could use), so a driver over this transport
 * cannot query status: it can only tell that writes succeed.
 */
export class DeviceFileTransport extends BaseStreamTransport {
  readonly readable = false;
  readonly path: string;
  #handle: FileHandle | undefined;

  constructor(options: DeviceFileTransportOptions) {
    super();
    this.path = options.path;
  }

  get description(): string {
    return `file ${this.path}`;
  }

  get isOpen(): boolean {
    return this.#handle !== undefined;
  }

  async open(): Promise<void> {
    if (this.#handle) return;
    // No O_CREAT: a missing device must fail, not silently become a regular file in /dev.
    this.#handle = await open(this.path, constants.O_WRONLY | constants.O_NOCTTY | constants.O_APPEND);
  }

  async write(data: Uint8Array): Promise<void> {
    const handle = this.#handle;
    if (!handle) throw this.notOpenError();
    try {
      let offset = 0;
      while (offset < data.length) {
        const { bytesWritten } = await handle.write(data, offset, data.length - offset);
        offset += bytesWritten;
      }
    } catch (error) {
      // A failed write on a device file means the device went away (EIO, ENODEV, ENXIO).
      if (this.#handle === handle) {
        this.#handle = undefined;
        await handle.close().catch(() => {});
        this.emit("close", error as Error);
      }
      throw error;
    }
  }

  async close(): Promise<void> {
    const handle = this.#handle;
    if (!handle) return;
    this.#handle = undefined;
    await handle.close().catch(() => {});
    this.emit("close", undefined);
  }
}
