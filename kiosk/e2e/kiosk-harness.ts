/**
 * Real parts for the kiosk's end-to-end tests: the control server in its own process, the terminal
 * runtime (`launchTerminal`) with the ID card reader simulator on a socat pty and the receipt printer
 * simulator on TCP, the kiosk UI built from the current source, and Debian's Chromium at 1080 × 1920
 * with touch and a fake camera.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type PtySamVSimulator, startSamVSimulatorOnPty } from "@linli/hardware/id-card/sam-v-simulator";
import { EscPosPrinterSimulator } from "@linli/hardware/printer/escpos-simulator";
import pino from "pino";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { build } from "vite";
import { type LaunchedTerminal, launchTerminal, UI_DIRS } from "../runtime/launch";
import { terminalConfigSchema } from "../runtime/terminal-config";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));
export const ADMIN_PASSWORD = "admin-password-1";
export const SHOTS_DIR = join(tmpdir(), "linli-kiosk-shots");

export function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
  what = "condition",
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return (async () => {
    for (;;) {
      if (await check()) return;
      if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
}

/**
 * Builds the kiosk UI from the current source into a directory of this run's own (other test files
 * build into kiosk/dist at the same time, and a build empties its output first).
 */
export async function buildKioskUi(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), "linli-kiosk-ui-"));
  await build({
    configFile: join(REPO, "kiosk/vite.config.ts"),
    logLevel: "error",
    build: { outDir, emptyOutDir: true },
  });
  UI_DIRS.kiosk = outDir;
  return outDir;
}

export interface ServerProcess {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** The real control server in its own process, so that "the centre went away" is a real process exit. */
export async function startServer(dataDir: string, port = 0): Promise<ServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "control-server/server/src/main.ts"],
    {
      cwd: REPO,
      env: {
        ...process.env,
        LINLI_PORT: String(port),
        LINLI_HOST: "127.0.0.1",
        LINLI_DATA_DIR: dataDir,
        LINLI_ADMIN_PASSWORD: ADMIN_PASSWORD,
        LINLI_LOG_LEVEL: "silent",
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/listening on (http:\/\/\S+)/);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`the control server exited with ${code}: ${output}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** The control server's HTTP API as a signed-in staff member. */
export class Api {
  constructor(
    readonly server: string,
    readonly token: string,
  ) {}

  static async signIn(server: string, username = "admin", password = ADMIN_PASSWORD): Promise<Api> {
    const response = await fetch(new URL("/api/v1/auth/login", server), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });
    if (!response.ok) throw new Error(`sign-in as ${username}: HTTP ${response.status}`);
    return new Api(server, ((await response.json()) as { token: string }).token);
  }

  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(new URL(path, this.server), {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }
}

export interface Kiosk {
  terminal: LaunchedTerminal;
  /** The ID card reader on a real serial link (socat pty): `placeCard`, `removeCard`. */
  reader: PtySamVSimulator;
  /** The receipt printer on TCP: `documents`, `paperOut`, `loadPaper`. */
  printer: EscPosPrinterSimulator;
  stop(): Promise<void>;
}

/** A kiosk enrolled at the server with its card reader and printer; resolves once it is online. */
export async function launchKiosk(admin: Api, dataDir: string, server = admin.server): Promise<Kiosk> {
  const { code } = await admin.call<{ code: string }>("POST", "/api/v1/terminals/enrollment-codes", {
    kind: "kiosk",
    communityId: "xiangbin",
    name: "湘滨社区服务中心 1 号自助机",
  });
  mkdirSync(dataDir, { recursive: true });
  const reader = await startSamVSimulatorOnPty();
  const printer = new EscPosPrinterSimulator();
  const { host, port } = await printer.listenTcp("127.0.0.1", 0);
  const terminal = await launchTerminal({
    kind: "kiosk",
    config: terminalConfigSchema.parse({
      server,
      enrollmentCode: code,
      dataDir,
      devices: {
        idCardReader: { type: "sam-v", transport: "serial", path: reader.hostPath, pollIntervalMs: 100 },
        printer: { type: "escpos", transport: "tcp", host, port, statusIntervalMs: 200 },
      },
      ui: { port: 0 },
    }),
    log: pino({ level: "silent" }),
    link: { ackTimeoutMs: 3000, backoff: { initialMs: 100, maxMs: 500, jitter: 0 } },
  });
  const stop = async () => {
    await terminal.stop();
    await reader.close();
    await printer.stop();
  };
  try {
    await eventually(() => terminal.runtime.snapshot().link.state === "online", 10_000, "kiosk online");
    await eventually(() => terminal.runtime.snapshot().content !== null, 10_000, "kiosk content");
    await eventually(
      () => terminal.runtime.snapshot().devices.every((device) => device.status === "ok"),
      10_000,
      "card reader and printer ok",
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { terminal, reader, printer, stop };
}

/** Chromium with a fake camera (a moving test pattern) granted without asking. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.LINLI_CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--use-fake-device-for-media-stream",
      "--use-fake-ui-for-media-stream",
    ],
  });
}

/**
 * The kiosk's screen: 1080 × 1920 portrait with touch. Web Speech is left without voices, as on the
 * kiosk's Chromium, so that read-aloud goes to the runtime, where the test can hear it.
 */
export async function openKioskScreen(
  browser: Browser,
  url: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1080, height: 1920 },
    hasTouch: true,
    isMobile: false,
    locale: "zh-CN",
    permissions: ["camera"],
  });
  await context.addInitScript("if (window.speechSynthesis) window.speechSynthesis.getVoices = () => [];");
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`) });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** axe-core's serious and critical findings on the page as it is now. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: join(REPO, "node_modules/axe-core/axe.min.js") });
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })),
    })))`,
  )) as AxeViolation[];
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** The smallest font size of any visible element with text of its own, and any link out of the kiosk. */
export function screenFacts(
  page: Page,
): Promise<{ smallestTextPx: number; links: number; overflowX: boolean }> {
  return page.evaluate(`(() => {
    let smallest = Infinity;
    for (const element of document.body.querySelectorAll("*")) {
      const ownText = Array.from(element.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim());
      if (ownText && element.getClientRects().length > 0) {
        smallest = Math.min(smallest, parseFloat(getComputedStyle(element).fontSize));
      }
    }
    return {
      smallestTextPx: smallest,
      links: document.querySelectorAll("a[href]").length,
      overflowX:
        document.documentElement.scrollWidth > window.innerWidth ||
        Array.from(document.querySelectorAll("main, header")).some((el) => el.scrollWidth > el.clientWidth + 1),
    };
  })()`);
}

/** Runs a teardown step, failing with its name when it takes longer than `ms` (instead of a bare hook timeout). */
export async function stepWithin(
  what: string,
  ms: number,
  step: () => Promise<unknown> | undefined,
): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    await Promise.race([step(), late]);
  } finally {
    clearTimeout(timer);
  }
}
