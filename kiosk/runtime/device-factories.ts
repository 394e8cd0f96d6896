import type { ButtonsConfigInput } from "@linli/hardware/buttons/config";
import { createButtons } from "@linli/hardware/buttons/factory";
import { KeyboardButtons } from "@linli/hardware/buttons/keyboard-buttons";
import type { HealthState } from "@linli/hardware/health";
import type { SamVReaderConfigInput } from "@linli/hardware/id-card/config";
import { createIdCardReader } from "@linli/hardware/id-card/factory";
import type { IdCardReader } from "@linli/hardware/id-card/id-card-reader";
import { cardHolderName, cardNumberOf } from "@linli/hardware/id-card/id-card-text";
import type { RflinkReceiverConfigInput } from "@linli/hardware/pendant/config";
import { createPendantReceiver } from "@linli/hardware/pendant/factory";
import type { EscPosPrinterConfigInput } from "@linli/hardware/printer/config";
import { createReceiptPrinter } from "@linli/hardware/printer/factory";
import type { ReceiptPrinter } from "@linli/hardware/printer/receipt-printer";
import type { DeviceFactory, DevicePress, HostedDevice } from "./device-host";
import { PrintQueueFile } from "./print-queue-file";

/** What every hardware driver offers: health, start and stop. */
interface Driver {
  readonly health: HealthState;
  start(): Promise<void> | void;
  stop(): Promise<void> | void;
}

/** Drivers of devices with buttons emit `press` with the button's configured role. */
interface PressingDriver extends Driver {
  on(event: "press", listener: (press: { button: string }) => void): unknown;
}

/** Wraps a driver for the device host, reporting its health under the config's device name. */
export function hosted<D extends Driver>(name: string, driver: D): HostedDevice & { driver: D } {
  return {
    name,
    driver,
    health: () => ({ ...driver.health.current, device: name }),
    onHealth: (listener) => driver.health.on("change", (health) => listener({ ...health, device: name })),
    start: () => driver.start(),
    stop: () => driver.stop(),
  };
}

function withPresses<D extends PressingDriver>(
  name: string,
  driver: D,
  source: DevicePress["source"],
): HostedDevice {
  return {
    ...hosted(name, driver),
    onPress: (listener) => driver.on("press", ({ button }) => listener({ device: name, button, source })),
    ...(driver instanceof KeyboardButtons
      ? { handleKey: (key) => (key.type === "down" ? driver.handleKeyDown(key) : driver.handleKeyUp(key)) }
      : {}),
  };
}

/** An ID card reader: cards placed, unreadable and removed reach the runtime (the number stays there). */
function withCards(name: string, driver: IdCardReader): HostedDevice {
  return {
    ...hosted(name, driver),
    onCard: (listener) => {
      driver.on("card", (card) =>
        listener({ type: "card", idNumber: cardNumberOf(card), name: cardHolderName(card) }),
      );
      driver.on("unreadable", (reason) => listener({ type: "unreadable", reason }));
      driver.on("removed", () => listener({ type: "removed" }));
    },
  };
}

/** A receipt printer: its queue, and word of waiting jobs printed once it is back. */
function withPrinting(name: string, driver: ReceiptPrinter): HostedDevice {
  return {
    ...hosted(name, driver),
    printer: {
      print: (job) => driver.print(job),
      onPrinted: (listener) => driver.on("printed", listener),
    },
  };
}

/**
 * Device types a terminal config may name, by `devices.<name>.type`; each entry's other fields are the
 * driver's own config (see hardware/). The casts only name the input: every factory validates it with
 * its zod schema and throws a readable error, which the device host reports as the device's health.
 */
export const deviceFactories: Record<string, DeviceFactory> = {
  "sam-v": (name, config, logger) =>
    withCards(name, createIdCardReader({ ...config, name } as SamVReaderConfigInput, { logger })),
  escpos: (name, config, logger, { dataDir }) =>
    withPrinting(
      name,
      createReceiptPrinter({ ...config, name } as EscPosPrinterConfigInput, {
        logger,
        ...(dataDir ? { queueStore: new PrintQueueFile(dataDir, logger) } : {}),
      }),
    ),
  rflink: (name, config, logger) =>
    withPresses(
      name,
      createPendantReceiver({ ...config, name } as RflinkReceiverConfigInput, { logger }),
      "pendant",
    ),
  hid: (name, config, logger) =>
    withPresses(name, createButtons({ ...config, name } as ButtonsConfigInput, { logger }), "button"),
  keyboard: (name, config, logger) =>
    withPresses(name, createButtons({ ...config, name } as ButtonsConfigInput, { logger }), "button"),
};
