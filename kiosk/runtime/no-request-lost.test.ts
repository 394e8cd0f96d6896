/**
 * The "no request is lost" guarantee with real processes: a control server and a terminal runtime, each
 * in its own process, killed with SIGKILL at the worst moments; every event must exist exactly once.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type LineProcess, tsx } from "../../test-support/child-process";
import { freePort } from "../../test-support/free-port";

const SERVER_MAIN = "control-server/server/src/main.ts";
const HEADLESS_TERMINAL = "kiosk/test/headless-terminal.ts";
const ADMIN_PASSWORD = "chaos-admin-password";

let dir: string;
let port: number;
const processes: LineProcess[] = [];

function startServer(): LineProcess {
  const server = tsx(SERVER_MAIN, [], {
    LINLI_PORT: String(port),
    LINLI_HOST: "127.0.0.1",
    LINLI_DATA_DIR: join(dir, "server"),
    LINLI_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LINLI_LOG_LEVEL: "warn",
  });
  processes.push(server);
  return server;
}

function startTerminal(configFile: string): LineProcess {
  const terminal = tsx(HEADLESS_TERMINAL, [configFile]);
  processes.push(terminal);
  return terminal;
}

async function enrollmentCode(): Promise<string> {
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: ADMIN_PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  const code = await fetch(`${base}/api/v1/terminals/enrollment-codes`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ kind: "kiosk", communityId: "xiangbin", name: "湘滨 1号机" }),
  });
  return ((await code.json()) as { code: string }).code;
}

async function writeTerminalConfig(): Promise<string> {
  const file = join(dir, "terminal.json");
  writeFileSync(
    file,
    JSON.stringify({
      server: `http://127.0.0.1:${port}`,
      enrollmentCode: await enrollmentCode(),
      dataDir: "terminal",
    }),
  );
  return file;
}

async function pendingInOutbox(terminal: LineProcess): Promise<number> {
  terminal.write("stats");
  const [, json] = await terminal.next(/^stats (.*)$/);
  return (JSON.parse(json!) as { pending: number }).pending;
}

async function untilOutboxEmpty(terminal: LineProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await pendingInOutbox(terminal)) > 0) {
    if (Date.now() > deadline) throw new Error("the outbox did not empty in time");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Reads the server's SQLite file directly (WAL lets us read beside the running server). */
function storedLogIds(): string[] {
  const db = new BetterSqlite3(join(dir, "server", "linli.db"), { readonly: true });
  try {
    return (db.prepare("SELECT id FROM terminal_log").all() as Array<{ id: string }>).map((row) => row.id);
  } finally {
    db.close();
  }
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "linli-chaos-"));
  port = await freePort();
});

afterEach(async () => {
  for (const child of processes.splice(0)) await child.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe("no request is lost", () => {
  it("SIGKILL of the server while a terminal sends 500 events: after a restart every event is stored exactly once", async () => {
    let server = startServer();
    await server.waitFor(/listening on/);
    const terminal = startTerminal(await writeTerminalConfig());
    await terminal.waitFor(/^state online$/);

    terminal.write("log 500");
    const committed = new Set<string>();
    for (let i = 0; i < 500; i++) committed.add((await terminal.next(/^committed (\S+)$/))[1]!);
    // Let part of the burst through, then pull the plug on the server mid-stream.
    await terminal.waitFor(/^delivered /);
    for (let i = 0; i < 50; i++) await terminal.next(/^delivered /);
    server.signal("SIGKILL");
    await server.exited;
    const storedBeforeCrash = storedLogIds().length;
    expect(storedBeforeCrash).toBeGreaterThan(0);
    expect(storedBeforeCrash).toBeLessThan(500);

    server = startServer();
    await server.waitFor(/listening on/);
    await untilOutboxEmpty(terminal);

    const stored = storedLogIds();
    expect(stored).toHaveLength(500);
    expect(new Set(stored)).toEqual(committed);
  });

  it("SIGKILL of the terminal between its local commit and the server's ack: after a restart the event arrives once", async () => {
    const server = startServer();
    await server.waitFor(/listening on/);
    const configFile = await writeTerminalConfig();
    let terminal = startTerminal(configFile);
    await terminal.waitFor(/^state online$/);

    // Freeze the server so the event is sent but cannot be acknowledged, then kill the terminal.
    server.signal("SIGSTOP");
    terminal.write("log 1");
    const [, id] = await terminal.next(/^committed (\S+)$/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    terminal.signal("SIGKILL");
    await terminal.exited;
    server.signal("SIGCONT");

    terminal = startTerminal(configFile);
    await terminal.waitFor(/^state online$/);
    await untilOutboxEmpty(terminal);
    expect(storedLogIds()).toEqual([id]);
  });

  it("events committed while the server is down are delivered, in order, once it is back", async () => {
    let server = startServer();
    await server.waitFor(/listening on/);
    const terminal = startTerminal(await writeTerminalConfig());
    await terminal.waitFor(/^state online$/);
    server.signal("SIGKILL");
    await server.exited;
    await terminal.next(/^state offline$/);

    terminal.write("log 20");
    const committed: string[] = [];
    for (let i = 0; i < 20; i++) committed.push((await terminal.next(/^committed (\S+)$/))[1]!);
    expect(await pendingInOutbox(terminal)).toBe(20);

    server = startServer();
    await server.waitFor(/listening on/);
    const delivered: string[] = [];
    for (let i = 0; i < 20; i++) delivered.push((await terminal.next(/^delivered (\S+)$/, 30_000))[1]!);
    expect(delivered).toEqual(committed);
    expect(storedLogIds().sort()).toEqual([...committed].sort());
  });
});
