import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PROTOCOL_VERSION } from "@linli/protocol";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { io, type Socket } from "socket.io-client";
import { seriousAxeFindings } from "../../../test-support/axe";
import { buildWhenStale } from "../../../test-support/build-ui";
import { launchChromium } from "../../../test-support/chromium";
import { api, adminToken as signInAdmin } from "../../../test-support/json-api";
import { type RunningServer, startServer as startServerOnly } from "../../server/test/harness";

export const ADMIN_PASSWORD = "admin-password-1";

const consoleDir = fileURLToPath(new URL("..", import.meta.url));
const distDir = join(consoleDir, "dist");
/** Everything the bundle is made of: the console's source and config, and the protocol package it imports. */
const sourceRoots = [
  join(consoleDir, "src"),
  join(consoleDir, "vite.config.ts"),
  join(consoleDir, "../protocol/src"),
];

/** Builds the console from the current source unless its dist is already fresh (see `buildWhenStale`). */
export function buildConsole(): Promise<void> {
  return buildWhenStale({ configFile: join(consoleDir, "vite.config.ts"), distDir, sourceRoots });
}

export type { RunningServer };

export interface ServerOptions {
  alarmEscalationMs?: number;
  /** The server's wall clock for time-of-day rules (the daily check-in hour). */
  clock?: () => Date;
  /** A devices file naming gates and cameras (simulators in tests). */
  devicesFile?: string;
  /** How long a terminal may stay silent before it counts as offline. */
  supervisionMs?: { kiosk: number; elder: number };
}

/** A real control server on a free loopback port with a fresh database; the admin signs in with ADMIN_PASSWORD. */
export function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  // Enrolment codes last a day, as the server's default: the console says so on the code card.
  return startServerOnly({
    adminPassword: ADMIN_PASSWORD,
    enrollmentCodeTtlMs: 24 * 3600 * 1000,
    ...options,
  });
}

export { launchChromium, seriousAxeFindings as seriousAxeViolations };

/** What nearly every console test file starts with: the console built, a server, Chromium, the admin's token. */
export interface ConsoleParts {
  server: RunningServer;
  browser: Browser;
  token: string;
}

/** Builds the console and starts a server and Chromium side by side; `chromiumArgs` as for `launchChromium`. */
export async function startConsoleParts(
  options: { server?: ServerOptions; chromiumArgs?: string[] } = {},
): Promise<ConsoleParts> {
  await buildConsole();
  const [server, browser] = await Promise.all([
    startServer(options.server),
    launchChromium(options.chromiumArgs),
  ]);
  return { server, browser, token: await adminToken(server.url) };
}

/** A page at a desktop staff screen's size (1440 × 900 unless told), in Chinese, in a context of its own. */
export async function openConsolePage(
  browser: Browser,
  viewport = { width: 1440, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: "zh-CN" });
  return { context, page: await context.newPage() };
}

export { api };

/** The admin's session token (ADMIN_PASSWORD). */
export const adminToken = (base: string): Promise<string> => signInAdmin(base, ADMIN_PASSWORD);

/** Enrols a terminal through the HTTP API, as a terminal would; answers its credentials. */
export async function enrolTerminal(
  base: string,
  token: string,
  terminal: { kind: "kiosk" | "elder"; communityId: string; name: string },
): Promise<{ terminalId: string; token: string }> {
  const code = await api(base, "/api/v1/terminals/enrollment-codes", { token, body: terminal });
  if (code.status !== 201) throw new Error(`enrolment code: ${code.status} ${JSON.stringify(code.body)}`);
  const enrolled = await api(base, "/api/v1/terminals/enroll", { body: { code: code.body.code } });
  if (enrolled.status !== 201) throw new Error(`enrol: ${enrolled.status} ${JSON.stringify(enrolled.body)}`);
  return enrolled.body;
}

/** A real terminal link: the socket a kiosk or elder unit opens. */
export async function connectTerminal(
  base: string,
  credentials: { terminalId: string; token: string },
): Promise<Socket> {
  const socket = io(new URL("/terminal", base).toString(), {
    auth: { ...credentials, protocol: PROTOCOL_VERSION },
    transports: ["websocket"],
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return socket;
}

/** Signs in through the page, as a person would. */
export async function signInThroughPage(
  page: Page,
  base: string,
  username = "admin",
  password = ADMIN_PASSWORD,
) {
  await page.goto(new URL("/console/", base).toString());
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}
