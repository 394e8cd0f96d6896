import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { DeviceHealth } from "../health";
import { OnvifCamera, type OnvifCameraOptions } from "./onvif-camera";
import { OnvifSimulator } from "./onvif-simulator";
import { isJpeg } from "./tiny-jpeg";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const credentials = { username: "admin", password: "onvif-pass" };

async function startPair(clientOptions: Partial<OnvifCameraOptions> = {}) {
  const device = new OnvifSimulator({
    credentials,
    deviceInformation: { serialNumber: "20250501", firmwareVersion: "5.6" },
  });
  const { port } = await device.start();
  cleanups.push(() => device.stop());
  const camera = new OnvifCamera({
    id: "lobby",
    host: "127.0.0.1",
    port,
    ...credentials,
    timeoutMs: 2000,
    ...clientOptions,
  });
  cleanups.push(() => camera.stop());
  return { device, camera, port };
}

function untilHealth(camera: OnvifCamera, status: DeviceHealth["status"]): Promise<DeviceHealth> {
  if (camera.health.current.status === status) return Promise.resolve(camera.health.current);
  return new Promise((resolve) => {
    const listener = (health: DeviceHealth) => {
      if (health.status !== status) return;
      camera.health.off("change", listener);
      resolve(health);
    };
    camera.health.on("change", listener);
  });
}

describe("OnvifCamera (onvif package) against the ONVIF simulator", () => {
  it("reads device information, the snapshot URI and the JPEG", async () => {
    const { device, camera, port } = await startPair();
    expect(await camera.deviceInformation()).toEqual({
      manufacturer: "Linli",
      model: "SIM-ONVIF-1",
      firmwareVersion: "5.6",
      serialNumber: "20250501",
      hardwareId: "sim-1",
    });
    expect((await camera.snapshotUri()).href).toBe(`http://127.0.0.1:${port}/onvif/snapshot.jpg`);
    const snapshot = await camera.snapshot();
    expect(snapshot.contentType).toBe("image/jpeg");
    expect(isJpeg(snapshot.bytes)).toBe(true);
    expect(device.snapshotsServed).toBe(1);
  });

  it("fails clearly with a wrong password, on SOAP and nothing else", async () => {
    const { device, camera } = await startPair({ password: "wrong" });
    await expect(camera.deviceInformation()).rejects.toThrow(/Sender not authorized/);
    expect(device.snapshotsServed).toBe(0);
  });

  it("refuses snapshots without the Digest answer", async () => {
    const { port } = await startPair();
    const status = await new Promise<number>((resolve, reject) =>
      http
        .get(`http://127.0.0.1:${port}/onvif/snapshot.jpg`, (response) => {
          response.resume();
          resolve(response.statusCode!);
        })
        .once("error", reject),
    );
    expect(status).toBe(401);
  });

  it("keeps health from periodic probes and recovers when the camera comes back", async () => {
    const { device, camera, port } = await startPair({ pollIntervalMs: 100, reconnectMinMs: 50 });
    await camera.start();
    await untilHealth(camera, "ok");

    await device.stop();
    const down = await untilHealth(camera, "unavailable");
    expect(down.reason).toMatch(/^ONVIF failed: .*ECONNREFUSED/);

    const again = new OnvifSimulator({ port, credentials });
    await again.start();
    cleanups.push(() => again.stop());
    await untilHealth(camera, "ok");
    expect((await camera.snapshot()).bytes.length).toBeGreaterThan(100);
  });

  it("gives up on a camera whose profiles match no video source instead of hanging", async () => {
    // The onvif package throws inside its own callbacks on such cameras and never calls back.
    const { port } = await startPair();
    const rewriting = http.createServer((request, response) => {
      const upstream = http.request(
        { host: "127.0.0.1", port, path: request.url, method: request.method, headers: request.headers },
        async (answer) => {
          const chunks: Buffer[] = [];
          for await (const chunk of answer) chunks.push(chunk as Buffer);
          const body = Buffer.concat(chunks)
            .toString()
            .replace('VideoSources token="VideoSource_1"', 'VideoSources token="Other"');
          response.writeHead(answer.statusCode!, { "content-type": answer.headers["content-type"]! });
          response.end(body);
        },
      );
      request.pipe(upstream);
    });
    await new Promise<void>((resolve) => rewriting.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise<void>((resolve) => rewriting.close(() => resolve())));
    const camera = new OnvifCamera({
      host: "127.0.0.1",
      port: (rewriting.address() as AddressInfo).port,
      ...credentials,
      timeoutMs: 200,
    });
    await expect(camera.deviceInformation()).rejects.toThrow("connect: no result within 1000 ms");
  });

  it("is unavailable with a reason when nothing answers", async () => {
    const { device, port } = await startPair();
    await device.stop();
    const camera = new OnvifCamera({ host: "127.0.0.1", port, timeoutMs: 500, reconnectMinMs: 1000 });
    cleanups.push(() => camera.stop());
    await camera.start();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(camera.health.current).toMatchObject({ device: `127.0.0.1:${port}`, status: "unavailable" });
    expect(camera.health.current.reason).toMatch(/ECONNREFUSED/);
  });
});
