import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { CliProcess } from "../cli/cli-process";
import { UsageError } from "../cli/usage-error";
import { cameraCli, runCameraCommand, startCameraSimulation } from "./cli";
import { DahuaItcClient } from "./dahua-client";
import { OnvifSimulator } from "./onvif-simulator";
import type { PlateEvent } from "./plate-event";

/** Starts front ends as real processes, each killed (with its whole group) when the test ends. */
function starter(onTestFinished: (cleanup: () => Promise<void>) => void) {
  return (script: "sim" | "device-check", args: string[]): CliProcess => {
    const started = new CliProcess(script, args);
    onTestFinished(() => started.kill());
    return started;
  };
}

describe.concurrent("npm run sim -- camera / npm run device-check -- camera (real processes)", () => {
  it("probes the ONVIF simulator: device info, snapshot, health, exit 0; Ctrl-C stops it cleanly", async ({
    onTestFinished,
  }) => {
    const run = starter(onTestFinished);
    const sim = run("sim", ["camera", "--kind", "onvif", "--bind", "127.0.0.1:0", "--password", "secret-1"]);
    const [, port] = await sim.waitFor(/listening on http:\/\/127\.0\.0\.1:(\d+)\/onvif\/device_service/);

    const good = run("device-check", [
      "camera",
      "--host",
      "127.0.0.1",
      "--port",
      port!,
      "--username",
      "admin",
      "--password",
      "secret-1",
    ]);
    expect((await good.exited).code).toBe(0);
    expect(good.stdout).toContain("model: SIM-ONVIF-1");
    expect(good.stdout).toContain("serial number: LINLI-SIM-0001");
    expect(good.stdout).toMatch(
      new RegExp(
        `snapshot: http://127\\.0\\.0\\.1:${port}/onvif/snapshot\\.jpg \\(\\d+ bytes, image/jpeg\\)`,
      ),
    );
    expect(good.stdout).toMatch(/health: ok\n$/);

    sim.type("status");
    await sim.waitFor(/1 snapshot\(s\) served/);
    sim.interrupt();
    await sim.waitFor(/^stopped$/m);
    await sim.groupExited();
  });

  it("probes the Dahua simulator's stream: system info, heartbeat, health", async ({ onTestFinished }) => {
    const run = starter(onTestFinished);
    const sim = run("sim", ["camera", "--kind", "dahua", "--bind", "127.0.0.1:0"]);
    const [, port] = await sim.waitFor(/listening on http:\/\/127\.0\.0\.1:(\d+)\/cgi-bin\/snapManager\.cgi/);

    const check = run("device-check", [
      "camera",
      "--kind",
      "dahua",
      "--host",
      "127.0.0.1",
      "--port",
      port!,
      "--username",
      "admin",
      "--password",
      "admin123",
    ]);
    expect((await check.exited).code).toBe(0);
    expect(check.stdout).toContain("deviceType: ITC237-PW6M-IRLZF");
    expect(check.stdout).toMatch(/event stream: open, first heartbeat after \d+ ms/);
    expect(check.stdout).toMatch(/health: ok\n$/);

    sim.interrupt();
    await sim.waitFor(/^stopped$/m);
  });

  it("drives a car past the Hikvision simulator into device-check's receiver", async ({ onTestFinished }) => {
    const run = starter(onTestFinished);
    const check = run("device-check", [
      "camera",
      "--kind",
      "hikvision",
      "--bind",
      "127.0.0.1:0",
      "--seconds",
      "30",
    ]);
    const [, port] = await check.waitFor(/Waiting up to 30 s for a push on http:\/\/127\.0\.0\.1:(\d+)\//);

    const sim = run("sim", ["camera", "--push", `http://127.0.0.1:${port}/`, "--heartbeat", "0"]);
    await sim.waitFor(/Commands on stdin/);
    sim.type("drive 湘A12345 exit");
    await sim.waitFor(/pushed 湘A12345 exit → 200 OK/);

    expect((await check.exited).code).toBe(0);
    expect(check.stdout).toMatch(
      /plate 湘A12345 \(exit, blue, confidence 97\) from 44:19:b6:00:00:01 at \S+\+08:00, 2 picture\(s\)/,
    );
    expect(check.stdout).toMatch(/health: ok\n$/);

    sim.type("camera drive 湘A1234");
    await sim.waitFor(/error: .*(ECONNREFUSED|socket hang up)|pushed 湘A1234/);
    sim.type("fly away");
    await sim.waitFor(/unknown command "fly"; try: help/);
    sim.interrupt();
    await sim.waitFor(/^stopped$/m);
  });

  it("reports an unreachable camera as unavailable with exit 1", async ({ onTestFinished }) => {
    const run = starter(onTestFinished);
    const unreachable = run("device-check", [
      "camera",
      "--host",
      "127.0.0.1",
      "--port",
      "9",
      "--seconds",
      "2",
    ]);
    expect((await unreachable.exited).code).toBe(1);
    expect(unreachable.stdout).toMatch(/health: unavailable \(ONVIF failed: .*ECONNREFUSED/);
  });
});

describe("cameraCli in process", () => {
  const lines: string[] = [];
  const print = (line: string) => lines.push(line);

  it("refuses bad arguments with usage errors naming the option", async () => {
    await expect(cameraCli.check(["--kind", "hikvision", "--host", "127.0.0.1"], print)).rejects.toThrow(
      new UsageError("--host applies to --kind dahua or onvif, not hikvision"),
    );
    await expect(cameraCli.check(["--kind", "dahua"], print)).rejects.toThrow(/^--host is required/);
    await expect(
      cameraCli.check(["--kind", "dahua", "--host", "h", "--username", "u", "--port", "0"], print),
    ).rejects.toThrow(/^--port must be a port number/);
    await expect(cameraCli.simulate(["--kind", "axis"], print)).rejects.toThrow(
      "--kind must be one of hikvision, dahua, onvif",
    );
    await expect(cameraCli.simulate(["--kind", "onvif", "--push", "http://x/"], print)).rejects.toThrow(
      "--push applies to --kind hikvision, not onvif",
    );
    await expect(cameraCli.simulate(["--push", "ftp://x/"], print)).rejects.toThrow(
      /^--push must be an http:\/\/ URL/,
    );
    await expect(cameraCli.simulate(["--kind", "dahua", "--bind", "nowhere"], print)).rejects.toThrow(
      /^--bind must be HOST:PORT/,
    );
    await expect(cameraCli.simulate(["--frobnicate"], print)).rejects.toMatchObject({
      code: "ERR_PARSE_ARGS_UNKNOWN_OPTION",
    });
  });

  it("reports a wrong ONVIF password as unavailable", async ({ onTestFinished }) => {
    const device = new OnvifSimulator({ credentials: { username: "admin", password: "right" } });
    const { port } = await device.start();
    onTestFinished(() => device.stop());
    lines.length = 0;
    const health = await cameraCli.check(
      ["--host", "127.0.0.1", "--port", String(port), "--username", "admin", "--password", "wrong"],
      print,
    );
    expect(health).toEqual({
      device: `127.0.0.1:${port}`,
      status: "unavailable",
      reason: "ONVIF failed: ONVIF SOAP Fault: Sender not authorized",
    });
    expect(lines.at(-1)).toBe("health: unavailable (ONVIF failed: ONVIF SOAP Fault: Sender not authorized)");
  });

  it("runs the Dahua simulator's commands", async ({ onTestFinished }) => {
    lines.length = 0;
    const { simulation, readStdin } = await startCameraSimulation(
      ["--kind", "dahua", "--bind", "127.0.0.1:0", "--no-stdin"],
      print,
    );
    onTestFinished(() => simulation.stop());
    expect(readStdin).toBe(false);
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(lines[0]!)![1]);
    const client = new DahuaItcClient({
      host: "127.0.0.1",
      port,
      username: "admin",
      password: "admin123",
      heartbeatSeconds: 0.2,
    });
    onTestFinished(() => client.stop());
    await client.start();
    await new Promise<void>((resolve) => client.health.once("change", () => resolve()));

    const plate = once(client, "plate") as Promise<[PlateEvent]>;
    expect(await runCameraCommand(simulation, "camera drive 湘A12345 exit")).toBe(
      "sent 湘A12345 exit to 1 stream(s)",
    );
    expect((await plate)[0]).toMatchObject({ plate: "湘A12345", direction: "exit" });
    expect(await runCameraCommand(simulation, "drive 湘A1234")).toBe(
      'sent 湘A1234 entry to 1 stream(s) (not a valid plate: "湘A1234" has 4 serial characters; a Chinese plate has 5 (6 for new-energy); receivers will reject it)',
    );
    expect(await runCameraCommand(simulation, "drive 湘A12345 sideways")).toBe(
      'error: direction must be entry, exit or unknown, not "sideways"',
    );
    expect(await runCameraCommand(simulation, "status")).toBe("1 client(s) streaming");
    const lost = new Promise<void>((resolve) =>
      client.health.on("change", (health) => health.status === "unavailable" && resolve()),
    );
    expect(await runCameraCommand(simulation, "drop")).toBe("dropped 1 stream(s)");
    await lost;
    expect(await runCameraCommand(simulation, "fly away")).toBe('unknown command "fly"; try: help');
    expect(await runCameraCommand(simulation, "help")).toMatch(/^drive PLATE[\s\S]*\nhelp$/);
    expect(await runCameraCommand(simulation, "   ")).toBe("");
  });
});
