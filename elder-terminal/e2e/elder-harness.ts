/**
 * Real parts for the elder unit's end-to-end tests: the control server in its own process, the terminal
 * runtime (`launchTerminal`) with a 433 MHz pendant simulator on a socat pty and keyboard-wedge buttons,
 * the elder UI built from the current source, and Debian's Chromium at the unit's 800 × 480.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { RflinkSimulator } from "@linli/hardware/pendant/rflink-simulator";
import { SerialTransport } from "@linli/hardware/transports/serial-transport";
import { createPtyPair, type PtyPair } from "@linli/hardware/transports/socat-pty-pair";
import pino from "pino";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { type LaunchedTerminal, launchTerminal, UI_DIRS } from "../../kiosk/runtime/launch";
import { terminalConfigSchema } from "../../kiosk/runtime/terminal-config";
import { seriousAxeViolations } from "../../test-support/axe";
import { buildUiIntoOwnDir } from "../../test-support/build-ui";
import { launchChromium } from "../../test-support/chromium";
import { eventually } from "../../test-support/eventually";
import { ADMIN_PASSWORD, type ServerProcess, startServerProcess } from "../../test-support/server-process";
import { Api } from "../../test-support/staff-api";

export { ADMIN_PASSWORD, Api, eventually, type ServerProcess, seriousAxeViolations };

export const REPO = fileURLToPath(new URL("../../", import.meta.url));
export const SHOTS_DIR = "/tmp/linli-shots";
export const PENDANT_ID = "295FD59";
/** Keyboard-wedge keys of the unit's button box in these tests. */
export const KEYS = { sos: "F2", cancel: "F3", ok: "F4", fine: "F5", call: "F6", meals: "F7" } as const;

/**
 * Builds the elder UI from the current source into a directory of this test file's own, and points the
 * runtime there. Other test files (kiosk/e2e) build into the shared elder-terminal/dist at the same time,
 * and a build empties its output first: a shared directory could be empty just when a page loads.
 */
export async function buildElderUi(): Promise<string> {
  const outDir = await buildUiIntoOwnDir(join(REPO, "elder-terminal/vite.config.ts"), "linli-elder-ui-");
  UI_DIRS.elder = outDir;
  return outDir;
}

/** The real control server in its own process, so that "the server went away" is a real process exit. */
export function startServer(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  return startServerProcess(dataDir, { env });
}

export interface OpenAlarm {
  id: string;
  status: string;
  source: string;
  elder: { name: string } | null;
}

export async function openAlarms(api: Api): Promise<OpenAlarm[]> {
  return (await api.call<{ alarms: OpenAlarm[] }>("GET", "/api/v1/alarms?status=open")).alarms;
}

/** A dispatcher account with a real name, signed in: the name the elder should hear. */
export async function dispatcher(admin: Api, displayName: string, username: string): Promise<Api> {
  const password = `${username}-password-1`;
  await admin.call("POST", "/api/v1/staff", { username, displayName, password, role: "dispatcher" });
  return Api.signIn(admin.server, username, password);
}

export interface ElderUnit {
  terminal: LaunchedTerminal;
  pendant: RflinkSimulator;
  /** The serial link between the pendant receiver and the unit: `unplug()` pulls the receiver out. */
  pty: PtyPair;
  /** Everything the runtime said aloud, with the time it was asked to. */
  spoken: Array<{ at: number; text: string }>;
  stop(): Promise<void>;
}

/**
 * An elder unit enrolled at the server, with the elder's profile linked to it, a pendant on a real
 * serial link (socat pty) and a keyboard-wedge button box; resolves once it is online and the pendant
 * receiver is working.
 */
export async function launchElderUnit(server: string, admin: Api, dataDir: string): Promise<ElderUnit> {
  const { code } = await admin.call<{ code: string }>("POST", "/api/v1/terminals/enrollment-codes", {
    kind: "elder",
    communityId: "xiangbin",
    name: "湘滨 王奶奶家",
  });
  const pty: PtyPair = await createPtyPair();
  const pendant = new RflinkSimulator({ transport: new SerialTransport({ path: pty.devicePath }) });
  pendant.start();
  const terminal = await launchTerminal({
    kind: "elder",
    config: terminalConfigSchema.parse({
      server,
      enrollmentCode: code,
      dataDir,
      devices: {
        pendant: {
          type: "rflink",
          transport: "serial",
          path: pty.hostPath,
          pendants: [{ id: PENDANT_ID, switch: 3, button: "sos" }],
        },
        buttons: {
          type: "keyboard",
          keys: {
            [KEYS.sos]: "sos",
            [KEYS.cancel]: "cancel",
            [KEYS.ok]: "ok",
            [KEYS.fine]: "fine",
            [KEYS.call]: "call",
            [KEYS.meals]: "service:meals",
          },
        },
      },
      alarm: { phoneAdviceSeconds: 5 },
      ui: { port: 0 },
    }),
    log: pino({ level: "silent" }),
    // A stalled server is given 8 s to answer before the link is called down (the "sending" screenshot
    // is taken in that window); a dead one is noticed at once by the closed connection.
    link: { ackTimeoutMs: 8000, backoff: { initialMs: 100, maxMs: 500, jitter: 0 } },
  });
  const spoken: ElderUnit["spoken"] = [];
  terminal.runtime.on("spoke", (text) => spoken.push({ at: Date.now(), text }));
  const stop = async () => {
    await terminal.stop();
    await pendant.stop();
    await pty.close();
  };
  try {
    await eventually(() => terminal.runtime.snapshot().link.state === "online", 10_000, "unit online");
    await eventually(
      () => terminal.runtime.snapshot().devices.find((d) => d.device === "pendant")?.status === "ok",
      10_000,
      "pendant receiver ok",
    );
    await admin.call("POST", "/api/v1/elders", {
      communityId: "xiangbin",
      name: "王秀英",
      address: "湘滨社区 3 栋 2 单元 101",
      emergencyContacts: [{ name: "王强", relation: "儿子", phone: "13812345678" }],
      terminalId: terminal.runtime.snapshot().terminalId,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { terminal, pendant, pty, spoken, stop };
}

export { launchChromium as launchBrowser };

/** Chromium with a fake microphone (a beep) granted without asking, and audio that may play at once. */
export const FAKE_MEDIA_ARGS = [
  "--use-fake-device-for-media-stream",
  "--use-fake-ui-for-media-stream",
  "--autoplay-policy=no-user-gesture-required",
];

export interface ElderPage {
  context: BrowserContext;
  page: Page;
  /** Every text the screen showed, with the page's own clock time (same machine, same clock). */
  shown: Array<{ at: number; text: string }>;
}

/**
 * The unit's screen: 800 × 480 landscape, no touch. Web Speech is left without voices, as on the unit's
 * Chromium, so that everything is said by the runtime, where the test can hear it.
 */
export async function openScreen(
  browser: Browser,
  url: string,
  options: { fakeClock?: boolean; relayButtonsOf?: ElderUnit; initScript?: string } = {},
): Promise<ElderPage> {
  const context = await browser.newContext({
    viewport: { width: 800, height: 480 },
    hasTouch: false,
    locale: "zh-CN",
  });
  if (options.fakeClock) await context.clock.install();
  if (options.relayButtonsOf) await relayButtonEvents(context, options.relayButtonsOf);
  const shown: ElderPage["shown"] = [];
  await context.exposeBinding("linliRecordText", (_source, at: number, text: string) => {
    if (shown.at(-1)?.text !== text) shown.push({ at, text });
  });
  await context.addInitScript(`
    if (window.speechSynthesis) window.speechSynthesis.getVoices = () => [];
    new MutationObserver(() => {
      if (document.body) window.linliRecordText(Date.now(), document.body.innerText);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  `);
  if (options.initScript) await context.addInitScript(options.initScript);
  const page = await context.newPage();
  await page.goto(url);
  return { context, page, shown };
}

/**
 * The runtime's `button` event (a physical button other than SOS) is part of the bridge contract, but the
 * browser-mode bridge server did not always forward it (its event list once held only state,
 * outbox:delivered and reload). Against such a runtime this relays it into the page's own bridge socket,
 * exactly as the forward sends it; when the bridge forwards it itself, the relay sees the genuine frame
 * and stays out of the way.
 */
async function relayButtonEvents(context: BrowserContext, unit: ElderUnit): Promise<void> {
  const genuine: string[] = [];
  const pages: Array<(frame: string) => void> = [];
  await context.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => server.send(message));
    server.onMessage((message) => {
      if (typeof message === "string" && message.startsWith('42/bridge,["button"')) genuine.push(message);
      ws.send(message);
    });
    pages.push((frame) => ws.send(frame));
  });
  unit.terminal.runtime.on("button", (press) => {
    const frame = `42/bridge,${JSON.stringify(["button", press])}`;
    const seen = genuine.length;
    setTimeout(() => {
      if (genuine.length > seen) return;
      for (const send of pages) {
        try {
          send(frame);
        } catch {
          // A socket of an earlier page load, closed since.
        }
      }
    }, 300);
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const path = join(SHOTS_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Layout facts the elder's eyes depend on, measured in the page. */
export interface LayoutFacts {
  smallestTextPx: number;
  alarmTitlePx: number | null;
  /** Elements outside the screen or spilling out of their own box; empty when all fits. */
  overflowing: string[];
  /** Phrases that broke over two lines (each should stay on one). */
  brokenPhrases: string[];
}

/** The screen fits 800 × 480, no text under 32 px, no phrase broken, no serious axe finding. */
export async function expectLooksRight(page: Page, what: string): Promise<void> {
  const facts = await layoutFacts(page);
  expect(facts, what).toMatchObject({ overflowing: [], brokenPhrases: [] });
  expect(facts.smallestTextPx, what).toBeGreaterThanOrEqual(32);
  expect(await seriousAxeViolations(page), what).toEqual([]);
}

export function layoutFacts(page: Page): Promise<LayoutFacts> {
  return page.evaluate(`(() => {
    let smallest = Infinity;
    for (const element of document.body.querySelectorAll("*")) {
      const ownText = Array.from(element.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim());
      if (ownText && element.getClientRects().length > 0) {
        smallest = Math.min(smallest, parseFloat(getComputedStyle(element).fontSize));
      }
    }
    const title = document.querySelector("[data-testid=alarm-title]");
    const brokenPhrases = Array.from(document.querySelectorAll(".phrase"))
      .filter((p) => p.getBoundingClientRect().height > 1.5 * parseFloat(getComputedStyle(p).fontSize))
      .map((p) => p.textContent);
    const describe = (e) => e.tagName.toLowerCase() + (e.className ? "." + String(e.className).replace(/ /g, ".") : "");
    const overflowing = [];
    const root = document.documentElement;
    if (root.scrollWidth > innerWidth || root.scrollHeight > innerHeight) overflowing.push("page");
    for (const e of document.body.querySelectorAll("*")) {
      const r = e.getBoundingClientRect();
      // Outside the screen, or content spilling out of its own box (a label too long for its button);
      // glyphs reaching a few pixels past a tight line box are not a spill.
      const slack = Math.max(12, 0.3 * parseFloat(getComputedStyle(e).fontSize));
      const outside = r.width > 0 && (r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5);
      const spills =
        e.clientHeight > 0 && (e.scrollHeight > e.clientHeight + slack || e.scrollWidth > e.clientWidth + 2);
      if (outside || spills) overflowing.push(describe(e) + " " + e.scrollWidth + "x" + e.scrollHeight + " in " + e.clientWidth + "x" + e.clientHeight);
    }
    return {
      smallestTextPx: smallest,
      alarmTitlePx: title ? parseFloat(getComputedStyle(title).fontSize) : null,
      overflowing,
      brokenPhrases,
    };
  })()`) as Promise<LayoutFacts>;
}

export function freshDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** The alarm scene the screen shows now (data-scene), or null on the idle screen. */
export const sceneOf = (screen: ElderPage) => () =>
  screen.page.getByTestId("alarm").getAttribute("data-scene", { timeout: 1000 });
export const titleOf = (screen: ElderPage) => () =>
  screen.page.getByTestId("alarm-title").textContent({ timeout: 1000 });
/** The scene (data-scene) of the full-screen element with this test id; throws while it is not shown. */
export const sceneOfId = (screen: ElderPage, testId: string) => () =>
  screen.page.getByTestId(testId).getAttribute("data-scene", { timeout: 1000 });
export const textOfId = (screen: ElderPage, testId: string) => () =>
  screen.page.getByTestId(testId).textContent({ timeout: 1000 });
/** How many times the unit has said something containing `part`. */
export const saidCount = (unit: ElderUnit, part: string) =>
  unit.spoken.filter((entry) => entry.text.includes(part)).length;

/**
 * One test's parts, each started fresh and stopped after the test in reverse order: a server process, the
 * admin's API, an elder unit and its screens.
 */
export class TestRig {
  readonly #cleanups: Array<() => Promise<void>> = [];
  #browser: Browser | undefined;

  private constructor(
    /** The test file's own directory; each test's parts take a folder in it. */
    readonly dir: string,
  ) {}

  /**
   * Registers a test file's hooks: Chromium (with `browserArgs`) and the elder UI once for the file, each
   * test's parts stopped after it, the browser closed and the directory removed after the last test.
   */
  static perTest(dirPrefix: string, browserArgs: string[] = []): TestRig {
    const dir = freshDir(dirPrefix);
    const rig = new TestRig(dir.path);
    beforeAll(async () => {
      [rig.#browser] = await Promise.all([launchChromium(browserArgs), buildElderUi()]);
    });
    afterEach(() => rig.cleanUp());
    afterAll(async () => {
      await rig.#browser?.close();
      dir.remove();
    });
    return rig;
  }

  /** The file's Chromium, for pages other than the unit's screen. */
  get browser(): Browser {
    if (!this.#browser) throw new Error("the browser is launched in beforeAll");
    return this.#browser;
  }

  async unit(
    name: string,
    serverEnv: Record<string, string> = {},
  ): Promise<{ server: ServerProcess; admin: Api; unit: ElderUnit }> {
    const server = await startServer(join(this.dir, `${name}-server`), serverEnv);
    this.#cleanups.push(() => server.stop());
    const admin = await Api.signIn(server.url, "admin", ADMIN_PASSWORD);
    const unit = await launchElderUnit(server.url, admin, join(this.dir, `${name}-unit`));
    this.#cleanups.push(() => unit.stop());
    return { server, admin, unit };
  }

  async screen(unit: ElderUnit, options: Parameters<typeof openScreen>[2] = {}): Promise<ElderPage> {
    const screen = await openScreen(this.browser, unit.terminal.bridge.url, options);
    this.#cleanups.push(() => screen.context.close());
    return screen;
  }

  /** Something else to stop after the test (a console page, a second context). */
  defer(cleanup: () => Promise<void>): void {
    this.#cleanups.push(cleanup);
  }

  async cleanUp(): Promise<void> {
    for (const cleanup of this.#cleanups.splice(0).reverse()) await cleanup();
  }
}
