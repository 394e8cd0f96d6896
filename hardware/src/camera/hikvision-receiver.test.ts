import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { DeviceHealth } from "../health";
import { buildHikvisionAlertXml, buildHikvisionPushBody } from "./hikvision-anpr";
import { HikvisionPushReceiver, type HikvisionPushReceiverOptions } from "./hikvision-receiver";
import { HikvisionCameraSimulator } from "./hikvision-simulator";
import type { PlateEvent, RejectedPlate } from "./plate-event";
import { isJpeg } from "./tiny-jpeg";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startReceiver(options: HikvisionPushReceiverOptions = {}) {
  const receiver = new HikvisionPushReceiver({ listen: { host: "127.0.0.1", port: 0 }, ...options });
  await receiver.start();
  cleanups.push(() => receiver.stop());
  const url = `http://127.0.0.1:${receiver.address!.port}/api/v1/cameras/push`;
  const camera = new HikvisionCameraSimulator({ pushUrl: url });
  return { receiver, camera, url };
}

function rawPost(url: string, headers: Record<string, string | number>, body: Buffer | Buffer[]) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(url, { method: "POST", headers });
    request.once("error", reject);
    request.once("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.once("end", () =>
        resolve({ status: response.statusCode!, body: Buffer.concat(chunks).toString() }),
      );
    });
    for (const chunk of Array.isArray(body) ? body : [body]) request.write(chunk);
    request.end();
  });
}

describe("HikvisionPushReceiver over HTTP", () => {
  it("answers 200 to an ANPR push and emits the plate with both pictures", async () => {
    const { receiver, camera } = await startReceiver();
    const plates: PlateEvent[] = [];
    receiver.on("plate", (event) => plates.push(event));
    const health: DeviceHealth[] = [];
    receiver.health.on("change", (change) => health.push(change));

    const result = await camera.drive("湘A12345", "entry");
    expect(result).toEqual({ status: 200, body: "OK" });
    await new Promise((resolve) => setImmediate(resolve));

    expect(plates).toHaveLength(1);
    const [plate] = plates;
    expect(plate).toMatchObject({
      source: "hikvision",
      cameraId: "44:19:b6:00:00:01",
      ip: "192.168.1.64",
      mac: "44:19:b6:00:00:01",
      channel: 1,
      plate: "湘A12345",
      plateColor: "blue",
      confidence: 97,
      direction: "entry",
      vehicleType: "vehicle",
    });
    expect(plate!.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$/);
    expect(Math.abs(Date.parse(plate!.at) - Date.now())).toBeLessThan(5000);
    expect(
      plate!.pictures.map((picture) => [picture.kind, picture.contentType, isJpeg(picture.bytes)]),
    ).toEqual([
      ["plate", "image/jpeg", true],
      ["scene", "image/jpeg", true],
    ]);
    expect(health.at(-1)).toEqual({ device: "hikvision-push", status: "ok" });
  });

  it("maps reverse to exit, or as configured for the gate", async () => {
    const { receiver, camera } = await startReceiver({
      directions: { forward: "exit", reverse: "entry" },
      cameraNames: { "192.168.1.64": "north-gate" },
    });
    const plates: PlateEvent[] = [];
    receiver.on("plate", (event) => plates.push(event));
    await camera.drive("粤BD12345", "exit");
    await camera.drive("粤B12345F", "entry");
    await new Promise((resolve) => setImmediate(resolve));
    expect(plates.map((plate) => [plate.cameraId, plate.plate, plate.direction])).toEqual([
      ["north-gate", "粤BD12345", "entry"],
      ["north-gate", "粤B12345F", "exit"],
    ]);
  });

  it("recognises heartbeats (eventState inactive) and never reports them as plates", async () => {
    const { receiver, camera } = await startReceiver();
    const heartbeats: unknown[] = [];
    const plates: unknown[] = [];
    receiver.on("heartbeat", (heartbeat) => heartbeats.push(heartbeat));
    receiver.on("plate", (plate) => plates.push(plate));
    expect((await camera.heartbeat()).status).toBe(200);
    // An inactive ANPR alert is a heartbeat too, whatever plate text it carries.
    const inactiveAnpr = buildHikvisionAlertXml({
      eventType: "ANPR",
      eventState: "inactive",
      ip: "192.168.1.70",
      anpr: { licensePlate: "湘A12345", pictures: [] },
    });
    expect((await camera.post("application/xml", Buffer.from(inactiveAnpr))).status).toBe(200);
    await new Promise((resolve) => setImmediate(resolve));
    expect(heartbeats).toMatchObject([
      { cameraId: "44:19:b6:00:00:01", ip: "192.168.1.64" },
      { cameraId: "192.168.1.70" },
    ]);
    expect(plates).toEqual([]);
    expect(receiver.health.current.status).toBe("ok");
  });

  it("reports unreadable plates as rejected, not as plates", async () => {
    const { receiver, camera } = await startReceiver();
    const rejected: RejectedPlate[] = [];
    const plates: unknown[] = [];
    receiver.on("rejected", (read) => rejected.push(read));
    receiver.on("plate", (plate) => plates.push(plate));
    expect((await camera.drive("无车牌")).status).toBe(200);
    expect((await camera.drive("湘A1234")).status).toBe(200);
    await new Promise((resolve) => setImmediate(resolve));
    expect(plates).toEqual([]);
    expect(rejected.map((read) => [read.rawPlate, read.reason])).toEqual([
      ["无车牌", expect.stringMatching(/province character/)],
      ["湘A1234", expect.stringMatching(/4 serial characters/)],
    ]);
  });

  it("answers malformed bodies with a clear 400 and keeps serving", async () => {
    const { receiver, camera, url } = await startReceiver();
    const emitted: unknown[] = [];
    for (const name of ["plate", "heartbeat", "rejected"] as const)
      receiver.on(name, (event: unknown) => emitted.push(event));

    const truncated = buildHikvisionPushBody(
      buildHikvisionAlertXml({ eventType: "ANPR", eventState: "active" }),
      [],
    );
    const cut = await camera.post(
      truncated.contentType,
      truncated.body.subarray(0, truncated.body.length - 40),
    );
    expect(cut.status).toBe(400);
    expect(cut.body).toMatch(/malformed|no EventNotificationAlert/);

    const brokenXml = buildHikvisionPushBody("<EventNotificationAlert><eventType>ANPR</eventType>", []);
    const broken = await camera.post(brokenXml.contentType, brokenXml.body);
    expect(broken).toEqual({ status: 400, body: expect.stringMatching(/^the event XML is not well-formed/) });

    const wrongType = await rawPost(
      url,
      { "content-type": "application/json" },
      Buffer.from('{"plate":"湘A12345"}'),
    );
    expect(wrongType).toEqual({
      status: 415,
      body: 'expected multipart/form-data (or XML) from a Hikvision camera, got "application/json"',
    });

    const get = await new Promise<number>((resolve, reject) =>
      http.get(url, (response) => resolve(response.statusCode!)).once("error", reject),
    );
    expect(get).toBe(405);

    await new Promise((resolve) => setImmediate(resolve));
    expect(emitted).toEqual([]);
    expect((await camera.drive("湘A12345")).status).toBe(200);
  });

  it("refuses oversized bodies with 413, declared or streamed, and keeps serving", async () => {
    const { receiver, camera, url } = await startReceiver({ maxBodyBytes: 64 * 1024 });
    const plates: PlateEvent[] = [];
    receiver.on("plate", (event) => plates.push(event));
    const big = buildHikvisionPushBody(buildHikvisionAlertXml({ eventType: "ANPR", eventState: "active" }), [
      { fileName: "detectionPicture.jpg", bytes: Buffer.alloc(100 * 1024, 0xff) },
    ]);

    const declared = await camera.post(big.contentType, big.body);
    expect(declared).toEqual({ status: 413, body: "push larger than 65536 bytes" });

    // Without Content-Length the receiver counts as the body arrives.
    const chunks = Array.from({ length: 10 }, (_, index) =>
      big.body.subarray(index * 10_240, (index + 1) * 10_240),
    );
    const streamed = await rawPost(
      url,
      { "content-type": big.contentType, "transfer-encoding": "chunked" },
      chunks,
    ).catch((error: NodeJS.ErrnoException) => ({ status: 0, body: error.code ?? "" }));
    // Either the 413 arrives before the client finishes sending, or the closed socket resets it.
    expect([413, 0]).toContain(streamed.status);
    if (streamed.status === 0) expect(["ECONNRESET", "EPIPE"]).toContain(streamed.body);

    expect((await camera.drive("湘A12345")).status).toBe(200);
    await new Promise((resolve) => setImmediate(resolve));
    expect(plates.map((plate) => plate.plate)).toEqual(["湘A12345"]);
  });

  it("survives a listener that throws", async () => {
    const { receiver, camera } = await startReceiver();
    const plates: string[] = [];
    receiver.once("plate", () => {
      throw new Error("listener bug");
    });
    expect((await camera.drive("湘A11111")).status).toBe(200);
    receiver.on("plate", (event) => plates.push(event.plate));
    expect((await camera.drive("湘A22222")).status).toBe(200);
    await new Promise((resolve) => setImmediate(resolve));
    expect(plates).toEqual(["湘A22222"]);
  });

  it("turns unavailable when cameras fall silent, and ok again on the next push", async () => {
    const { receiver, camera } = await startReceiver({ staleAfterMs: 150 });
    expect(receiver.health.current).toEqual({
      device: "hikvision-push",
      status: "unavailable",
      reason: "waiting for the first push from a camera",
    });
    await camera.heartbeat();
    await new Promise((resolve) => setImmediate(resolve));
    expect(receiver.health.current.status).toBe("ok");
    const [silent] = (await once(receiver.health, "change")) as [DeviceHealth];
    expect(silent.status).toBe("unavailable");
    expect(silent.reason).toMatch(/^no push for \d+ s/);
    await camera.heartbeat();
    await new Promise((resolve) => setImmediate(resolve));
    expect(receiver.health.current.status).toBe("ok");
  });

  it("can be mounted in another server's route, or fed a body that server already read", async () => {
    const receiver = new HikvisionPushReceiver({ id: "gate-cameras" });
    await receiver.start();
    cleanups.push(() => receiver.stop());
    const server = http.createServer((request, response) => {
      if (request.url === "/api/v1/cameras/push") receiver.handle(request, response);
      else {
        response.writeHead(204);
        response.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const port = (server.address() as AddressInfo).port;
    const plates: PlateEvent[] = [];
    receiver.on("plate", (event) => plates.push(event));

    const camera = new HikvisionCameraSimulator({
      pushUrl: `http://127.0.0.1:${port}/api/v1/cameras/push`,
      ip: "10.1.1.9",
      mac: "",
    });
    expect((await camera.drive("京N8P8F8", "exit")).status).toBe(200);

    const pushed = buildHikvisionPushBody(
      buildHikvisionAlertXml({
        eventType: "ANPR",
        eventState: "active",
        ip: "10.1.1.10",
        dateTime: "2025-05-01T02:20:30Z",
        anpr: { licensePlate: "沪A·12345", direction: "forward", pictures: [] },
      }),
      [],
    );
    expect(await receiver.accept(pushed.contentType, pushed.body)).toEqual({ status: 200, message: "OK" });
    expect(await receiver.accept("text/plain", Buffer.from("hello"))).toMatchObject({ status: 415 });
    await new Promise((resolve) => setImmediate(resolve));

    expect(plates.map((plate) => [plate.cameraId, plate.plate, plate.direction, plate.at.slice(11)])).toEqual(
      [
        ["10.1.1.9", "京N8P8F8", "exit", expect.stringMatching(/\+08:00$/)],
        ["10.1.1.10", "沪A12345", "entry", "10:20:30.000+08:00"],
      ],
    );
    expect(receiver.health.current.status).toBe("ok");
  });
});
