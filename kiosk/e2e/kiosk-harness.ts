/**
 * Real parts for the kiosk's end-to-end tests: the control server in its own process, the terminal
 * runtime (`launchTerminal`) with the ID card reader simulator on a socat pty and the receipt printer
 * simulator on TCP, the kiosk UI built from the current source, and Debian's Chromium at 1080 × 1920
 * with touch and a fake camera.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type PtySamVSimulator, startSamVSimulatorOnPty } from "@linli/hardware/id-card/sam-v-simulator";
import { EscPosPrinterSimulator } from "@linli/hardware/printer/escpos-simulator";
import pino from "pino";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { type LoopbackSmsGateway, startSmsGateway } from "../../control-server/server/test/sms-gateway";
import { seriousAxeViolations } from "../../test-support/axe";
import { buildUiIntoOwnDir } from "../../test-support/build-ui";
import { launchChromium } from "../../test-support/chromium";
import { eventually } from "../../test-support/eventually";
import { type ServerProcess, startServerProcess } from "../../test-support/server-process";
import { Api } from "../../test-support/staff-api";
import { type LaunchedTerminal, launchTerminal, UI_DIRS } from "../runtime/launch";
import { terminalConfigSchema } from "../runtime/terminal-config";

export { ADMIN_PASSWORD } from "../../test-support/server-process";
export { Api, eventually, type ServerProcess, seriousAxeViolations };

export const REPO = fileURLToPath(new URL("../../", import.meta.url));
export const SHOTS_DIR = join(tmpdir(), "linli-kiosk-shots");

/**
 * Builds the kiosk UI from the current source into a directory of this run's own (other test files
 * build into kiosk/dist at the same time, and a build empties its output first).
 */
export async function buildKioskUi(): Promise<string> {
  const outDir = await buildUiIntoOwnDir(join(REPO, "kiosk/vite.config.ts"), "linli-kiosk-ui-");
  UI_DIRS.kiosk = outDir;
  return outDir;
}

/** The real control server in its own process, so that "the centre went away" is a real process exit. */
export function startServer(
  dataDir: string,
  port = 0,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  return startServerProcess(dataDir, { port, env });
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
  return launchChromium(["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]);
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

/**
 * What every kiosk screen must be, with a screenshot to look at: readable (≥ 24 px), inside the screen,
 * no link out, no serious axe finding.
 */
export async function expectKioskScreen(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const facts = await screenFacts(page);
  expect(facts.smallestTextPx, name).toBeGreaterThanOrEqual(24);
  expect(facts.links, name).toBe(0);
  expect(facts.overflowX, name).toBe(false);
  expect(await seriousAxeViolations(page), name).toEqual([]);
}

/** A test file's parts, set once its `beforeAll` has run. */
export interface KioskParts {
  browser: Browser;
  /** A test that restarts the server puts the new one here, so that it is the one stopped after. */
  server: ServerProcess;
  admin: Api;
  kiosk: Kiosk;
  dataDir: string;
  /** The texts the server sent, with `{ sms: true }` (a loopback stand-in for the SMS provider); else null. */
  sms: LoopbackSmsGateway | null;
}

/**
 * Registers a test file's hooks: Chromium, a server process, the kiosk UI built and a kiosk at the
 * server, shared by the file's tests; stopped after the last one and their directories removed.
 */
export function kioskPartsPerFile(dataDirPrefix: string, options: { sms?: boolean } = {}): KioskParts {
  const parts = {} as KioskParts;
  let uiDir: string | undefined;
  beforeAll(async () => {
    parts.dataDir = mkdtempSync(join(tmpdir(), dataDirPrefix));
    parts.sms = options.sms ? await startSmsGateway() : null;
    const smsEnv: Record<string, string> = parts.sms ? { LINLI_SMS_GATEWAY_URL: parts.sms.url } : {};
    [parts.browser, parts.server, uiDir] = await Promise.all([
      launchBrowser(),
      startServer(join(parts.dataDir, "server"), 0, smsEnv),
      buildKioskUi(),
    ]);
    parts.admin = await Api.signIn(parts.server.url);
    parts.kiosk = await launchKiosk(parts.admin, join(parts.dataDir, "kiosk"));
  }, 120_000);
  afterAll(async () => {
    // The browser first: the runtime's UI server waits for its open connections when it closes.
    await stepWithin("closing Chromium", 15_000, () => parts.browser?.close());
    await stepWithin("stopping the kiosk", 15_000, () => parts.kiosk?.stop());
    await stepWithin("stopping the server", 15_000, () => parts.server?.stop());
    await parts.sms?.close();
    if (parts.dataDir) rmSync(parts.dataDir, { recursive: true, force: true });
    if (uiDir) rmSync(uiDir, { recursive: true, force: true });
  });
  return parts;
}
