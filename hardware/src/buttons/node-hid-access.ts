import type { HidAccess, HidDeviceInfo, HidInputDevice } from "./hid-button-box";

/**
 * HidAccess over node-hid. The native module is loaded on first use, so terminals without HID
 * buttons (and tests) never load it; on Linux it needs the libusb-1.0-0 and libudev1 runtime libraries.
 */
export function nodeHidAccess(): HidAccess {
  return {
    async list(vendorId: number, productId: number): Promise<HidDeviceInfo[]> {
      const hid = await import("node-hid");
      return hid.devicesAsync(vendorId, productId);
    },
    async open(device: HidDeviceInfo): Promise<HidInputDevice> {
      const hid = await import("node-hid");
      // The path names this very interface; vendor/product alone would pick an arbitrary one of several.
      return device.path
        ? hid.HIDAsync.open(device.path)
        : hid.HIDAsync.open(device.vendorId, device.productId);
    },
  };
}
