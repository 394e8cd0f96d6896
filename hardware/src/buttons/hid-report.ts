/** Where one button shows up in a HID input report. */
export interface HidButtonMapping {
  /** Domain name of the button, e.g. "sos", "service", "call", "ok". */
  name: string;
  /**
   * Index of the byte in the report as node-hid delivers it. On Linux (hidraw) and with devices
   * that use numbered reports, byte 0 is the report id.
   */
  byte: number;
  /** Bits of that byte that are all set while the button is held. */
  mask: number;
}

export class HidReportError extends Error {
  override name = "HidReportError";
}

/**
 * The buttons held down in one input report. Throws HidReportError when the report is too short to
 * contain a mapped byte: that is a different report (another report id) or a broken read, and
 * guessing "not held" from it would fake a release.
 */
export function heldButtons(report: Uint8Array, mapping: readonly HidButtonMapping[]): Set<string> {
  const held = new Set<string>();
  for (const button of mapping) {
    const value = report[button.byte];
    if (value === undefined) {
      throw new HidReportError(
        `report of ${report.length} bytes has no byte ${button.byte} (button "${button.name}")`,
      );
    }
    if ((value & button.mask) === button.mask) held.add(button.name);
  }
  return held;
}
