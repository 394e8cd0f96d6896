/**
 * An SOS while the control server is down: the elder unit's screen and voice say so honestly, keep
 * saying it, and after `alarm.phoneAdviceSeconds` tell the elder to phone instead; nothing claims the
 * centre has the call. Real runtime, real server process (stopped), Chromium at 800 × 480.
 */
import { describe, expect, it } from "vitest";
import {
  layoutFacts,
  saidCount,
  sceneOf,
  screenshot,
  seriousAxeViolations,
  TestRig,
  titleOf,
} from "./elder-harness";

const rig = TestRig.perTest("linli-elder-offline-e2e-");

describe("the elder unit's screen", () => {
  it("with the centre down, a screen SOS says so honestly, repeats it, and advises the phone after phoneAdviceSeconds", async () => {
    const { server, unit } = await rig.unit("offline");
    const screen = await rig.screen(unit, { fakeClock: true });
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
