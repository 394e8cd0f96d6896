/**
 * The elder unit's screen when things do not go the usual way: a false alarm (cancelled only on a second
 * press, so that a stray touch cannot call off real help), and an SOS while the control server is down
 * (the screen says so, then tells the elder to phone). Real runtime, real server process, Chromium at
 * 800 × 480; the page's clock is Playwright's, so that waits of 15–30 s take no time.
 */
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN_PASSWORD,
  Api,
  buildElderUi,
  type ElderPage,
  type ElderUnit,
  eventually,
  freshDir,
  KEYS,
  launchBrowser,
  launchElderUnit,
  layoutFacts,
  openScreen,
  type ServerProcess,
  screenshot,
  seriousAxeViolations,
  startServer,
} from "./elder-harness";

let browser: Browser;
const dir = freshDir("linli-elder-cancel-e2e-");
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  [browser] = await Promise.all([launchBrowser(), buildElderUi()]);
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

afterAll(async () => {
  await browser?.close();
  dir.remove();
});

async function setUp(name: string): Promise<{ server: ServerProcess; admin: Api; unit: ElderUnit }> {
  const server = await startServer(join(dir.path, `${name}-server`));
  cleanups.push(() => server.stop());
  const admin = await Api.signIn(server.url, "admin", ADMIN_PASSWORD);
  const unit = await launchElderUnit(server.url, admin, join(dir.path, `${name}-unit`));
  cleanups.push(() => unit.stop());
  return { server, admin, unit };
}

async function open(unit: ElderUnit): Promise<ElderPage> {
  const screen = await openScreen(browser, unit.terminal.bridge.url, { fakeClock: true });
  cleanups.push(() => screen.context.close());
  return screen;
}

const sceneOf = (screen: ElderPage) => () =>
  screen.page.getByTestId("alarm").getAttribute("data-scene", { timeout: 1000 });
const titleOf = (screen: ElderPage) => () =>
  screen.page.getByTestId("alarm-title").textContent({ timeout: 1000 });
const saidCount = (unit: ElderUnit, part: string) =>
  unit.spoken.filter((entry) => entry.text.includes(part)).length;

describe("the elder unit's screen", () => {
  it("false alarm: the first press asks aloud for a second; the second cancels; the screen goes back to idle", async () => {
    const { admin, unit } = await setUp("cancel");
    let screen = await open(unit);
    await expect
      .poll(() => screen.page.getByTestId("link-banner").textContent(), { timeout: 10_000 })
      .toContain("在线");

    // The red button of the unit's keyboard-wedge button box: the key goes to the runtime, which raises.
    await screen.page.keyboard.press(KEYS.sos);
    await expect.poll(sceneOf(screen), { timeout: 5000 }).toBe("received");
    const [alarm] = (
      await admin.call<{ alarms: Array<{ id: string; source: string }> }>("GET", "/api/v1/alarms")
    ).alarms;
    expect(alarm?.source).toBe("button");

    // One press arms, says so, and cancels nothing; left alone, it disarms.
    const cancel = screen.page.getByTestId("cancel");
    await cancel.click();
    await expect.poll(() => cancel.textContent()).toBe("再按一次确认取消");
    await expect.poll(() => saidCount(unit, "再按一次确认取消")).toBe(1);
    expect(unit.terminal.runtime.snapshot().alarm?.phase).toBe("received");
    expect(await seriousAxeViolations(screen.page)).toEqual([]);
    await screenshot(screen.page, "elder-cancel-confirm");
    await screen.page.clock.fastForward(16_000);
    await expect.poll(() => cancel.textContent()).toBe("误报取消");
    expect(unit.terminal.runtime.snapshot().alarm?.phase).toBe("received");

    // A fresh screen (and a fresh page clock): two presses cancel, on the unit and on the server.
    await screen.context.close();
    screen = await open(unit);
    const again = screen.page.getByTestId("cancel");
    await expect.poll(sceneOf(screen), { timeout: 5000 }).toBe("received");
    await again.click();
    await expect.poll(() => again.textContent()).toBe("再按一次确认取消");
    await again.click();
    await expect.poll(sceneOf(screen), { timeout: 5000 }).toBe("cancelled");
    expect(await titleOf(screen)()).toBe("已取消，如需帮助请再按紧急呼叫");
    await expect.poll(() => saidCount(unit, "已取消"), { timeout: 5000 }).toBe(1);
    await eventually(
      async () =>
        (await admin.call<{ status: string }>("GET", `/api/v1/alarms/${alarm!.id}`)).status === "cancelled",
      5000,
      "the server records the cancel",
    );
    const facts = await layoutFacts(screen.page);
    expect(facts).toMatchObject({ overflowing: [], brokenPhrases: [] });
    expect(facts.alarmTitlePx).toBeGreaterThanOrEqual(48);
    expect(await seriousAxeViolations(screen.page)).toEqual([]);
    await screenshot(screen.page, "elder-cancelled");

    // 30 s later the idle screen is back, SOS ready.
    await screen.page.clock.fastForward(29_000);
    expect(await sceneOf(screen)()).toBe("cancelled");
    await screen.page.clock.fastForward(2_000);
    await expect.poll(() => screen.page.getByTestId("link-banner").textContent()).toContain("在线");
    expect(await screen.page.getByTestId("sos").isVisible()).toBe(true);
  });

  it("the unit's own buttons: SOS raises, Cancel asks for a second press then cancels, OK puts the closed alarm away", async () => {
    const { unit } = await setUp("buttons");
    const screen = await openScreen(browser, unit.terminal.bridge.url, { relayButtonsOf: unit });
    cleanups.push(() => screen.context.close());
    const { page } = screen;
    await expect
      .poll(() => page.getByTestId("link-banner").textContent(), { timeout: 10_000 })
      .toContain("在线");

    await page.keyboard.press(KEYS.sos);
    await expect.poll(sceneOf(screen), { timeout: 5000 }).toBe("received");
    await page.keyboard.press(KEYS.cancel);
    await expect.poll(() => page.getByTestId("cancel").textContent()).toBe("再按一次确认取消");
    expect(unit.terminal.runtime.snapshot().alarm?.phase).toBe("received");
    await page.keyboard.press(KEYS.cancel);
    await expect.poll(sceneOf(screen), { timeout: 5000 }).toBe("cancelled");
    expect(unit.terminal.runtime.snapshot().alarm?.phase).toBe("cancelled");

    await page.keyboard.press(KEYS.ok);
    await expect.poll(() => page.getByTestId("link-banner").textContent()).toContain("在线");
    // Put away for good: a reload (staff's reload command) does not bring the closed alarm back.
    await page.reload();
    await expect
      .poll(() => page.getByTestId("link-banner").textContent(), { timeout: 10_000 })
      .toContain("在线");
    expect(await page.getByTestId("alarm").count()).toBe(0);
  });

  it("with the centre down, a screen SOS says so honestly, repeats it, and advises the phone after phoneAdviceSeconds", async () => {
    const { server, unit } = await setUp("offline");
    const screen = await open(unit);
    const banner = screen.page.getByTestId("link-banner");
    await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toContain("在线");

    await server.stop();
    await expect.poll(() => banner.textContent(), { timeout: 5000 }).toContain("网络中断");
    await screen.page.getByTestId("sos").click();
    await expect.poll(sceneOf(screen), { timeout: 3000 }).toBe("unreachable");
    expect(await titleOf(screen)()).toBe("暂时联系不上服务中心，正在重试");
    await screenshot(screen.page, "elder-unreachable");
    await expect.poll(() => saidCount(unit, "暂时联系不上服务中心"), { timeout: 3000 }).toBe(1);
    const unreachableFacts = await layoutFacts(screen.page);
    expect(unreachableFacts).toMatchObject({ overflowing: [], brokenPhrases: [] });
    expect(await screen.page.getByTestId("cancel").isVisible()).toBe(true);

    // phoneAdviceSeconds is 5 in this unit's config.
    await expect.poll(sceneOf(screen), { timeout: 8000 }).toBe("phone");
    expect(await titleOf(screen)()).toBe("请直接拨打 120，或家人电话");
    await expect.poll(() => saidCount(unit, "请直接拨打 120"), { timeout: 3000 }).toBe(1);
    const facts = await layoutFacts(screen.page);
    expect(facts).toMatchObject({ overflowing: [], brokenPhrases: [] });
    expect(facts.alarmTitlePx).toBeGreaterThanOrEqual(48);
    expect(facts.smallestTextPx).toBeGreaterThanOrEqual(32);
    expect(await seriousAxeViolations(screen.page)).toEqual([]);
    await screenshot(screen.page, "elder-phone");

    // An elder who did not catch it hears it again 20 s later.
    await screen.page.clock.fastForward(20_000);
    await expect.poll(() => saidCount(unit, "请直接拨打 120"), { timeout: 3000 }).toBe(2);

    // Nothing, on screen or aloud, claimed the centre had the call or that help was coming.
    for (const text of [...screen.shown, ...unit.spoken].map((entry) => entry.text)) {
      expect(text).not.toMatch(/马上就到|已收到您的呼叫|已接听/);
    }
  });
});
