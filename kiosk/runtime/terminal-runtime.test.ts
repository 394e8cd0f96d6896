import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { io } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { eventually, startTestServer, type TestServer } from "../../control-server/server/test/harness";
import type { TerminalSnapshot } from "../bridge/contract";
import { startBrowserBridge } from "./browser-bridge-server";
import { DeviceHost, type HostedDevice } from "./device-host";
import { terminalConfigSchema } from "./terminal-config";
import { TerminalRuntime } from "./terminal-runtime";

const log = pino({ level: "silent" });
let harness: TestServer | null = null;
const runtimes: TerminalRuntime[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const runtime of runtimes.splice(0)) await runtime.stop();
  await harness?.close();
  harness = null;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function newRuntime(
  config: { server: string; enrollmentCode?: string; dataDir?: string },
  devices = new DeviceHost({}, {}, log),
) {
  const dataDir = config.dataDir ?? mkdtempSync(join(tmpdir(), "linli-terminal-"));
  dirs.push(dataDir);
  const runtime = new TerminalRuntime({
    config: terminalConfigSchema.parse({ ...config, dataDir }),
    kind: "kiosk",
    version: "9.9.9",
    log,
    devices,
    link: { ackTimeoutMs: 2000, backoff: { initialMs: 100, maxMs: 500, jitter: 0.5 } },
  });
  runtimes.push(runtime);
  return { runtime, dataDir };
}

async function code(): Promise<string> {
  const response = await harness!.api<{ code: string }>("POST", "/api/v1/terminals/enrollment-codes", {
    kind: "kiosk",
    communityId: "xiangbin",
    name: "湘滨 1号机",
  });
  return response.body.code;
}

const linkState = (runtime: TerminalRuntime) => runtime.snapshot().link.state;

describe("terminal runtime", () => {
  it("enrols once, keeps its credentials private, goes online and reports its version and devices", async () => {
    harness = await startTestServer();
    const printer: HostedDevice = {
      name: "printer",
      health: () => ({ device: "printer", status: "degraded", reason: "paper near end" }),
      onHealth: () => undefined,
      start: () => undefined,
      stop: () => undefined,
    };
    const devices = new DeviceHost(
      { printer: { type: "fake-printer" } },
      { "fake-printer": () => printer },
      log,
    );
    const { runtime, dataDir } = newRuntime({ server: harness.url, enrollmentCode: await code() }, devices);
    await runtime.start();
    await eventually(() => linkState(runtime) === "online");
    const credentials = join(dataDir, "credentials.json");
    expect(statSync(credentials).mode & 0o777).toBe(0o600);
    const list = await harness.api<{ terminals: Array<{ id: string; version: string; devices: unknown[] }> }>(
      "GET",
      "/api/v1/terminals",
    );
    await eventually(async () => {
      const terminals = (
        await harness!.api<{ terminals: Array<{ version: string | null }> }>("GET", "/api/v1/terminals")
      ).body.terminals;
      return terminals[0]?.version === "9.9.9";
    });
    expect(list.body.terminals[0]!.id).toBe(JSON.parse(readFileSync(credentials, "utf8")).terminalId);
    const detail = await harness.api<{ devices: unknown[] }>(
      "GET",
      `/api/v1/terminals/${list.body.terminals[0]!.id}`,
    );
    expect(detail.body.devices).toEqual([
      { device: "printer", status: "degraded", reason: "paper near end" },
    ]);

    // A restart uses the stored credentials: the used code is not needed (nor accepted) again.
    await runtime.stop();
    runtimes.pop();
    const again = newRuntime({ server: harness.url, enrollmentCode: "USED0-CODE0", dataDir });
    await again.runtime.start();
    await eventually(() => linkState(again.runtime) === "online");
  });

  it("says plainly when the enrolment code is refused, and does not retry a refused code", async () => {
    harness = await startTestServer();
    const { runtime } = newRuntime({ server: harness.url, enrollmentCode: "WRONG-CODE2" });
    await runtime.start();
    expect(runtime.snapshot().link).toMatchObject({
      state: "enrollment-failed",
      detail: "unknown enrolment code",
    });
  });

  it("a revoked terminal is told it was refused and stops dialling", async () => {
    harness = await startTestServer();
    const { runtime, dataDir } = newRuntime({ server: harness.url, enrollmentCode: await code() });
    await runtime.start();
    await eventually(() => linkState(runtime) === "online");
    const { terminalId } = JSON.parse(readFileSync(join(dataDir, "credentials.json"), "utf8")) as {
      terminalId: string;
    };
    await harness.api("POST", `/api/v1/terminals/${terminalId}/revoke`);
    await eventually(() => linkState(runtime) === "refused", 5000);
    expect(runtime.snapshot().link.detail).toMatch(/revoked/);
  });

  it("commits an event before answering, refuses a malformed one, and reports delivery", async () => {
    harness = await startTestServer();
    const { runtime } = newRuntime({ server: harness.url, enrollmentCode: await code() });
    await runtime.start();
    await eventually(() => linkState(runtime) === "online");
    const bad = runtime.send({ event: "terminal:log", payload: { level: "loud" } });
    expect(bad.ok).toBe(false);
    expect(runtime.send({ event: "no:such", payload: {} }).ok).toBe(false);
    const delivered = new Promise<{ id: string }>((resolve) => runtime.once("outbox:delivered", resolve));
    const sent = runtime.send({
      event: "terminal:log",
      payload: {
        at: new Date().toISOString(),
        level: "error",
        code: "reader.fault",
        message: "读卡器无响应",
      },
    });
    expect(sent.ok).toBe(true);
    expect((await delivered).id).toBe(sent.ok ? sent.data.id : "");
    expect(runtime.snapshot().outbox.pending).toBe(0);
    expect(harness.server.db.prepare("SELECT code FROM terminal_log").all()).toEqual([
      { code: "reader.fault" },
    ]);
  });

  it("runs persistent commands once: reload tells the UI, update-config keeps the settings, each outcome reaches the server", async () => {
    harness = await startTestServer();
    const { runtime, dataDir } = newRuntime({ server: harness.url, enrollmentCode: await code() });
    let reloads = 0;
    runtime.on("reload", () => reloads++);
    await runtime.start();
    await eventually(() => linkState(runtime) === "online");
    const { terminalId } = JSON.parse(readFileSync(join(dataDir, "credentials.json"), "utf8")) as {
      terminalId: string;
    };
    await harness.api("POST", `/api/v1/terminals/${terminalId}/commands`, { type: "reload" });
    await harness.api("POST", `/api/v1/terminals/${terminalId}/commands`, {
      type: "update-config",
      params: { locale: "en", idleSeconds: 90 },
    });
    const states = async () =>
      (
        await harness!.api<{ commands: Array<{ type: string; state: string; detail: string | null }> }>(
          "GET",
          `/api/v1/terminals/${terminalId}/commands`,
        )
      ).body.commands;
    await eventually(async () => (await states()).every((c) => c.state === "succeeded"), 5000);
    expect(reloads).toBe(1);
    expect(runtime.snapshot().settings).toEqual({ locale: "en", idleSeconds: 90 });
    expect(JSON.parse(readFileSync(join(dataDir, "settings.json"), "utf8"))).toEqual({
      locale: "en",
      idleSeconds: 90,
    });

    await harness.api("POST", `/api/v1/terminals/${terminalId}/commands`, {
      type: "update-config",
      params: { idleSeconds: [1, 2] },
    });
    await eventually(async () => (await states())[0]?.state === "failed", 5000);
    expect(runtime.snapshot().settings).toEqual({ locale: "en", idleSeconds: 90 });
  });
});

describe("browser-mode bridge", () => {
  it("serves the UI on loopback; only the UI's own origin with the per-start secret may use the bridge", async () => {
    harness = await startTestServer();
    const { runtime } = newRuntime({ server: harness.url, enrollmentCode: await code() });
    const uiDir = mkdtempSync(join(tmpdir(), "linli-ui-"));
    dirs.push(uiDir);
    writeFileSync(join(uiDir, "index.html"), "<!doctype html><title>ui</title>");
    const bridge = await startBrowserBridge({ runtime, uiDir, port: 0, log });
    try {
      const url = new URL(bridge.url);
      const secret = new URLSearchParams(url.hash.slice(1)).get("bridge")!;
      expect(url.hostname).toBe("127.0.0.1");
      expect(secret.length).toBeGreaterThanOrEqual(32);
      expect((await fetch(url.origin)).status).toBe(200);
      // A page reaching us through another host name (DNS rebinding) is refused.
      const rebindingStatus = await new Promise<number | undefined>((resolve, reject) =>
        get(
          { host: "127.0.0.1", port: url.port, path: "/", headers: { host: `evil.example:${url.port}` } },
          (response) => {
            response.resume();
            resolve(response.statusCode);
          },
        ).on("error", reject),
      );
      expect(rebindingStatus).toBe(421);

      const attempt = (auth: object, origin: string) =>
        new Promise<string>((resolve) => {
          const socket = io(`${url.origin}/bridge`, {
            auth,
            transports: ["websocket"],
            reconnection: false,
            extraHeaders: { origin },
          });
          socket.on("connect", () => {
            socket.emit("call", "state:get", null, (ack: { ok: boolean; data: TerminalSnapshot }) => {
              socket.disconnect();
              resolve(ack.ok ? `ok ${ack.data.kind}` : "refused");
            });
          });
          socket.on("connect_error", () => {
            socket.disconnect();
            resolve("refused");
          });
        });
      expect(await attempt({ token: secret }, url.origin)).toBe("ok kiosk");
      expect(await attempt({ token: "x".repeat(secret.length) }, url.origin)).toBe("refused");
      expect(await attempt({}, url.origin)).toBe("refused");
      expect(await attempt({ token: secret }, "http://evil.example")).toBe("refused");
    } finally {
      await bridge.close();
    }
    expect(existsSync(uiDir)).toBe(true);
  });
});
