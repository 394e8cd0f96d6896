import { EventEmitter } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import type { DeviceHealth } from "../health";
import { ButtonEdgeDetector } from "./button-edges";
import type { ButtonPress, ButtonSource } from "./button-source";
import { createButtons } from "./factory";
import { type HidAccess, HidButtonBox, type HidDeviceInfo, type HidInputDevice } from "./hid-button-box";
import { HidReportError, heldButtons } from "./hid-report";
import { KeyboardButtons } from "./keyboard-buttons";
import { DEFAULT_KEYBOARD_BUTTONS, KeyboardButtonMapper } from "./keyboard-wedge";
import { nodeHidAccess } from "./node-hid-access";

const mapping = [
  { name: "sos", byte: 1, mask: 0x01 },
  { name: "service", byte: 1, mask: 0x02 },
  { name: "call", byte: 2, mask: 0x80 },
  { name: "ok", byte: 2, mask: 0x03 },
];

const report = (hex: string) => Buffer.from(hex.replaceAll(" ", ""), "hex");

describe("heldButtons", () => {
  it("reads each button from its byte and mask", () => {
    expect([...heldButtons(report("00 03 00"), mapping)]).toEqual(["sos", "service"]);
    expect([...heldButtons(report("00 00 80"), mapping)]).toEqual(["call"]);
    expect([...heldButtons(report("00 00 00"), mapping)]).toEqual([]);
  });

  it("needs every bit of a multi-bit mask", () => {
    expect(heldButtons(report("00 00 02"), mapping).has("ok")).toBe(false);
    expect(heldButtons(report("00 00 03"), mapping).has("ok")).toBe(true);
  });

  it("rejects a report too short for the mapping instead of faking a release", () => {
    expect(() => heldButtons(report("00 01"), mapping)).toThrow(HidReportError);
    expect(() => heldButtons(report("00 01"), mapping)).toThrow(/no byte 2 \(button "call"\)/);
  });
});

describe("ButtonEdgeDetector", () => {
  it("turns a bouncing contact into one press and one release", () => {
    const detector = new ButtonEdgeDetector(50);
    const sos = new Set(["sos"]);
    const none = new Set<string>();
    expect(detector.update(sos, 0)).toEqual([{ button: "sos", kind: "press" }]);
    expect(detector.update(none, 5)).toEqual([]);
    expect(detector.update(sos, 9)).toEqual([]);
    expect(detector.nextSettleAt()).toBeUndefined();
    expect(detector.update(none, 200)).toEqual([{ button: "sos", kind: "release" }]);
  });

  it("reports a quick real release when the lockout ends", () => {
    const detector = new ButtonEdgeDetector(50);
    detector.update(new Set(["call"]), 1000);
    expect(detector.update(new Set(), 1020)).toEqual([]);
    expect(detector.nextSettleAt()).toBe(1050);
    expect(detector.settle(1049)).toEqual([]);
    expect(detector.settle(1050)).toEqual([{ button: "call", kind: "release" }]);
    expect(detector.nextSettleAt()).toBeUndefined();
  });

  it("tracks buttons independently", () => {
    const detector = new ButtonEdgeDetector(50);
    detector.update(new Set(["sos"]), 0);
    expect(detector.update(new Set(["sos", "ok"]), 10)).toEqual([{ button: "ok", kind: "press" }]);
  });
});

/** Stands in for a node-hid HIDAsync handle: this machine has no /dev/uhid to make a real one. */
class FakeHidDevice extends EventEmitter implements HidInputDevice {
  closed = false;
  close(): void {
    this.closed = true;
  }
  send(hex: string): void {
    this.emit("data", report(hex));
  }
}

class FakeHid implements HidAccess {
  plugged = true;
  openError: Error | undefined;
  opened: FakeHidDevice[] = [];
  readonly info: HidDeviceInfo = { vendorId: 0x0483, productId: 0x5750, path: "/dev/hidraw3" };

  async list(vendorId: number, productId: number): Promise<HidDeviceInfo[]> {
    return this.plugged && vendorId === this.info.vendorId && productId === this.info.productId
      ? [this.info]
      : [];
  }
  async open(device: HidDeviceInfo): Promise<HidInputDevice> {
    expect(device.path).toBe("/dev/hidraw3");
    if (this.openError) throw this.openError;
    const handle = new FakeHidDevice();
    this.opened.push(handle);
    return handle;
  }
  get current(): FakeHidDevice {
    const device = this.opened.at(-1);
    if (!device) throw new Error("nothing opened");
    return device;
  }
  /** What happens when the box is pulled out: the read loop fails, the device leaves the list. */
  unplug(): void {
    this.plugged = false;
    this.current.emit("error", new Error("could not read from HID device"));
  }
}

async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const started: ButtonSource[] = [];
afterEach(async () => {
  while (started.length > 0) await started.pop()?.stop();
});

function record(source: ButtonSource) {
  const presses: string[] = [];
  const releases: string[] = [];
  const health: DeviceHealth[] = [];
  source.on("press", (press: ButtonPress) => presses.push(press.button));
  source.on("release", (press: ButtonPress) => releases.push(press.button));
  source.health.on("change", (change) => health.push(change));
  return { presses, releases, health };
}

function box(hid: FakeHid, debounceMs = 30): HidButtonBox {
  const driver = new HidButtonBox({
    name: "elder-buttons",
    vendorId: 0x0483,
    productId: 0x5750,
    buttons: mapping,
    hid,
    debounceMs,
    pollIntervalMs: 20,
  });
  started.push(driver);
  return driver;
}

describe("HidButtonBox", () => {
  it("emits debounced presses and releases from input reports", async () => {
    const hid = new FakeHid();
    const driver = box(hid);
    const seen = record(driver);
    await driver.start();
    expect(driver.health.current).toEqual({ device: "elder-buttons", status: "ok" });

    hid.current.send("00 01 00");
    hid.current.send("00 00 00");
    hid.current.send("00 01 00");
    expect(seen.presses).toEqual(["sos"]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    hid.current.send("00 00 00");
    expect(seen.releases).toEqual(["sos"]);

    hid.current.send("00 00 83");
    expect(seen.presses).toEqual(["sos", "call", "ok"]);
  });

  it("reports a release that came within the lockout once the lockout ends", async () => {
    const hid = new FakeHid();
    const driver = box(hid, 40);
    const seen = record(driver);
    await driver.start();
    hid.current.send("00 02 00");
    hid.current.send("00 00 00");
    expect(seen.releases).toEqual([]);
    await until(() => seen.releases.length === 1);
    expect(seen.releases).toEqual(["service"]);
  });

  it("ignores reports that do not fit the mapping", async () => {
    const hid = new FakeHid();
    const driver = box(hid);
    const seen = record(driver);
    await driver.start();
    hid.current.send("01");
    hid.current.send("00 01 00");
    expect(seen.presses).toEqual(["sos"]);
    expect(driver.health.current.status).toBe("ok");
  });

  it("goes unavailable when the box is unplugged and recovers when it is plugged back", async () => {
    const hid = new FakeHid();
    const driver = box(hid);
    const seen = record(driver);
    await driver.start();
    hid.current.send("00 01 00");
    const first = hid.current;

    hid.unplug();
    expect(first.closed).toBe(true);
    expect(driver.health.current).toEqual({
      device: "elder-buttons",
      status: "unavailable",
      reason: "HID 0483:5750 lost: could not read from HID device",
    });
    await until(() => driver.health.current.reason === "HID 0483:5750 not connected");

    hid.plugged = true;
    await until(() => driver.health.current.status === "ok");
    expect(hid.opened).toHaveLength(2);
    // The button held at unplug time does not count as still held: pressing it again is a press.
    hid.current.send("00 01 00");
    expect(seen.presses).toEqual(["sos", "sos"]);
    expect(seen.health.map((change) => `${change.status} ${change.reason ?? ""}`.trim())).toEqual([
      "ok",
      "unavailable HID 0483:5750 lost: could not read from HID device",
      "unavailable HID 0483:5750 not connected",
      "ok",
    ]);
  });

  it("waits for a box that is absent at start, and retries one it cannot open", async () => {
    const hid = new FakeHid();
    hid.plugged = false;
    const driver = box(hid);
    await driver.start();
    expect(driver.health.current.reason).toBe("HID 0483:5750 not connected");

    hid.openError = new Error("EACCES: permission denied");
    hid.plugged = true;
    await until(() => driver.health.current.reason?.startsWith("cannot open") ?? false);
    expect(driver.health.current.reason).toBe("cannot open HID 0483:5750: EACCES: permission denied");

    hid.openError = undefined;
    await until(() => driver.health.current.status === "ok");
  });

  it("keeps the device open when a press listener throws", async () => {
    const hid = new FakeHid();
    const driver = box(hid);
    driver.on("press", () => {
      throw new Error("listener bug");
    });
    await driver.start();
    hid.current.send("00 01 00");
    expect(driver.health.current.status).toBe("ok");
    expect(hid.current.closed).toBe(false);
  });

  it("closes the device on stop", async () => {
    const hid = new FakeHid();
    const driver = box(hid);
    await driver.start();
    await driver.stop();
    expect(hid.current.closed).toBe(true);
    expect(driver.health.current.status).toBe("unavailable");
  });
});

describe("KeyboardButtonMapper", () => {
  it("maps by physical code first, then by key", () => {
    const mapper = new KeyboardButtonMapper({ keys: { F1: "sos", Numpad5: "call", Enter: "ok" } });
    expect(mapper.buttonFor({ key: "F1", code: "F1" })).toBe("sos");
    expect(mapper.buttonFor({ key: "5", code: "Numpad5" })).toBe("call");
    expect(mapper.buttonFor({ key: "Enter", code: "NumpadEnter" })).toBe("ok");
    expect(mapper.buttonFor({ key: "a", code: "KeyA" })).toBeUndefined();
    expect(mapper.buttonFor({ key: "toString" })).toBeUndefined();
  });

  it("ignores auto-repeat and the double keystroke of one press", () => {
    const mapper = new KeyboardButtonMapper({ keys: DEFAULT_KEYBOARD_BUTTONS, debounceMs: 300 });
    expect(mapper.keydown({ key: "F1", code: "F1" }, 1000)).toBe("sos");
    expect(mapper.keydown({ key: "F1", code: "F1", repeat: true }, 1100)).toBeUndefined();
    expect(mapper.keydown({ key: "F1", code: "F1" }, 1150)).toBeUndefined();
    expect(mapper.keydown({ key: "F2", code: "F2" }, 1150)).toBe("service");
    expect(mapper.keydown({ key: "F1", code: "F1" }, 1400)).toBe("sos");
  });
});

describe("createButtons", () => {
  it("builds a HID box from JSON config with hex ids", async () => {
    const hid = new FakeHid();
    const driver = createButtons(
      {
        type: "hid",
        vendorId: "0x0483",
        productId: 0x5750,
        buttons: [{ name: "sos", byte: 1, mask: 1 }],
      },
      { hid },
    );
    started.push(driver);
    const seen = record(driver);
    await driver.start();
    hid.current.send("00 01");
    expect(seen.presses).toEqual(["sos"]);
  });

  it("builds keyboard-wedge buttons", async () => {
    const driver = createButtons({ type: "keyboard", keys: { F9: "sos" } });
    started.push(driver);
    expect(driver).toBeInstanceOf(KeyboardButtons);
    const seen = record(driver);
    await driver.start();
    expect(driver.health.current.status).toBe("ok");
    const keyboard = driver as KeyboardButtons;
    expect(keyboard.handleKeyDown({ key: "F9", code: "F9" })).toBe(true);
    expect(keyboard.handleKeyDown({ key: "x", code: "KeyX" })).toBe(false);
    expect(keyboard.handleKeyUp({ key: "F9", code: "F9" })).toBe(true);
    expect(seen).toMatchObject({ presses: ["sos"], releases: ["sos"] });
  });

  it("rejects bad config with a clear message", () => {
    expect(() => createButtons({ type: "hid", vendorId: "0483", productId: 1, buttons: [] })).toThrow(
      'invalid buttons config:\n✖ expected a USB id: a number 0-65535 or a hex string like "0x0483"\n  → at vendorId\n' +
        "✖ Too small: expected array to have >=1 items\n  → at buttons",
    );
    expect(() => createButtons({ type: "serial" } as never)).toThrow(/invalid buttons config/);
  });
});

describe("nodeHidAccess (real node-hid)", () => {
  it("enumerates through node-hid and reports an absent box as not connected", async () => {
    const hid = nodeHidAccess();
    expect(await hid.list(0xfffe, 0xfffd)).toEqual([]);
    await expect(
      hid.open({ vendorId: 0xfffe, productId: 0xfffd, path: "/dev/linli-no-such-hidraw" }),
    ).rejects.toThrow();
    const driver = createButtons({ type: "hid", vendorId: "0xfffe", productId: "0xfffd", buttons: mapping });
    started.push(driver);
    await driver.start();
    expect(driver.health.current).toEqual({
      device: "buttons",
      status: "unavailable",
      reason: "HID fffe:fffd not connected",
    });
  });
});
