import type { Translate } from "../i18n/i18n";

const KNOWN_DEVICES = ["idCardReader", "printer", "pendant", "buttons"] as const;
type KnownDevice = (typeof KNOWN_DEVICES)[number];

/** A device as staff call it ("小票打印机"); a key this console does not know is shown as the terminal sent it. */
export function deviceName(device: string, t: Translate): string {
  return (KNOWN_DEVICES as readonly string[]).includes(device)
    ? t(`deviceName.${device as KnownDevice}`)
    : device;
}
