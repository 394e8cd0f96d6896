import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import type { DeviceHealth } from "../health";
import { DahuaItcClient, type DahuaItcClientOptions } from "./dahua-client";
import { DahuaItcSimulator } from "./dahua-simulator";
import type { PlateEvent, RejectedPlate } from "./plate-event";
import { isJpeg } from "./tiny-jpeg";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startPair(clientOptions: Partial<DahuaItcClientOptions> = {}) {
  const camera = new DahuaItcSimulator({ username: "admin", password: "itc-pass" });
  const { port } = await camera.start();
  cleanups.push(() => camera.stop());
  const client = new DahuaItcClient({
    id: "south-gate",
    host: "127.0.0.1",
    port,
    username: "admin",
    password: "itc-pass",
    heartbeatSeconds: 0.2,
    reconnectMinMs: 50,
    reconnectMaxMs: 200,
    pictureWaitMs: 100,
    ...clientOptions,
  });
  cleanups.push(() => client.stop());
  return { camera, client, port };
}

function untilHealth(client: DahuaItcClient, status: DeviceHealth["status"]): Promise<DeviceHealth> {
  if (client.health.current.status === status) return Promise.resolve(client.health.current);
  return new Promise((resolve) => {
    const listener = (health: DeviceHealth) => {
      if (health.status !== status) return;
      client.health.off("change", listener);
      resolve(health);
    };
    client.health.on("change", listener);
  });
}

describe("DahuaItcClient against the Dahua simulator", () => {
  it("turns ok on heartbeats and emits each car with its JPEG and ParkType direction", async () => {
    const { camera, client } = await startPair();
    const heartbeats: number[] = [];
    client.on("heartbeat", () => heartbeats.push(Date.now()));
    await client.start();
    await untilHealth(client, "ok");
    expect(camera.streamCount).toBe(1);

    const entry = once(client, "plate") as Promise<[PlateEvent]>;
    expect(camera.drive("湘A12345", "entry")).toBe(1);
    const [plate] = await entry;
    expect(plate).toMatchObject({
      source: "dahua",
      cameraId: "south-gate",
      ip: "127.0.0.1",
      channel: 0,
      plate: "湘A12345",
      plateColor: "Blue",
      confidence: 96,
      direction: "entry",
      vehicleType: "Motor",
    });
    expect(plate.at).toMatch(/\+08:00$/);
    expect(Math.abs(Date.parse(plate.at) - Date.now())).toBeLessThan(5000);
    expect(plate.pictures).toHaveLength(1);
    expect(plate.pictures[0]).toMatchObject({ kind: "scene", contentType: "image/jpeg" });
    expect(isJpeg(plate.pictures[0]!.bytes)).toBe(true);

    const exit = once(client, "plate") as Promise<[PlateEvent]>;
    camera.drive("粤BD12345", "exit");
    expect((await exit)[0]).toMatchObject({ plate: "粤BD12345", direction: "exit" });

    const unknown = once(client, "plate") as Promise<[PlateEvent]>;
    camera.drive("京N8P8F8", "unknown");
    expect((await unknown)[0].direction).toBe("unknown");

    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(heartbeats.length).toBeGreaterThanOrEqual(2);
    expect(client.health.current).toEqual({ device: "south-gate", status: "ok" });
  });

  it("uses the configured direction when the event has no ParkType, and rejects non-plates", async () => {
    const { camera, client } = await startPair({ direction: "exit" });
    const plates: PlateEvent[] = [];
    const rejected: RejectedPlate[] = [];
    client.on("plate", (plate) => plates.push(plate));
    client.on("rejected", (read) => rejected.push(read));
    await client.start();
    await untilHealth(client, "ok");
    camera.drive("无车牌", "unknown");
    camera.drive("湘A12345", "unknown");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(plates.map((plate) => [plate.plate, plate.direction])).toEqual([["湘A12345", "exit"]]);
    expect(rejected).toMatchObject([{ source: "dahua", cameraId: "south-gate", rawPlate: "无车牌" }]);
  });

  it("reads the camera's system info behind Digest", async () => {
    const { client } = await startPair();
    expect(await client.systemInfo()).toMatchObject({
      deviceType: "ITC237-PW6M-IRLZF",
      serialNumber: "LINLI-ITC-0001",
    });
    const { client: refused } = await startPair({ password: "wrong" });
    await expect(refused.systemInfo()).rejects.toThrow("the camera answered 401 to getSystemInfo");
  });

  it("reports refused credentials and does not crash", async () => {
    const { client } = await startPair({ password: "wrong" });
    await client.start();
    const down = await untilHealth(client, "unavailable");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(client.health.current).toEqual({
      device: "south-gate",
      status: "unavailable",
      reason: "the camera refused the username or password (401)",
    });
    expect(down.status).toBe("unavailable");
  });

  it("reconnects after the stream drops and receives cars again", async () => {
    const { camera, client } = await startPair();
    await client.start();
    await untilHealth(client, "ok");

    const down = untilHealth(client, "unavailable");
    camera.dropStreams();
    expect((await down).reason).toMatch(/closed|broken/);

    await untilHealth(client, "ok");
    expect(camera.streamCount).toBe(1);
    const plate = once(client, "plate") as Promise<[PlateEvent]>;
    camera.drive("湘A54321", "entry");
    expect((await plate)[0].plate).toBe("湘A54321");
  });

  it("goes degraded then reconnects when heartbeats stop, and survives the camera restarting", async () => {
    const { camera, client, port } = await startPair();
    await client.start();
    await untilHealth(client, "ok");

    camera.silence();
    const late = await untilHealth(client, "degraded");
    expect(late.reason).toMatch(/^heartbeat late/);
    const lost = await untilHealth(client, "unavailable");
    expect(lost.reason).toMatch(/^no heartbeat for \d+ s; reconnecting$/);
    camera.silence(false);
    await untilHealth(client, "ok");

    await camera.stop();
    await untilHealth(client, "unavailable");
    const restarted = new DahuaItcSimulator({ port, username: "admin", password: "itc-pass" });
    await restarted.start();
    cleanups.push(() => restarted.stop());
    await untilHealth(client, "ok");
    const plate = once(client, "plate") as Promise<[PlateEvent]>;
    restarted.drive("湘A99999", "exit");
    expect((await plate)[0]).toMatchObject({ plate: "湘A99999", direction: "exit" });
  });
});
