/** Link supervision with a real terminal runtime in its own process, killed or frozen. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PresenceChange } from "@linli/protocol";
import { io } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { type LineProcess, tsx } from "../../../../test-support/child-process";
import { eventually, startTestServer, type TestServer } from "../../test/harness";

const SILENCE_MS = 3000;
let harness: TestServer;
let terminal: LineProcess | null = null;
let dir: string;

afterEach(async () => {
  if (terminal) {
    terminal.signal("SIGCONT");
    await terminal.kill();
  }
  await harness?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function startLinkedTerminal(): Promise<{ terminalId: string }> {
  harness = await startTestServer({ supervisionMs: { kiosk: SILENCE_MS, elder: SILENCE_MS } });
  dir = mkdtempSync(join(tmpdir(), "linli-supervision-"));
  const code = await harness.api<{ code: string }>("POST", "/api/v1/terminals/enrollment-codes", {
    kind: "kiosk",
    communityId: "xiangbin",
    name: "湘滨 1号机",
  });
  const config = join(dir, "terminal.json");
  writeFileSync(
    config,
    JSON.stringify({ server: harness.url, enrollmentCode: code.body.code, dataDir: "terminal" }),
  );
  terminal = tsx("kiosk/test/headless-terminal.ts", [config]);
  await terminal.waitFor(/^state online$/);
  const list = await harness.api<{ terminals: Array<{ id: string; online: boolean }> }>(
    "GET",
    "/api/v1/terminals",
  );
  expect(list.body.terminals[0]?.online).toBe(true);
  return { terminalId: list.body.terminals[0]!.id };
}

/** Watches presence the way the console does, through the /console namespace. */
function watchPresence(): { changes: PresenceChange[]; close(): void } {
  const changes: PresenceChange[] = [];
  const socket = io(`${harness.url}/console`, {
    auth: { token: harness.adminToken },
    transports: ["websocket"],
  });
  socket.on("terminal:presence", (change: PresenceChange) => changes.push(change));
  return { changes, close: () => socket.disconnect() };
}

async function isOnline(terminalId: string): Promise<boolean> {
  const detail = await harness.api<{ online: boolean }>("GET", `/api/v1/terminals/${terminalId}`);
  return detail.body.online;
}

describe("link supervision", () => {
  it("a SIGKILLed terminal is marked offline within the configured time, and the console is told", async () => {
    const { terminalId } = await startLinkedTerminal();
    const console = watchPresence();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const killedAt = Date.now();
    terminal!.signal("SIGKILL");
    await eventually(async () => !(await isOnline(terminalId)), SILENCE_MS + 2000);
    const elapsed = Date.now() - killedAt;
    expect(elapsed).toBeLessThanOrEqual(SILENCE_MS + 1000);
    await eventually(() => console.changes.some((c) => c.terminalId === terminalId && !c.online));
    console.close();
  });

  it("a frozen terminal (link open, nothing said) is marked offline once silent for the configured time, and its return is recorded", async () => {
    const { terminalId } = await startLinkedTerminal();
    const frozenAt = Date.now();
    terminal!.signal("SIGSTOP");
    await eventually(async () => !(await isOnline(terminalId)), SILENCE_MS + 5000, 100);
    const elapsed = Date.now() - frozenAt;
    // Silent since its last ping answer (at most a ping interval before the freeze), flagged within the limit.
    expect(elapsed).toBeGreaterThanOrEqual(SILENCE_MS / 2);
    expect(elapsed).toBeLessThanOrEqual(SILENCE_MS + 500);

    terminal!.signal("SIGCONT");
    await eventually(() => isOnline(terminalId), 15_000, 100);
    const detail = await harness.api<{ presence: Array<{ online: boolean; reason: string }> }>(
      "GET",
      `/api/v1/terminals/${terminalId}`,
    );
    expect(detail.body.presence.slice(0, 3).map((p) => p.online)).toEqual([true, false, true]);
    expect(detail.body.presence[1]?.reason).toBe("silent");
  });
});
