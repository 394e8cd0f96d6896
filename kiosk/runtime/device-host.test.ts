/** Terminal devices through configuration alone, against the simulators over real transports. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type PtySamVSimulator, startSamVSimulatorOnPty } from "@linli/hardware/id-card/sam-v-simulator";
import { EscPosPrinterSimulator } from "@linli/hardware/printer/escpos-simulator";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { eventually, startTestServer, type TestServer } from "../../control-server/server/test/harness";
import { deviceFactories } from "./device-factories";
import { DeviceHost } from "./device-host";
import { terminalConfigSchema } from "./terminal-config";
import { TerminalRuntime } from "./terminal-runtime";

const log = pino({ level: "silent" });
let harness: TestServer;
let reader: PtySamVSimulator;
let printer: EscPosPrinterSimulator;
let runtime: TerminalRuntime;
let dataDir: string;

afterEach(async () => {
  if (!runtime) return;
  await runtime.stop();
  await harness.close();
  await reader.close();
  await printer.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

type Devices = Array<{ device: string; status: string; reason?: string }>;

describe("terminal devices from configuration", () => {
  it("runs the configured card reader and printer, and their health reaches the server's terminal list", async () => {
    harness = await startTestServer();
    reader = await startSamVSimulatorOnPty();
    printer = new EscPosPrinterSimulator();
    const { port } = await printer.listenTcp("127.0.0.1", 0);
    const code = await harness.api<{ code: string }>("POST", "/api/v1/terminals/enrollment-codes", {
      kind: "kiosk",
      communityId: "xiangbin",
      name: "湘滨 1号机",
    });
    dataDir = mkdtempSync(join(tmpdir(), "linli-devices-"));
    const config = terminalConfigSchema.parse({
      server: harness.url,
      enrollmentCode: code.body.code,
      dataDir,
      devices: {
        idCardReader: { type: "sam-v", transport: "serial", path: reader.hostPath, baudRate: 115200 },
        printer: { type: "escpos", transport: "tcp", host: "127.0.0.1", port },
        camera: { type: "no-such-device" },
      },
    });
    runtime = new TerminalRuntime({
      config,
      kind: "kiosk",
      version: "1.0.0",
      log,
      devices: new DeviceHost(config.devices, deviceFactories, log),
    });
    await runtime.start();

    const devicesOnServer = async () =>
      (await harness.api<{ terminals: Array<{ devices: Devices }> }>("GET", "/api/v1/terminals")).body
        .terminals[0]?.devices ?? [];
    const statusOf = (devices: Devices, name: string) => devices.find((d) => d.device === name);

    await eventually(async () => {
      const devices = await devicesOnServer();
      return (
        statusOf(devices, "idCardReader")?.status === "ok" && statusOf(devices, "printer")?.status === "ok"
      );
    }, 10_000);
    expect(statusOf(await devicesOnServer(), "camera")).toEqual({
      device: "camera",
      status: "unavailable",
      reason: 'unknown device type "no-such-device"',
    });

    printer.paperNearEnd();
    await eventually(async () => statusOf(await devicesOnServer(), "printer")?.status === "degraded", 10_000);
    printer.paperOut();
    await eventually(
      async () => statusOf(await devicesOnServer(), "printer")?.status === "unavailable",
      10_000,
    );
    expect(statusOf(await devicesOnServer(), "printer")?.reason).toMatch(/paper/i);

    await reader.pty.unplug();
    await eventually(
      async () => statusOf(await devicesOnServer(), "idCardReader")?.status === "unavailable",
      10_000,
    );
    await reader.pty.replug();
    await eventually(async () => statusOf(await devicesOnServer(), "idCardReader")?.status === "ok", 15_000);
  });

  it("a device whose config is wrong is reported unavailable with the reason; the terminal carries on", () => {
    const host = new DeviceHost(
      { printer: { type: "escpos", transport: "carrier-pigeon" } },
      deviceFactories,
      log,
    );
    const [printerHealth] = host.health();
    expect(printerHealth).toMatchObject({ device: "printer", status: "unavailable" });
    expect(printerHealth?.reason).toMatch(/transport/);
  });
});
