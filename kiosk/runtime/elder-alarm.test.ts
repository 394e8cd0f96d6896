/**
 * An elder's SOS through the real unit runtime: a 433 MHz pendant (simulator on a pty) → the runtime's
 * outbox → the server → a person acknowledges → the unit knows who took the call. The unit never says
 * the centre has the call before the server acknowledged it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RflinkSimulator } from "@linli/hardware/pendant/rflink-simulator";
import { SerialTransport } from "@linli/hardware/transports/serial-transport";
import { createPtyPair, type PtyPair } from "@linli/hardware/transports/socat-pty-pair";
import type { AlarmView } from "@linli/protocol";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { eventually, startTestServer, type TestServer } from "../../control-server/server/test/harness";
import type { ElderAlarmState } from "../bridge/contract";
import { deviceFactories } from "./device-factories";
import { DeviceHost } from "./device-host";
import { terminalConfigSchema } from "./terminal-config";
import { TerminalRuntime } from "./terminal-runtime";

const log = pino({ level: "silent" });
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function elderUnit(
  harness: TestServer,
  devices: Record<string, Record<string, unknown> & { type: string }> = {},
) {
  const dir = mkdtempSync(join(tmpdir(), "linli-elder-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const code = await harness.api<{ code: string }>("POST", "/api/v1/terminals/enrollment-codes", {
    kind: "elder",
    communityId: "xiangbin",
    name: "湘滨 王奶奶家",
  });
  const config = terminalConfigSchema.parse({
    server: harness.url,
    enrollmentCode: code.body.code,
    dataDir: dir,
    devices,
    alarm: { phoneAdviceSeconds: 5 },
  });
  const runtime = new TerminalRuntime({
    config,
    kind: "elder",
    version: "1.0.0",
    log,
    devices: new DeviceHost(config.devices, deviceFactories, log),
    link: { ackTimeoutMs: 1000, backoff: { initialMs: 100, maxMs: 300, jitter: 0.2 } },
  });
  const phases: string[] = [];
  runtime.on("state", (snapshot) => {
    const phase = snapshot.alarm
      ? `${snapshot.alarm.phase}${snapshot.alarm.unreachable ? "+unreachable" : ""}${snapshot.alarm.advisePhone ? "+phone" : ""}`
      : "none";
    if (phases.at(-1) !== phase) phases.push(phase);
  });
  await runtime.start();
  cleanups.push(() => runtime.stop());
  await eventually(() => runtime.snapshot().link.state === "online");
  return { runtime, phases };
}

const alarmOf = (runtime: TerminalRuntime): ElderAlarmState | null => runtime.snapshot().alarm;

describe("an elder's SOS", () => {
  it("from a pendant: sending → received → acknowledged by name → resolved", async () => {
    const harness = await startTestServer();
    cleanups.push(() => harness.close());
    const pty: PtyPair = await createPtyPair();
    const pendant = new RflinkSimulator({ transport: new SerialTransport({ path: pty.devicePath }) });
    pendant.start();
    cleanups.push(async () => {
      await pendant.stop();
      await pty.close();
    });
    const { runtime, phases } = await elderUnit(harness, {
      pendant: {
        type: "rflink",
        transport: "serial",
        path: pty.hostPath,
        pendants: [{ id: "295FD59", switch: 3, button: "sos" }],
      },
    });
    await eventually(
      () => runtime.snapshot().devices.find((d) => d.device === "pendant")?.status === "ok",
      10_000,
    );

    await pendant.press("295FD59", 3);
    await eventually(() => alarmOf(runtime)?.phase === "received", 5000);
    const [alarm] = (await harness.api<{ alarms: AlarmView[] }>("GET", "/api/v1/alarms?status=open")).body
      .alarms;
    expect(alarm).toMatchObject({ source: "pendant", terminal: { name: "湘滨 王奶奶家" } });
    // The pendant repeats its code three times: one press, one alarm.
    expect((await harness.api<{ alarms: AlarmView[] }>("GET", "/api/v1/alarms")).body.alarms).toHaveLength(1);

    await harness.api("POST", `/api/v1/alarms/${alarm!.id}/ack`);
    await eventually(() => alarmOf(runtime)?.phase === "acknowledged");
    expect(alarmOf(runtime)?.acknowledgedBy).toBe("管理员");
    await harness.api("POST", `/api/v1/alarms/${alarm!.id}/resolve`, { note: "已上门" });
    await eventually(() => alarmOf(runtime)?.phase === "resolved");
    expect(phases).toEqual(["none", "sending", "received", "acknowledged", "resolved"]);
  });

  it("with the centre unreachable: tells the truth, advises the phone after the configured time, and delivers when the link heals", async () => {
    const serverDir = mkdtempSync(join(tmpdir(), "linli-server-"));
    cleanups.push(() => rmSync(serverDir, { recursive: true, force: true }));
    const harness = await startTestServer({ dataDir: serverDir });
    const { runtime, phases } = await elderUnit(harness);
    const url = new URL(harness.url);
    await harness.close();
    await eventually(() => runtime.snapshot().link.state === "offline");

    const raised = runtime.raiseAlarm("screen");
    expect(raised.ok).toBe(true);
    expect(alarmOf(runtime)).toMatchObject({ phase: "sending", unreachable: true, advisePhone: false });
    await eventually(() => alarmOf(runtime)?.advisePhone === true, 8000);
    expect(alarmOf(runtime)?.phase).toBe("sending");

    // The same server comes back on the same port and data directory.
    const back = await startTestServer({ dataDir: serverDir, port: Number(url.port) });
    cleanups.push(() => back.close());
    await eventually(() => alarmOf(runtime)?.phase === "received", 10_000);
    expect(alarmOf(runtime)).toMatchObject({ unreachable: false, advisePhone: false });
    expect(phases).toEqual([
      "none",
      "sending+unreachable",
      "sending+unreachable+phone",
      "sending",
      "received",
    ]);
    expect(
      (await back.api<{ alarms: AlarmView[] }>("GET", "/api/v1/alarms?status=open")).body.alarms,
    ).toHaveLength(1);
  });

  it("a false alarm is cancelled from the unit and recorded on the server", async () => {
    const harness = await startTestServer();
    cleanups.push(() => harness.close());
    const { runtime } = await elderUnit(harness);
    runtime.raiseAlarm("button");
    await eventually(() => alarmOf(runtime)?.phase === "received");
    expect(runtime.cancelAlarm().ok).toBe(true);
    expect(alarmOf(runtime)?.phase).toBe("cancelled");
    await eventually(async () => {
      const alarms = (await harness.api<{ alarms: AlarmView[] }>("GET", "/api/v1/alarms")).body.alarms;
      return alarms[0]?.status === "cancelled";
    });
    expect(runtime.cancelAlarm().ok).toBe(false);
  });
});
