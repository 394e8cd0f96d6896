/**
 * The whole SOS path with both people's screens open, as it happens in a county: the elder's pendant
 * (simulator on a pty) → the unit → the control server → the staff console in Chromium sounds it → the
 * dispatcher takes it in the console → the unit's screen shows and says who took the call.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN_PASSWORD,
  Api,
  buildElderUi,
  dispatcher,
  type ElderPage,
  type ElderUnit,
  freshDir,
  launchBrowser,
  launchElderUnit,
  openScreen,
  PENDANT_ID,
  REPO,
  type ServerProcess,
  startServer,
} from "./elder-harness";

let browser: Browser;
let server: ServerProcess;
let unit: ElderUnit;
let screen: ElderPage;
let consolePage: Page;
const dir = freshDir("linli-elder-console-e2e-");

/** The console the server serves; `npm test` builds it first, a lone run of this file may have to. */
async function ensureConsoleBuilt(): Promise<void> {
  if (existsSync(join(REPO, "control-server/console/dist/index.html"))) return;
  await build({ configFile: join(REPO, "control-server/console/vite.config.ts"), logLevel: "error" });
}

beforeAll(async () => {
  [browser] = await Promise.all([
    launchBrowser(["--autoplay-policy=no-user-gesture-required"]),
    buildElderUi(),
    ensureConsoleBuilt(),
  ]);
  server = await startServer(join(dir.path, "server"));
  const admin = await Api.signIn(server.url, "admin", ADMIN_PASSWORD);
  await dispatcher(admin, "李娟", "li.juan");
  unit = await launchElderUnit(server.url, admin, join(dir.path, "unit"));
  screen = await openScreen(browser, unit.terminal.bridge.url);
  consolePage = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await consolePage.goto(new URL("/console/", server.url).toString());
  await consolePage.getByLabel("用户名").fill("li.juan");
  await consolePage.getByLabel("密码").fill("li.juan-password-1");
  await consolePage.getByRole("button", { name: "登录" }).click();
  await consolePage.getByRole("heading", { level: 1 }).waitFor();
});

afterAll(async () => {
  await screen?.context.close();
  await browser?.close();
  await unit?.stop();
  await server?.stop();
  dir.remove();
});

describe("an SOS with the elder's and the dispatcher's screens open together", () => {
  it("the pendant press sounds on the console; taking it there tells the elder who is coming", async () => {
    const pressedAt = Date.now();
    await unit.pendant.press(PENDANT_ID, 3);

    const bar = consolePage.getByText("王秀英").first();
    await bar.waitFor({ timeout: 5000 });
    const seenAfterMs = Date.now() - pressedAt;
    expect(seenAfterMs).toBeLessThan(2000);
    await expect
      .poll(() => consolePage.locator("[data-alarm-sound]").first().getAttribute("data-alarm-sound"))
      .toBe("playing");
    // Until a person takes it, the elder hears that the centre has the call, never that help is coming.
    await expect.poll(() => screen.page.getByTestId("alarm-title").textContent()).toContain("服务中心已收到");
    expect(unit.spoken.some((entry) => entry.text.includes("马上就到"))).toBe(false);

    await consolePage.getByRole("button", { name: "接警" }).first().click();
    await expect
      .poll(() => consolePage.locator("[data-alarm-sound]").first().getAttribute("data-alarm-sound"))
      .not.toBe("playing");
    await expect
      .poll(() => screen.page.getByTestId("alarm-title").textContent(), { timeout: 5000 })
      .toContain("李娟");
    await expect
      .poll(() => unit.spoken.some((entry) => entry.text.includes("李娟")), { timeout: 5000 })
      .toBe(true);
  });
});
