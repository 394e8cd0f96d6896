import { describe, expect, it } from "vitest";
import { CliProcess } from "./cli-process";
import type { DeviceCli } from "./device-cli";
import { deviceClis } from "./devices";
import { deviceHelp, findDevice, optionLines } from "./front-end";
import { isUsageError, UsageError } from "./usage-error";

function starter(onTestFinished: (cleanup: () => Promise<void>) => void) {
  return (script: "sim" | "device-check", args: string[]): CliProcess => {
    const started = new CliProcess(script, args);
    onTestFinished(() => started.kill());
    return started;
  };
}

describe.concurrent("npm run sim / npm run device-check front ends (real processes)", () => {
  it("--help lists every device with its simulate options", async ({ onTestFinished }) => {
    const help = starter(onTestFinished)("sim", ["--help"]);
    expect((await help.exited).code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run sim -- \[DEVICE\] \[OPTIONS\]/);
    for (const device of deviceClis) expect(help.stdout).toContain(`  ${device.name}`);
    expect(help.stdout).toContain("--kind hikvision|dahua|onvif   which camera (default hikvision)");
    expect(help.stdout).not.toContain("--seconds N");
  });

  it("refuses unknown devices and bad device arguments with exit 2", async ({ onTestFinished }) => {
    const run = starter(onTestFinished);
    const unknown = run("sim", ["teleporter"]);
    const badOption = run("sim", ["camera", "--kind", "axis"]);
    const noDevice = run("device-check", []);
    expect((await unknown.exited).code).toBe(2);
    expect(unknown.stderr).toContain(
      `unknown device "teleporter"; devices: ${deviceClis.map((d) => d.name).join(", ")}`,
    );
    expect((await badOption.exited).code).toBe(2);
    expect(badOption.stderr).toBe(
      "camera: --kind must be one of hikvision, dahua, onvif\nsee: npm run sim -- camera --help\n",
    );
    expect((await noDevice.exited).code).toBe(2);
    expect(noDevice.stderr).toMatch(/^Usage: npm run device-check -- DEVICE \[OPTIONS\]/);
    expect(noDevice.stderr).toContain(
      "Exit code: 0 when the device is ok, 1 when degraded or unavailable, 2 on bad arguments.",
    );
  });

  it("with no device starts the demo set, one line per device, and stops them all on Ctrl-C", async ({
    onTestFinished,
  }) => {
    const demo = starter(onTestFinished)("sim", []);
    await demo.waitFor(/Ctrl-C stops them all/, 30_000);
    const lines = demo.stdout.split("\n");
    const failures = demo.stderr.split("\n");
    for (const device of deviceClis) {
      const line = lines.filter((candidate) => candidate.startsWith(`${device.name} `));
      // A default port already taken on this machine (another simulator running) shows as one failure line.
      const failed = failures.filter((candidate) => candidate.startsWith(`${device.name} `));
      expect([...line, ...failed], `${device.name} in:\n${demo.stdout}\n${demo.stderr}`).toHaveLength(1);
      if (line[0]) expect(line[0]).toMatch(/\w+:\/\/\S|\s\/\S|\b[\w.-]+:\d{2,5}\b/);
      else expect(failed[0]).toMatch(/failed to start: /);
    }
    expect(demo.stdout).toMatch(
      /camera +Hikvision ANPR camera simulator pushing to http:\/\/127\.0\.0\.1:8080\/api\/v1\/cameras\/push/,
    );

    demo.type("camera status");
    await demo.waitFor(/camera: unknown command "status"; try: help/);
    demo.interrupt();
    await demo.waitFor(/^stopped$/m);
    await demo.groupExited();
  });
});

describe("front-end helpers", () => {
  const sample: DeviceCli = {
    name: "sample",
    summary: "a sample device",
    options: ["simulate: --bind HOST:PORT  where", "check:    --host HOST  which", "--verbose   both"],
    simulate: async () => async () => {},
    check: async () => ({ device: "sample", status: "ok" }),
  };

  it("shows each front end only its own options", () => {
    expect(optionLines(sample, "simulate")).toEqual(["--bind HOST:PORT  where", "--verbose   both"]);
    expect(optionLines(sample, "check")).toEqual(["--host HOST  which", "--verbose   both"]);
    expect(deviceHelp(sample, "check")).toEqual([
      "sample: a sample device",
      "  --host HOST  which",
      "  --verbose   both",
    ]);
  });

  it("finds registered devices by name", () => {
    expect(findDevice("camera")?.summary).toMatch(/licence-plate cameras/);
    expect(findDevice("nothing")).toBeUndefined();
  });

  it("tells argument errors from device errors", () => {
    expect(isUsageError(new UsageError("anything"))).toBe(true);
    expect(isUsageError(new Error("--path is required, e.g. --path /dev/ttyUSB0"))).toBe(true);
    expect(
      isUsageError(
        Object.assign(new TypeError("Unknown option '--x'"), { code: "ERR_PARSE_ARGS_UNKNOWN_OPTION" }),
      ),
    ).toBe(true);
    expect(isUsageError(new Error("connect ECONNREFUSED 127.0.0.1:9"))).toBe(false);
    expect(isUsageError("--string")).toBe(false);
  });
});
