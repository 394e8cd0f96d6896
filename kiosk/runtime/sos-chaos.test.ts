/**
 * Chaos for the SOS path: 50 elder units in their own process, a server SIGKILLed mid-burst, and a
 * silent network cut of 30 s between a unit and the server.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { eventually, startTestServer, type TestServer } from "../../control-server/server/test/harness";
import { type LineProcess, tsx } from "../../test-support/child-process";
import { freePort } from "../../test-support/free-port";
import { TcpProxy } from "../../test-support/tcp-proxy";
import { DeviceHost } from "./device-host";
import { terminalConfigSchema } from "./terminal-config";
import { TerminalRuntime } from "./terminal-runtime";

const UNITS = 50;
const ADMIN_PASSWORD = "chaos-admin-password";
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The raise ids of the alarms in the server's SQLite file, read beside the (possibly dead) server. */
function alarmsStored(dir: string): string[] {
  const db = new BetterSqlite3(join(dir, "server", "linli.db"), { readonly: true });
  try {
    return (db.prepare("SELECT raise_event_id AS id FROM alarms").all() as Array<{ id: string }>).map(
      (r) => r.id,
    );
  } finally {
    db.close();
  }
}

describe("SOS under chaos", () => {
  it("SIGKILL of the server during a burst of SOS from 50 units: after a restart every SOS exists exactly once", async () => {
    const dir = mkdtempSync(join(tmpdir(), "linli-sos-chaos-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const port = await freePort();
    const startServer = () => {
      const server = tsx("control-server/server/src/main.ts", [], {
        LINLI_PORT: String(port),
        LINLI_HOST: "127.0.0.1",
        LINLI_DATA_DIR: join(dir, "server"),
        LINLI_ADMIN_PASSWORD: ADMIN_PASSWORD,
        LINLI_LOG_LEVEL: "warn",
      });
      cleanups.push(() => server.kill());
      return server;
    };
    let server = startServer();
    await server.waitFor(/listening on/);
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: ADMIN_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const configs: string[] = [];
    for (let i = 0; i < UNITS; i++) {
      const response = await fetch(`${base}/api/v1/terminals/enrollment-codes`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ kind: "elder", communityId: "quantang", name: `泉塘 ${i + 1} 号户` }),
      });
      const file = join(dir, `unit-${i}.json`);
      writeFileSync(
        file,
        JSON.stringify({
          server: base,
          enrollmentCode: ((await response.json()) as { code: string }).code,
          dataDir: `unit-${i}`,
        }),
      );
      configs.push(file);
    }
    const units: LineProcess = tsx("kiosk/test/headless-terminal.ts", configs);
    cleanups.push(() => units.kill());
    await units.waitFor(/^ready$/, 60_000);
    const stats = async () => {
      units.write("stats");
      return JSON.parse((await units.next(/^stats (.*)$/))[1]!) as { pending: number; online: number };
    };
    await eventually(async () => (await stats()).online === UNITS, 30_000, 200);

    // Two presses on every unit, then the server dies while the alarms are arriving.
    units.write("sos 2");
    const committed = new Set<string>();
    for (let i = 0; i < UNITS * 2; i++) committed.add((await units.next(/^committed (\S+)$/))[1]!);
    await units.waitFor(/^delivered /);
    for (let i = 0; i < 10; i++) await units.next(/^delivered /);
    server.signal("SIGKILL");
    await server.exited;
    expect(alarmsStored(dir).length).toBeLessThan(UNITS * 2);

    server = startServer();
    await server.waitFor(/listening on/);
    await eventually(async () => (await stats()).pending === 0, 60_000, 300);

    const db = new BetterSqlite3(join(dir, "server", "linli.db"), { readonly: true });
    const raised = (db.prepare("SELECT raise_event_id AS id FROM alarms").all() as Array<{ id: string }>).map(
      (r) => r.id,
    );
    db.close();
    expect(raised).toHaveLength(UNITS * 2);
    expect(new Set(raised)).toEqual(committed);
  }, 180_000);

  it("a silent network cut of 30 s: the unit tells the truth meanwhile, and the SOS arrives after the link heals", async () => {
    let harness: TestServer;
    harness = await startTestServer();
    cleanups.push(() => harness.close());
    const proxy = new TcpProxy(Number(new URL(harness.url).port));
    await proxy.listen();
    cleanups.push(() => proxy.close());
    const dataDir = mkdtempSync(join(tmpdir(), "linli-cut-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const code = await harness.api<{ code: string }>("POST", "/api/v1/terminals/enrollment-codes", {
      kind: "elder",
      communityId: "yanggao",
      name: "阳高 李大爷家",
    });
    const config = terminalConfigSchema.parse({
      server: `http://127.0.0.1:${proxy.port}`,
      enrollmentCode: code.body.code,
      dataDir,
      alarm: { phoneAdviceSeconds: 15 },
    });
    const log = pino({ level: "silent" });
    const runtime = new TerminalRuntime({
      config,
      kind: "elder",
      version: "1.0.0",
      log,
      devices: new DeviceHost({}, {}, log),
      link: { ackTimeoutMs: 2000, backoff: { initialMs: 200, maxMs: 1000, jitter: 0.2 } },
    });
    cleanups.push(() => runtime.stop());
    const said: string[] = [];
    runtime.on("state", (snapshot) => {
      const alarm = snapshot.alarm;
      const line = alarm
        ? `${alarm.phase}${alarm.unreachable ? "+unreachable" : ""}${alarm.advisePhone ? "+phone" : ""}`
        : "none";
      if (said.at(-1) !== line) said.push(line);
    });
    await runtime.start();
    await eventually(() => runtime.snapshot().link.state === "online");

    proxy.cut();
    const cutAt = Date.now();
    runtime.raiseAlarm("button");
    await eventually(() => runtime.snapshot().alarm?.unreachable === true, 5000);
    await eventually(() => runtime.snapshot().alarm?.advisePhone === true, 20_000);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 30_000 - (Date.now() - cutAt))));
    expect((await harness.api<{ alarms: unknown[] }>("GET", "/api/v1/alarms")).body.alarms).toHaveLength(0);

    proxy.heal();
    await eventually(() => runtime.snapshot().alarm?.phase === "received", 30_000, 200);
    expect(
      (await harness.api<{ alarms: unknown[] }>("GET", "/api/v1/alarms?status=open")).body.alarms,
    ).toHaveLength(1);
    // Never "the centre has it" while it did not; never silence about the cut.
    expect(said.slice(0, 4)).toEqual(["none", "sending", "sending+unreachable", "sending+unreachable+phone"]);
    expect(said.at(-1)).toBe("received");
  }, 120_000);
});
