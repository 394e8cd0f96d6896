import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TerminalKind } from "@linli/protocol";
import pino from "pino";
import { type Browser, chromium, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type LaunchedTerminal, launchTerminal, UI_DIRS } from "../runtime/launch";
import { terminalConfigSchema } from "../runtime/terminal-config";

/**
 * The few browser globals the page.evaluate callbacks below use. Those callbacks run inside the page; this
 * file belongs to the Node-side kiosk project, which has no DOM library, so they are declared here, file-local.
 */
interface PageNode {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<PageNode>;
}
declare const document: {
  body: { querySelectorAll(selector: string): ArrayLike<PageNode> };
  documentElement: { scrollWidth: number };
};
declare const window: { innerWidth: number; beforeReload?: boolean };
declare function getComputedStyle(element: unknown): { fontSize: string };

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const ADMIN_PASSWORD = "admin-password-1";

/**
 * The real control server in its own process (as in the field), so that "the server went away" is a real
 * process exit; started with `npm run server`'s entry point on a free port.
 */
async function startServer(dataDir: string): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", "control-server/server/src/main.ts"], {
    cwd: REPO,
    env: {
      ...process.env,
      LINLI_PORT: "0",
      LINLI_HOST: "127.0.0.1",
      LINLI_DATA_DIR: dataDir,
      LINLI_ADMIN_PASSWORD: ADMIN_PASSWORD,
      LINLI_LOG_LEVEL: "silent",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/listening on (http:\/\/\S+)/);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`the control server exited with ${code}: ${output}`)));
  });
  return { url, process: child };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

async function enrolmentCode(
  server: string,
  kind: TerminalKind,
): Promise<{ code: string; adminToken: string }> {
  const post = async (path: string, body: unknown, token?: string) => {
    const response = await fetch(new URL(path, server), {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return (await response.json()) as Record<string, string>;
  };
  const { token } = await post("/api/v1/auth/login", { username: "admin", password: ADMIN_PASSWORD });
  const { code } = await post(
    "/api/v1/terminals/enrollment-codes",
    { kind, communityId: "xiangbin", name: `e2e ${kind}` },
    token,
  );
  return { code: code!, adminToken: token! };
}

const VIEWPORTS: Record<TerminalKind, { width: number; height: number }> = {
  kiosk: { width: 1080, height: 1920 },
  elder: { width: 800, height: 480 },
};
/** Smallest text each screen may show: kiosk ≥ 24 px (age-friendly rules), the elder unit far larger. */
const MIN_FONT_PX: Record<TerminalKind, number> = { kiosk: 24, elder: 32 };

/** The smallest computed font size of any element that shows text of its own. */
function smallestTextPx(page: Page): Promise<number> {
  return page.evaluate(() => {
    let smallest = Number.POSITIVE_INFINITY;
    for (const element of Array.from(document.body.querySelectorAll("*"))) {
      const ownText = Array.from(element.childNodes).some(
        (n) => n.nodeType === 3 /* Node.TEXT_NODE; the callback runs in the page */ && n.textContent?.trim(),
      );
      if (ownText) smallest = Math.min(smallest, Number.parseFloat(getComputedStyle(element).fontSize));
    }
    return smallest;
  });
}

let browser: Browser;
const builtUiDirs: string[] = [];

beforeAll(async () => {
  [browser] = await Promise.all([
    chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
      ],
    }),
    // The UIs as they are now, built into this file's own folders: the shared dist/ folders are being
    // served by other test files at the same time, and a build empties its folder first.
    ...(["kiosk", "elder"] as const).map(async (kind) => {
      const outDir = mkdtempSync(join(tmpdir(), `linli-${kind}-ui-`));
      builtUiDirs.push(outDir);
      const project = kind === "kiosk" ? "kiosk" : "elder-terminal";
      await build({
        configFile: join(REPO, project, "vite.config.ts"),
        logLevel: "error",
        build: { outDir, emptyOutDir: true },
      });
      UI_DIRS[kind] = outDir;
    }),
  ]);
});

afterAll(async () => {
  await browser?.close();
  for (const dir of builtUiDirs) rmSync(dir, { recursive: true, force: true });
});

describe.each<TerminalKind>(["kiosk", "elder"])("%s UI against the real runtime and server", (kind) => {
  let dataDir: string;
  let server: { url: string; process: ChildProcess };
  let terminal: LaunchedTerminal | null = null;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `linli-${kind}-ui-e2e-`));
    server = await startServer(join(dataDir, "server"));
  });

  afterEach(async () => {
    await terminal?.stop();
    terminal = null;
  });

  afterAll(async () => {
    if (server) await stopServer(server.process);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("shows online, obeys the reload command, then says the network is down when the server stops", async () => {
    const { code, adminToken } = await enrolmentCode(server.url, kind);
    terminal = await launchTerminal({
      kind,
      config: terminalConfigSchema.parse({
        server: server.url,
        enrollmentCode: code,
        dataDir: join(dataDir, "terminal"),
        // A device whose driver does not exist: the runtime reports it unavailable, the screen says so plainly.
        devices: { printer: { type: "no-such-driver" } },
        ui: { port: 0 },
      }),
      log: pino({ level: "silent" }),
      link: { ackTimeoutMs: 2000, backoff: { initialMs: 100, maxMs: 500, jitter: 0 } },
    });
    const context = await browser.newContext({
      viewport: VIEWPORTS[kind],
      hasTouch: true,
      isMobile: false,
      locale: "zh-CN",
    });
    const page = await context.newPage();
    await page.goto(terminal.bridge.url);
    const banner = page.getByTestId("link-banner");

    await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toContain("在线");
    expect(page.url()).not.toContain("bridge=");
    expect(await page.getByTestId("notes").textContent()).toContain("打印机暂时无法使用");
    expect(await smallestTextPx(page)).toBeGreaterThanOrEqual(MIN_FONT_PX[kind]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    if (kind === "elder") {
      // The idle unit gives most of its screen to the SOS button; the link state is one large word beside
      // the clock (the elder suite checks the rest of the elder layout).
      const titlePx = await page
        .locator(".elder-title")
        .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
      expect(titlePx).toBeGreaterThanOrEqual(40);
    }

    // Staff send "reload": the page reloads and finds its bridge again without the secret in the URL.
    await page.evaluate(() => {
      window.beforeReload = true;
    });
    const terminalId = terminal.runtime.snapshot().terminalId!;
    const sent = await fetch(new URL(`/api/v1/terminals/${terminalId}/commands`, server.url), {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ type: "reload" }),
    });
    expect(sent.status).toBe(201);
    await page.waitForFunction(() => !window.beforeReload, null, {
      timeout: 10_000,
    });
    await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toContain("在线");

    await stopServer(server.process);
    await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toContain("网络中断，正在重试");

    // Something committed while offline is saved, and the screen says so calmly.
    const queued = terminal.runtime.send({
      event: "terminal:log",
      payload: { at: new Date().toISOString(), level: "info", code: "e2e", message: "offline event" },
    });
    expect(queued.ok).toBe(true);
    await expect
      .poll(() => page.getByTestId("notes").textContent(), { timeout: 5000 })
      .toMatch(/条记录已保存在本机，网络恢复后自动发送/);
    await context.close();
  });
});
