import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildHikvisionAlertXml, buildHikvisionPushBody } from "@linli/hardware/camera/hikvision-anpr";
import { HikvisionCameraSimulator } from "@linli/hardware/camera/hikvision-simulator";
import { isJpeg } from "@linli/hardware/camera/tiny-jpeg";
import { UhppoteSimulator } from "@linli/hardware/gate/uhppote-simulator";
import type {
  CameraSummary,
  DeviceHealthChange,
  GateEventView,
  GateSummary,
  PlateRead,
} from "@linli/protocol";
import { io, type Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { connected, eventually, startTestServer, type TestServer } from "../../test/harness";

const SERIAL = 423187757;
const CAMERA_TOKEN = "camera-token-0123456789abcdef";
const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "linli-devices-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function gateSimulator(port = 0): Promise<{ sim: UhppoteSimulator; port: number }> {
  const sim = new UhppoteSimulator({ serialNumber: SERIAL, host: "127.0.0.1", port });
  const bound = await sim.start();
  cleanups.push(() => sim.stop());
  return { sim, port: bound.port };
}

/** A server whose devices file names one gate (on the simulator's port) and one pushing camera. */
async function serverWithDevices(gatePort: number, extra: { cameras?: Record<string, unknown> } = {}) {
  const file = join(tempDir(), "devices.json");
  writeFileSync(
    file,
    JSON.stringify({
      gates: {
        "xiangbin-east": {
          type: "uhppote",
          host: "127.0.0.1",
          port: gatePort,
          serialNumber: SERIAL,
          listen: "127.0.0.1:0",
          timeoutMs: 100,
          retries: 0,
          healthIntervalMs: 100,
          communityId: "xiangbin",
          doors: { "1": "东门", "2": "东门车库" },
        },
      },
      cameras: {
        "xiangbin-east-lpr": {
          type: "hikvision-push",
          token: CAMERA_TOKEN,
          maxBodyBytes: 64 * 1024,
          communityId: "xiangbin",
          location: "东门车道",
        },
        ...extra.cameras,
      },
    }),
  );
  const server = await startTestServer({ devicesFile: file });
  cleanups.push(() => server.close());
  return server;
}

function consoleSocket(server: TestServer, token = server.adminToken): Socket {
  const socket = io(`${server.url}/console`, {
    auth: { token },
    transports: ["websocket"],
    reconnection: false,
  });
  cleanups.push(() => socket.disconnect());
  return socket;
}

/** Collects what a console receives, by event name. */
function record<T>(socket: Socket, event: string): T[] {
  const received: T[] = [];
  socket.on(event, (payload: T) => received.push(payload));
  return received;
}

async function gateHealth(server: TestServer): Promise<GateSummary> {
  const { body } = await server.api<{ gates: GateSummary[] }>("GET", "/api/v1/devices");
  return body.gates[0]!;
}

describe("gates from the devices file", () => {
  it("opens a door, issues and removes a card, and reports swipes to the console", async () => {
    const { sim, port } = await gateSimulator();
    const server = await serverWithDevices(port);
    const socket = consoleSocket(server);
    await connected(socket);
    const gateEvents = record<GateEventView>(socket, "gate:event");

    // Health ok also means the server has pointed the controller at its event listener.
    await eventually(async () => (await gateHealth(server)).health.status === "ok");
    const gate = await gateHealth(server);
    expect(gate).toMatchObject({
      name: "xiangbin-east",
      communityId: "xiangbin",
      serialNumber: SERIAL,
      doors: [
        { door: 1, name: "东门" },
        { door: 2, name: "东门车库" },
      ],
      listener: { host: "127.0.0.1", port: expect.any(Number) },
    });

    const opened = await server.api("POST", "/api/v1/gates/xiangbin-east/open", { door: 1 });
    expect(opened).toEqual({
      status: 200,
      body: { gate: "xiangbin-east", door: 1, doorName: "东门", opened: true },
    });
    expect(sim.events.at(-1)).toMatchObject({ door: 1, reason: 44, granted: true });
    expect(sim.status().relays & 1).toBe(1);
    await eventually(() => gateEvents.some((event) => event.reason === 44));
    expect(gateEvents.at(-1)).toMatchObject({
      gate: "xiangbin-east",
      type: "door",
      door: 1,
      doorName: "东门",
      reasonText: "remote open door",
      granted: true,
      card: null,
    });
    expect((await server.api("POST", "/api/v1/gates/xiangbin-east/open", { door: 3 })).status).toBe(400);
    expect((await server.api("POST", "/api/v1/gates/nowhere/open", { door: 1 })).status).toBe(404);

    const card = { from: "2025-01-01", to: "2099-12-31", doors: { "1": true } };
    const issued = await server.api("PUT", "/api/v1/gates/xiangbin-east/cards/10058400", card);
    expect(issued).toEqual({ status: 200, body: { card: 10058400, ...card } });
    expect(sim.cards).toEqual([
      { cardNumber: 10058400, from: "2025-01-01", to: "2099-12-31", doors: [1, 0, 0, 0], pin: 0 },
    ]);
    const listed = await server.api("GET", "/api/v1/gates/xiangbin-east/cards");
    expect(listed.body).toEqual({ count: 1, cards: [{ card: 10058400, ...card }], next: null });

    const swipe = sim.swipe(10058400, 1);
    expect(swipe.granted).toBe(true);
    await eventually(() => gateEvents.some((event) => event.type === "swipe"));
    expect(gateEvents.at(-1)).toMatchObject({
      type: "swipe",
      card: 10058400,
      granted: true,
      door: 1,
      doorName: "东门",
      direction: "in",
      reasonText: "card swiped",
    });
    // Door 2 is not on this card: denied at the controller, reported with the reason.
    expect(sim.swipe(10058400, 2).granted).toBe(false);
    await eventually(() => gateEvents.some((event) => event.type === "swipe" && !event.granted));

    expect((await server.api("DELETE", "/api/v1/gates/xiangbin-east/cards/10058400")).status).toBe(204);
    expect(sim.cards).toEqual([]);
    expect((await server.api("DELETE", "/api/v1/gates/xiangbin-east/cards/10058400")).status).toBe(404);
    expect(sim.swipe(10058400, 1).granted).toBe(false);
    await eventually(
      () => gateEvents.filter((event) => event.type === "swipe" && !event.granted).length === 2,
    );
    expect(gateEvents.at(-1)?.reasonText).toBe("denied: no access");

    // Bad cards change nothing on the controller.
    const bad = await server.api("PUT", "/api/v1/gates/xiangbin-east/cards/7", {
      ...card,
      doors: { "4": true },
    });
    expect(bad.status).toBe(400);
    const backwards = await server.api("PUT", "/api/v1/gates/xiangbin-east/cards/7", {
      ...card,
      from: "2030-01-01",
      to: "2029-01-01",
    });
    expect(backwards.status).toBe(400);
    expect(sim.cards).toEqual([]);

    const stored = await server.api<{ events: GateEventView[] }>(
      "GET",
      "/api/v1/gate-events?gate=xiangbin-east&limit=3",
    );
    expect(stored.body.events.map((event) => [event.type, event.card, event.granted])).toEqual([
      ["swipe", 10058400, false],
      ["swipe", 10058400, false],
      ["swipe", 10058400, true],
    ]);

    const audit = await server.api<{ entries: Array<{ action: string; detail: Record<string, unknown> }> }>(
      "GET",
      "/api/v1/audit?limit=20",
    );
    const actions = audit.body.entries.map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(["gate.door_opened", "gate.card_issued", "gate.card_removed"]),
    );
    expect(audit.body.entries.find((entry) => entry.action === "gate.door_opened")?.detail).toEqual({
      door: 1,
      doorName: "东门",
      result: "opened",
    });
  });

  it("keeps gate operations to the roles and community that may use them", async () => {
    const { port } = await gateSimulator();
    const server = await serverWithDevices(port);
    const signIn = async (role: string, communityId: string | null, username: string) => {
      const created = await server.api("POST", "/api/v1/staff", {
        username,
        displayName: username,
        password: "password-for-tests",
        role,
        communityId,
      });
      expect(created.status).toBe(201);
      const login = await server.api<{ token: string }>(
        "POST",
        "/api/v1/auth/login",
        { username, password: "password-for-tests" },
        null,
      );
      return login.body.token;
    };
    const caseworker = await signIn("caseworker", null, "caseworker1");
    const elsewhere = await signIn("community_staff", "quantang", "quantang1");

    expect(
      (await server.api("POST", "/api/v1/gates/xiangbin-east/open", { door: 1 }, caseworker)).status,
    ).toBe(403);
    expect((await server.api("PUT", "/api/v1/gates/xiangbin-east/cards/5", {}, caseworker)).status).toBe(403);
    expect((await server.api("GET", "/api/v1/devices", undefined, null)).status).toBe(401);
    const theirs = await server.api<{ gates: unknown[]; cameras: unknown[] }>(
      "GET",
      "/api/v1/devices",
      undefined,
      elsewhere,
    );
    expect(theirs.body).toEqual({ gates: [], cameras: [] });
    const visible = await server.api<{ gates: unknown[]; cameras: unknown[] }>(
      "GET",
      "/api/v1/devices",
      undefined,
      caseworker,
    );
    expect(visible.body.gates).toHaveLength(1);
    expect(visible.body.cameras).toHaveLength(1);
  });

  it("reports a controller that goes away and comes back, on the API and to consoles", async () => {
    const first = await gateSimulator();
    const server = await serverWithDevices(first.port);
    const socket = consoleSocket(server);
    await connected(socket);
    const changes = record<DeviceHealthChange>(socket, "device:health");
    await eventually(async () => (await gateHealth(server)).health.status === "ok");

    await first.sim.stop(); // unplugged
    await eventually(async () => (await gateHealth(server)).health.status === "unavailable");
    expect((await gateHealth(server)).health.reason).toMatch(/no reply from controller/);
    const unplugged = await server.api("POST", "/api/v1/gates/xiangbin-east/open", { door: 1 });
    expect(unplugged.status).toBe(503);
    expect(unplugged.body).toMatchObject({ error: { code: "unavailable" } });

    const second = await gateSimulator(first.port); // plugged in again: a controller fresh from reset
    await eventually(async () => (await gateHealth(server)).health.status === "ok");
    // Its listener was set again, so its events arrive.
    const gateEvents = record<GateEventView>(socket, "gate:event");
    second.sim.pressButton(1);
    await eventually(() => gateEvents.some((event) => event.reasonText === "push button"));

    const statuses = changes.filter((change) => change.name === "xiangbin-east").map((c) => c.health.status);
    expect(statuses).toEqual(expect.arrayContaining(["unavailable", "ok"]));
    expect(statuses.indexOf("ok", statuses.indexOf("unavailable"))).toBeGreaterThan(-1);
    expect(changes.at(-1)).toMatchObject({ kind: "gate", communityId: "xiangbin", health: { status: "ok" } });
  });
});

describe("Hikvision cameras pushing to the server", () => {
  const pushUrl = (server: TestServer, token = CAMERA_TOKEN) =>
    `${server.url}/api/v1/cameras/xiangbin-east-lpr/anpr?token=${encodeURIComponent(token)}`;

  it("stores a plate read with its pictures on disk and pushes it to the console", async () => {
    const { port } = await gateSimulator();
    const server = await serverWithDevices(port);
    const socket = consoleSocket(server);
    await connected(socket);
    const reads = record<PlateRead>(socket, "plate:read");

    const camera = new HikvisionCameraSimulator({ pushUrl: pushUrl(server) });
    expect(await camera.drive("湘A12345", "entry", { confidence: 93 })).toEqual({ status: 200, body: "OK" });
    await eventually(() => reads.length === 1);
    const [read] = reads;
    expect(read).toMatchObject({
      camera: "xiangbin-east-lpr",
      communityId: "xiangbin",
      location: "东门车道",
      source: "hikvision",
      plate: "湘A12345",
      direction: "entry",
      confidence: 93,
      plateColor: "blue",
    });
    expect(read!.pictures.map((picture) => picture.kind)).toEqual(["plate", "scene"]);

    const files = readdirSync(join(server.dataDir, "plate-pictures"), {
      recursive: true,
      withFileTypes: true,
    })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
    expect(files).toHaveLength(2);
    for (const file of files) expect(isJpeg(readFileSync(file))).toBe(true);

    const picture = await fetch(server.url + read!.pictures[0]!.url, {
      headers: { authorization: `Bearer ${server.adminToken}` },
    });
    expect(picture.status).toBe(200);
    expect(picture.headers.get("content-type")).toBe("image/jpeg");
    expect(isJpeg(Buffer.from(await picture.arrayBuffer()))).toBe(true);
    expect((await fetch(server.url + read!.pictures[0]!.url)).status).toBe(401);

    const listed = await server.api<{ reads: PlateRead[] }>(
      "GET",
      "/api/v1/plate-reads?camera=xiangbin-east-lpr&limit=10",
    );
    expect(listed.body.reads).toEqual([read]);
    const audit = await server.api<{ entries: Array<{ action: string; targetId: string; detail: unknown }> }>(
      "GET",
      "/api/v1/audit?action=plate_reads.read",
    );
    expect(audit.body.entries[0]).toMatchObject({ targetId: "xiangbin-east-lpr", detail: { count: 1 } });

    const spec = await server.api<{ paths: Record<string, Record<string, { tags?: string[] }>> }>(
      "GET",
      "/api/v1/openapi.json",
    );
    for (const path of [
      "/api/v1/devices",
      "/api/v1/gates/{name}/open",
      "/api/v1/gates/{name}/cards",
      "/api/v1/gates/{name}/cards/{card}",
      "/api/v1/gate-events",
      "/api/v1/plate-reads",
      "/api/v1/plate-reads/{id}/pictures/{kind}",
      "/api/v1/cameras/{name}/anpr",
    ]) {
      expect(Object.values(spec.body.paths[path] ?? {})[0]?.tags, path).toEqual(["devices"]);
    }

    // The camera is alive: a heartbeat, or the read itself, makes it ok.
    const { body } = await server.api<{ cameras: CameraSummary[] }>("GET", "/api/v1/devices");
    expect(body.cameras[0]).toMatchObject({
      name: "xiangbin-east-lpr",
      type: "hikvision-push",
      pushPath: "/api/v1/cameras/xiangbin-east-lpr/anpr",
      health: { status: "ok" },
    });
  });

  it("answers malformed pushes 400, wrong tokens 401, oversized 413, and stores nothing", async () => {
    const { port } = await gateSimulator();
    const server = await serverWithDevices(port);
    const socket = consoleSocket(server);
    await connected(socket);
    const reads = record<PlateRead>(socket, "plate:read");
    const camera = new HikvisionCameraSimulator({ pushUrl: pushUrl(server) });

    const push = buildHikvisionPushBody(
      buildHikvisionAlertXml({
        eventType: "ANPR",
        eventState: "active",
        anpr: { licensePlate: "湘A12345", pictures: [] },
      }),
      [],
    );
    const truncated = await camera.post(push.contentType, push.body.subarray(0, push.body.length - 40));
    expect(truncated.status).toBe(400);
    expect(truncated.body).toMatch(/malformed|no EventNotificationAlert/);
    const notXml = await camera.post("application/xml", Buffer.from("<EventNotificationAlert><oops>"));
    expect(notXml.status).toBe(400);
    expect((await camera.post("application/json", Buffer.from("{}"))).status).toBe(415);

    const wrong = new HikvisionCameraSimulator({ pushUrl: pushUrl(server, "not-the-token-at-all") });
    expect((await wrong.drive("湘A12345")).status).toBe(401);
    const none = new HikvisionCameraSimulator({
      pushUrl: `${server.url}/api/v1/cameras/xiangbin-east-lpr/anpr`,
    });
    expect((await none.drive("湘A12345")).status).toBe(401);
    const unknown = new HikvisionCameraSimulator({
      pushUrl: `${server.url}/api/v1/cameras/nowhere/anpr?token=${CAMERA_TOKEN}`,
    });
    expect((await unknown.drive("湘A12345")).status).toBe(404);
    const huge = await camera.post(push.contentType, Buffer.alloc(100 * 1024, 0x41));
    expect(huge.status).toBe(413);
    // Not a Chinese plate: accepted (cameras do not retry) but not stored as a read.
    expect((await camera.drive("无车牌")).status).toBe(200);

    // Basic authentication with the token as the password is accepted too.
    const basic = buildHikvisionPushBody(
      buildHikvisionAlertXml({ eventType: "videoloss", eventState: "inactive", ip: "192.168.1.64" }),
      [],
      "heartbeat.xml",
    );
    const heartbeat = await fetch(`${server.url}/api/v1/cameras/xiangbin-east-lpr/anpr`, {
      method: "POST",
      headers: {
        "content-type": basic.contentType,
        authorization: `Basic ${Buffer.from(`admin:${CAMERA_TOKEN}`).toString("base64")}`,
      },
      body: basic.body,
    });
    expect(heartbeat.status).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reads).toEqual([]);
    const count = server.server.db.prepare("SELECT count(*) AS n FROM plate_reads").get() as { n: number };
    expect(count.n).toBe(0);
    expect(existsSync(join(server.dataDir, "plate-pictures"))).toBe(false);
  });
});

describe("a bad devices file", () => {
  it("stops the server with a message naming the file and every problem", async () => {
    const dir = tempDir();
    const file = join(dir, "devices.json");
    writeFileSync(
      file,
      JSON.stringify({
        gates: {
          "xiangbin-east": {
            type: "uhppote",
            host: "192.168.1.100",
            communityId: "xiangbin",
            doors: { "5": "x" },
          },
        },
        cameras: {
          "Bad Name": { type: "hikvision-push", token: "t", communityId: "xiangbin" },
          "north-lpr": { type: "axis", communityId: "xiangbin" },
        },
      }),
    );
    const dataDir = join(dir, "data");
    const failure = await startTestServer({ devicesFile: file, dataDir }).then(
      () => new Error("the server started"),
      (error: Error) => error,
    );
    expect(failure.message).toContain(`devices file ${file}`);
    for (const problem of [
      "gates.xiangbin-east.serialNumber",
      "gates.xiangbin-east.doors",
      "cameras.Bad Name",
      "cameras.north-lpr.type",
    ]) {
      expect(failure.message).toContain(problem);
    }
    // Nothing was opened or created.
    expect(existsSync(dataDir)).toBe(false);

    writeFileSync(file, "{ not json");
    await expect(startTestServer({ devicesFile: file, dataDir })).rejects.toThrow(/not valid JSON/);
    await expect(startTestServer({ devicesFile: join(dir, "missing.json"), dataDir })).rejects.toThrow(
      /missing\.json: cannot read it/,
    );
  });

  it("makes `npm run server` exit with the message", async () => {
    const dir = tempDir();
    const file = join(dir, "devices.json");
    writeFileSync(file, JSON.stringify({ gates: { "xiangbin-east": { type: "uhppote" } } }));
    const child = spawn(
      join(REPO_ROOT, "node_modules/.bin/tsx"),
      [join(REPO_ROOT, "control-server/server/src/main.ts")],
      {
        env: {
          ...process.env,
          LINLI_DEVICES_FILE: file,
          LINLI_DATA_DIR: join(dir, "data"),
          LINLI_PORT: "0",
          LINLI_HOST: "127.0.0.1",
          LINLI_LOG_LEVEL: "silent",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toContain(`devices file ${file}`);
    expect(stderr).toContain("gates.xiangbin-east.host");
    expect(stderr).toContain("gates.xiangbin-east.communityId");
  });
});
