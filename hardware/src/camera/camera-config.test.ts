import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { createCamera, parseCameraConfig } from "./camera-config";
import { DahuaItcClient } from "./dahua-client";
import { DahuaItcSimulator } from "./dahua-simulator";
import { HikvisionPushReceiver } from "./hikvision-receiver";
import { HikvisionCameraSimulator } from "./hikvision-simulator";
import { OnvifCamera } from "./onvif-camera";
import { OnvifSimulator } from "./onvif-simulator";
import type { PlateEvent } from "./plate-event";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("camera config", () => {
  it("fills defaults and rejects what is wrong, listing every problem", () => {
    expect(
      parseCameraConfig({ type: "dahua", host: "192.168.1.108", username: "admin", password: "x" }),
    ).toEqual({
      type: "dahua",
      host: "192.168.1.108",
      port: 80,
      username: "admin",
      password: "x",
    });
    expect(() => parseCameraConfig({ type: "dahua", host: "", port: 70000, password: 5 })).toThrow(
      /invalid camera config:[\s\S]*host[\s\S]*port[\s\S]*username[\s\S]*password/,
    );
    expect(() =>
      parseCameraConfig({ type: "hikvision-push", utcOffset: "8", directions: { forward: "in" } }),
    ).toThrow(/UTC offset like "\+08:00"[\s\S]*directions/);
    expect(() => parseCameraConfig({ type: "axis", host: "x" })).toThrow(/invalid camera config/);
    expect(() => parseCameraConfig({ type: "onvif", host: "x", pasword: "typo" })).toThrow(/pasword/);
  });

  it("builds each kind of camera from plain JSON", () => {
    expect(createCamera({ type: "hikvision-push" })).toBeInstanceOf(HikvisionPushReceiver);
    expect(createCamera({ type: "dahua", host: "h", username: "u", password: "p" })).toBeInstanceOf(
      DahuaItcClient,
    );
    expect(createCamera({ type: "onvif", host: "h" })).toBeInstanceOf(OnvifCamera);
  });

  it("gives working devices through configuration alone", async () => {
    const dahua = new DahuaItcSimulator({ username: "admin", password: "pw" });
    const dahuaAddress = await dahua.start();
    cleanups.push(() => dahua.stop());
    const dahuaClient = createCamera({
      type: "dahua",
      id: "east-gate",
      host: "127.0.0.1",
      port: dahuaAddress.port,
      username: "admin",
      password: "pw",
      heartbeatSeconds: 0.2,
    }) as DahuaItcClient;
    await dahuaClient.start();
    cleanups.push(() => dahuaClient.stop());

    const receiver = createCamera({
      type: "hikvision-push",
      listen: { host: "127.0.0.1", port: 0 },
    }) as HikvisionPushReceiver;
    await receiver.start();
    cleanups.push(() => receiver.stop());

    const onvifDevice = new OnvifSimulator();
    const onvifAddress = await onvifDevice.start();
    cleanups.push(() => onvifDevice.stop());
    const onvifCamera = createCamera({
      type: "onvif",
      host: "127.0.0.1",
      port: onvifAddress.port,
    }) as OnvifCamera;

    await new Promise<void>((resolve) => dahuaClient.health.once("change", () => resolve()));
    expect(dahuaClient.health.current.status).toBe("ok");
    const fromDahua = once(dahuaClient, "plate") as Promise<[PlateEvent]>;
    dahua.drive("湘A12345", "exit");
    expect((await fromDahua)[0]).toMatchObject({
      cameraId: "east-gate",
      plate: "湘A12345",
      direction: "exit",
    });

    const fromHikvision = once(receiver, "plate") as Promise<[PlateEvent]>;
    await new HikvisionCameraSimulator({ pushUrl: `http://127.0.0.1:${receiver.address!.port}/` }).drive(
      "湘B12345",
    );
    expect((await fromHikvision)[0]).toMatchObject({ plate: "湘B12345", direction: "entry" });

    expect((await onvifCamera.deviceInformation()).model).toBe("SIM-ONVIF-1");
  });
});
