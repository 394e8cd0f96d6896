/** Notices on a terminal against a real control server: kept on disk, each receipt sent once. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { eventually, startTestServer, type TestServer } from "../../control-server/server/test/harness";
import { deviceFactories } from "./device-factories";
import { DeviceHost } from "./device-host";
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

function elderUnit(server: string, dataDir: string, enrollmentCode?: string) {
  const config = terminalConfigSchema.parse({
    server,
    dataDir,
    ...(enrollmentCode ? { enrollmentCode } : {}),
    devices: { buttons: { type: "keyboard", keys: { F4: "ok" } } },
  });
  const runtime = new TerminalRuntime({
    config,
    kind: "elder",
    version: "9.9.9",
    log,
    devices: new DeviceHost(config.devices, deviceFactories, log),
    link: { ackTimeoutMs: 2000, backoff: { initialMs: 100, maxMs: 300, jitter: 0 } },
  });
  runtimes.push(runtime);
  return runtime;
}

interface Receipts {
  terminals: Array<{
    terminalId: string;
    deliveredAt: string | null;
    shownAt: string | null;
    heardAt: string | null;
  }>;
}

describe("notices on an elder unit", () => {
  it("arrive, survive a restart offline, and are receipted delivered → shown → heard (by the OK button) once each", async () => {
    const serverDir = mkdtempSync(join(tmpdir(), "linli-notices-server-"));
    const dataDir = mkdtempSync(join(tmpdir(), "linli-notices-"));
    dirs.push(serverDir, dataDir);
    harness = await startTestServer({ dataDir: serverDir });
    const code = await harness.api<{ code: string }>("POST", "/api/v1/terminals/enrollment-codes", {
      kind: "elder",
      communityId: "xiangbin",
      name: "湘滨 王奶奶家",
    });
    const unit = elderUnit(harness.url, dataDir, code.body.code);
    const receiptsSent: string[] = [];
    unit.on("outbox:delivered", ({ event, id }) => {
      if (event === "notice:receipt") receiptsSent.push(id);
    });
    await unit.start();
    await eventually(() => unit.snapshot().link.state === "online");

    const published = await harness.api<{ id: string }>("POST", "/api/v1/notices", {
      title: "明日停水通知",
      body: "因管网维修，明天 8:00—17:00 停水，请提前储水。",
      category: "water",
      priority: "important",
      communityIds: ["xiangbin"],
      terminalKinds: ["elder"],
      requiresConfirmation: true,
    });
    expect(published.status).toBe(201);
    const noticeId = published.body.id;
    await eventually(() => unit.snapshot().notices.some((n) => n.notice.id === noticeId));
    const receipts = async () =>
      (await harness!.api<Receipts>("GET", `/api/v1/notices/${noticeId}/receipts`)).body.terminals[0]!;
    await eventually(async () => (await receipts()).deliveredAt !== null);
    expect(await receipts()).toMatchObject({ shownAt: null, heardAt: null });

    // The screen reads it aloud; OK pressed on the unit's button box while it is read means "heard it".
    expect((await unit.call("notice:shown", { noticeId })).ok).toBe(true);
    await eventually(async () => (await receipts()).shownAt !== null);
    const press = (type: "down" | "up") =>
      unit.call("device:key", { type, key: "F4", code: "F4", repeat: false });
    expect(await press("down")).toEqual({ ok: true, data: { handled: true } });
    await press("up");
    await eventually(async () => (await receipts()).heardAt !== null);
    expect(unit.snapshot().notices.find((n) => n.notice.id === noticeId)?.heardAt).not.toBeNull();

    // Asking again changes nothing: one receipt of each kind.
    expect((await unit.call("notice:heard", { noticeId })).ok).toBe(true);
    expect((await unit.call("notice:shown", { noticeId })).ok).toBe(true);
    expect((await unit.call("notice:heard", { noticeId: "no-such-notice" })).ok).toBe(false);

    // Restart with the server away: the notice is still there, heard.
    await eventually(() => unit.snapshot().outbox.pending === 0);
    expect(receiptsSent).toHaveLength(3);
    await unit.stop();
    runtimes.splice(runtimes.indexOf(unit), 1);
    const url = harness.url;
    const before = await receipts();
    await harness.close();
    harness = null;
    const offline = elderUnit(url, dataDir);
    await offline.start();
    expect(offline.snapshot().link.state).not.toBe("online");
    expect(offline.snapshot().notices).toEqual([
      expect.objectContaining({ notice: expect.objectContaining({ id: noticeId, title: "明日停水通知" }) }),
    ]);
    expect(offline.snapshot().notices[0]!.heardAt).not.toBeNull();
    // Back online, the server's list comes again; nothing is receipted a second time.
    await offline.stop();
    runtimes.splice(runtimes.indexOf(offline), 1);
    harness = await startTestServer({ dataDir: serverDir, port: Number(new URL(url).port) });
    const again = elderUnit(url, dataDir);
    again.on("outbox:delivered", ({ event, id }) => {
      if (event === "notice:receipt") receiptsSent.push(id);
    });
    const listed = new Promise<void>((resolve) =>
      again.on("state", (snapshot) => snapshot.link.state === "online" && resolve()),
    );
    await again.start();
    await listed;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(again.snapshot().outbox).toMatchObject({ pending: 0, rejected: 0 });
    expect(receiptsSent).toHaveLength(3);
    const { deliveredAt, shownAt, heardAt } = before;
    expect(await receipts()).toMatchObject({ deliveredAt, shownAt, heardAt });
  });
});
