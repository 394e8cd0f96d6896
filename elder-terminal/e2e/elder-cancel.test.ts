/**
 * The elder unit's screen when the elder says it was a mistake: a false alarm is cancelled only on a
 * second press (so that a stray touch cannot call off real help), from the screen or the unit's own
 * buttons, and the screen then goes back to idle. Real runtime, real server process, Chromium at
 * 800 × 480; the page's clock is Playwright's, so that waits of 15–30 s take no time.
 */
import { describe, expect, it } from "vitest";
import {
  eventually,
  KEYS,
  layoutFacts,
  saidCount,
  sceneOf,
  screenshot,
  seriousAxeViolations,
  TestRig,
  titleOf,
} from "./elder-harness";

const rig = TestRig.perTest("linli-elder-cancel-e2e-");

describe("the elder unit's screen", () => {
  it("false alarm: the first press asks aloud for a second; the second cancels; the screen goes back to idle", async () => {
    const { admin, unit } = await rig.unit("cancel");
    let screen = await rig.screen(unit, { fakeClock: true });
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
    screen = await rig.screen(unit, { fakeClock: true });
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
    const { unit } = await rig.unit("buttons");
    const screen = await rig.screen(unit, { relayButtonsOf: unit });
    const { page } = screen;
    await expect
      .poll(() => page.getByTestId("link-banner").textContent(), { timeout: 10_000 })
      .toContain("在线");

    await page.keyboard.press(KEYS.sos);
    await expect.poll(sceneOf(screen), { timeout: 5000 }).toBe("received");
    await page.keyboard.press(KEYS.cancel);
    await expect.poll(() => page.getByTestId("cancel").textContent()).toBe("再按一次确认取消");
    expect(unit.terminal.runtime.snapshot().alarm?.phase).toBe("received");
    // The button box ignores a second press within 300 ms as contact bounce; a person is slower.
    await page.waitForTimeout(400);
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
});
