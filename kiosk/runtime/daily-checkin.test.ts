import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { DeviceHost } from "./device-host";
import { terminalConfigSchema } from "./terminal-config";
import { TerminalRuntime } from "./terminal-runtime";

const log = pino({ level: "silent" });
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function unit(dataDir: string) {
  return new TerminalRuntime({
    // Never enrolled and no server there: the check-in must not depend on the link.
    config: terminalConfigSchema.parse({ server: "http://127.0.0.1:9", dataDir }),
    kind: "elder",
    version: "9.9.9",
    log,
    devices: new DeviceHost({}, {}, log),
  });
}

describe("daily check-in", () => {
  it("remembers the last 我很好 across a restart, and it waits in the outbox", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "linli-checkin-"));
    dirs.push(dataDir);
    const first = unit(dataDir);
    await first.start();
    expect(first.snapshot().lastCheckinAt).toBeNull();
    const answer = await first.call("checkin", null);
    expect(answer.ok).toBe(true);
    const at = answer.ok ? answer.data.at : "";
    await first.stop();

    const again = unit(dataDir);
    await again.start();
    expect(again.snapshot().lastCheckinAt).toBe(at);
    expect(again.snapshot().outbox.pending).toBe(1);
    await again.stop();
  });
});
