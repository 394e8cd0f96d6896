import type { Logger } from "pino";
import { DeviceFileTransport } from "../transports/device-file-transport";
import { SerialTransport } from "../transports/serial-transport";
import type { StreamTransport } from "../transports/stream-transport";
import { TcpTransport } from "../transports/tcp-transport";
import { type EscPosPrinterConfig, type EscPosPrinterConfigInput, parseEscPosPrinterConfig } from "./config";
import { type PrintQueueStore, ReceiptPrinter } from "./receipt-printer";

export function transportFor(config: EscPosPrinterConfig): StreamTransport {
  switch (config.transport) {
    case "serial":
      return new SerialTransport({ path: config.path, baudRate: config.baudRate });
    case "tcp":
      return new TcpTransport({ host: config.host, port: config.port });
    case "file":
      return new DeviceFileTransport({ path: config.path });
  }
}

/**
 * Builds a receipt printer from plain JSON config, e.g. `{type: "escpos", transport: "tcp", host:
 * "192.168.1.50", port: 9100}`, `{type: "escpos", transport: "serial", path: "/dev/ttyS1", baudRate:
 * 115200}` or `{type: "escpos", transport: "file", path: "/dev/usb/lp0"}`.
 * Throws an Error listing every problem when the config is invalid.
 */
export function createReceiptPrinter(
  config: EscPosPrinterConfigInput,
  options: { logger?: Logger; queueStore?: PrintQueueStore } = {},
): ReceiptPrinter {
  const parsed = parseEscPosPrinterConfig(config);
  return new ReceiptPrinter({
    transport: transportFor(parsed),
    name: parsed.name,
    statusIntervalMs: parsed.statusIntervalMs,
    automaticStatusBack: parsed.automaticStatusBack,
    maxQueuedJobs: parsed.maxQueuedJobs,
    queueStore: options.queueStore,
    logger: options.logger,
  });
}
