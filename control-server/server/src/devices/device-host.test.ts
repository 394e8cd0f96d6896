import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { DahuaItcSimulator } from "@linli/hardware/camera/dahua-simulator";
import { OnvifSimulator } from "@linli/hardware/camera/onvif-simulator";
import { UhppoteSimulator } from "@linli/hardware/gate/uhppote-simulator";
import type { PlateRead } from "@linli/protocol";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { eventually } from "../../test/harness";
import { openDatabase } from "../db/database";
import { DeviceHost } from "./device-host";
import { DevicesFileError, parseDevicesConfig } from "./devices-file";

const SERIAL = 405419896;
const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

const gate = (port: number, extra: Record<string, unknown> = {}) => ({
  type: "uhppote",
  host: "127.0.0.1",
  port,
  serialNumber: SERIAL,
  timeoutMs: 50,
  retries: 0,
  healthIntervalMs: 100,
  communityId: "xiangbin",
  doors: { "1": "东门" },
  ...extra,
});

/** A device host over a fresh database, with its log lines kept for the test to read. */
function host(config: unknown, source: string | null = null) {
  const dataDir = mkdtempSync(join(tmpdir(), "linli-device-host-"));
  const db = openDatabase(join(dataDir, "linli.db"));
  cleanups.push(() => {
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const lines: Array<{ msg: string; device?: string; kind?: string }> = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const devices = new DeviceHost(parseDevicesConfig(config, source), {
    db,
    dataDir,
    log: pino({ level: "info" }, sink),
  });
  cleanups.push(() => devices.stop());
  return { devices, db, dataDir, lines };
}

describe("the devices file", () => {
  it("accepts gates and cameras with the drivers' defaults", () => {
    const config = parseDevicesConfig({
      gates: { "xiangbin-east": { ...gate(60000), listen: "192.168.1.10:60001" } },
      cameras: {
        "east-lpr": { type: "hikvision-push", token: "0123456789abcdef", communityId: "xiangbin" },
        "west-lpr": {
          type: "dahua",
          host: "192.168.1.108",
          username: "admin",
          password: "x",
          communityId: "xiangbin",
        },
        "gate-cam": { type: "onvif", host: "192.168.1.64", communityId: "xiangbin", location: "东门岗亭" },
      },
    });
    expect(config.gates["xiangbin-east"]).toMatchObject({
      port: 60000,
      listen: { host: "192.168.1.10", port: 60001 },
      doors: { "1": "东门" },
    });
    expect(config.cameras["west-lpr"]).toMatchObject({ port: 80 });
    expect(parseDevicesConfig({})).toEqual({ gates: {}, cameras: {}, source: null });
  });

  it("lists every problem, including settings the control server does not use", () => {
    let failure: Error | undefined;
    try {
      parseDevicesConfig(
        {
          gates: {
            a: gate(60000, { doors: {} }),
            b: gate(60000, { porrt: 1 }),
          },
          cameras: {
            c: {
              type: "hikvision-push",
              token: "0123456789abcdef",
              listen: { port: 8081 },
              communityId: "xiangbin",
            },
            d: { type: "dahua", host: "x", communityId: "xiangbin" },
          },
          parking: {},
        },
        "/etc/linli/devices.json",
      );
    } catch (error) {
      failure = error as Error;
    }
    expect(failure).toBeInstanceOf(DevicesFileError);
    const message = failure!.message;
    expect(message).toMatch(/^devices file \/etc\/linli\/devices.json has 6 problem\(s\):/);
    expect(message).toContain("gates.a.doors: name at least one door");
    expect(message).toContain('gates.b: Unrecognized key: "porrt"');
    expect(message).toContain("cameras.c.listen: not used by the control server");
    expect(message).toContain("cameras.d.username");
    expect(message).toContain("cameras.d.password");
    expect(message).toContain('(file): Unrecognized key: "parking"');

    expect(() =>
      parseDevicesConfig({ gates: { a: gate(60000), b: gate(60000, { doors: { "2": "西门" } }) } }),
    ).toThrow(/gates.b: the same controller as gates.a/);
  });

  it("refuses a device of a community the server does not know", () => {
    expect(() =>
      host({ gates: { a: gate(60000, { communityId: "atlantis" }) } }, "/etc/linli/devices.json"),
    ).toThrow(
      /devices file \/etc\/linli\/devices.json has 1 problem\(s\):\n {2}- gates.a.communityId: no community "atlantis" \(known: xiangbin, /,
    );
  });
});

describe("DeviceHost", () => {
  it("logs a controller going away and coming back once each way", async () => {
    const sim = new UhppoteSimulator({ serialNumber: SERIAL, host: "127.0.0.1", port: 0 });
    const { port } = await sim.start();
    cleanups.push(() => sim.stop());
    const { devices, lines } = host({ gates: { "xiangbin-east": gate(port) } });
    await devices.start();
    const driver = devices.gate("xiangbin-east")!.driver;
    await eventually(() => driver.health.current.status === "ok");

    for (let round = 0; round < 2; round++) {
      sim.answering = false;
      await eventually(() => driver.health.current.status === "unavailable");
      await new Promise((resolve) => setTimeout(resolve, 350)); // several failed polls
      sim.answering = true;
      await eventually(() => driver.health.current.status === "ok");
    }
    const mine = lines.filter((line) => line.kind === "gate").map((line) => line.msg);
    expect(mine).toEqual([
      "device is up",
      "device went away",
      "device is back",
      "device went away",
      "device is back",
    ]);

    await devices.stop();
    expect(driver.health.current).toMatchObject({ status: "unavailable", reason: "stopped" });
  });

  it("starts Dahua cameras and ONVIF probes from config and stores Dahua plate reads", async () => {
    const dahua = new DahuaItcSimulator();
    const dahuaAddress = await dahua.start();
    cleanups.push(() => dahua.stop());
    const onvif = new OnvifSimulator();
    const onvifAddress = await onvif.start();
    cleanups.push(() => onvif.stop());
    const { devices, dataDir } = host({
      cameras: {
        "fengdaoling-lpr": {
          type: "dahua",
          host: "127.0.0.1",
          port: dahuaAddress.port,
          username: "admin",
          password: "admin123",
          heartbeatSeconds: 1,
          communityId: "fengdaoling",
          location: "北门",
        },
        "fengdaoling-cam": {
          type: "onvif",
          host: "127.0.0.1",
          port: onvifAddress.port,
          pollIntervalMs: 200,
          timeoutMs: 500,
          communityId: "fengdaoling",
        },
      },
    });
    const reads: PlateRead[] = [];
    devices.on("plate:read", (read) => reads.push(read));
    await devices.start();
    await eventually(() => devices.camera("fengdaoling-lpr")!.driver.health.current.status === "ok");
    await eventually(() => devices.camera("fengdaoling-cam")!.driver.health.current.status === "ok");

    expect(dahua.drive("湘AD12345", "exit")).toBe(1);
    await eventually(() => reads.length === 1);
    expect(reads[0]).toMatchObject({
      camera: "fengdaoling-lpr",
      communityId: "fengdaoling",
      location: "北门",
      source: "dahua",
      plate: "湘AD12345",
      direction: "exit",
    });
    const picture = devices.records.picture(reads[0]!.id, "scene");
    expect(picture && existsSync(picture.file) && picture.file.startsWith(dataDir)).toBe(true);
    expect(devices.records.plateReads({ cameras: ["fengdaoling-lpr"], limit: 10 })).toEqual(reads);

    expect(devices.cameraSummary(devices.camera("fengdaoling-cam")!)).toMatchObject({
      type: "onvif",
      host: "127.0.0.1",
      pushPath: null,
      health: { status: "ok" },
    });
  });
});
