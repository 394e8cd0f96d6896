/**
 * A notice from the centre on the elder unit, with real parts (server process, runtime, Chromium at
 * 800 × 480): published through the server's API, it reaches the unit, takes the screen in very large
 * type and is said aloud twice (important); the unit's OK key ("听到了") records a `heard` receipt on
 * the server, and the household drops off the call-back list. A second notice is confirmed on screen.
 */
import { describe, expect, it } from "vitest";
import {
  type Api,
  expectLooksRight,
  KEYS,
  saidCount,
  sceneOfId,
  screenshot,
  TestRig,
  textOfId,
} from "./elder-harness";

const rig = TestRig.perTest("linli-elder-notice-e2e-");

interface Receipts {
  terminals: Array<{
    terminalId: string;
    deliveredAt: string | null;
    shownAt: string | null;
    heardAt: string | null;
  }>;
  callBack: Array<{ terminalId: string }>;
}

const receiptsOf = (admin: Api, noticeId: string, terminalId: string) => async () =>
  (await admin.call<Receipts>("GET", `/api/v1/notices/${noticeId}/receipts`)).terminals.find(
    (t) => t.terminalId === terminalId,
  );

describe("notices on the elder unit", () => {
  it("a published notice is shown and said twice; the unit's OK key records 'heard' at the centre", async () => {
    const { admin, unit } = await rig.unit("notice");
    const screen = await rig.screen(unit);
    const { page } = screen;
    await expect
      .poll(() => page.getByTestId("link-banner").textContent(), { timeout: 10_000 })
      .toContain("在线");
    const terminalId = unit.terminal.runtime.snapshot().terminalId!;

    const notice = await admin.call<{ id: string }>("POST", "/api/v1/notices", {
      title: "明天停水",
      body: "因管网维修，明天上午八点到下午五点停水，请提前储水。",
      category: "water",
      priority: "important",
      communityIds: ["xiangbin"],
      terminalKinds: ["elder"],
      requiresConfirmation: true,
    });
    await expect.poll(sceneOfId(screen, "notice"), { timeout: 10_000 }).toBe("notice-important");
    expect(await textOfId(screen, "notice-title")()).toBe("明天停水");
    expect(await textOfId(screen, "notice-text")()).toContain("请提前储水");
    expect(await page.getByTestId("notice-heard").textContent()).toContain("听到了");
    // Said by the runtime (no Web Speech voice on the unit), the whole notice twice in one go.
    await expect.poll(() => saidCount(unit, "明天停水"), { timeout: 5000 }).toBe(1);
    const said = unit.spoken.find((entry) => entry.text.includes("明天停水"))!.text;
    expect(said.split("请提前储水").length - 1).toBe(2);
    const receipts = receiptsOf(admin, notice.id, terminalId);
    await expect.poll(async () => (await receipts())?.shownAt ?? null, { timeout: 5000 }).not.toBeNull();
    expect((await receipts())?.heardAt).toBeNull();
    expect(
      (await admin.call<Receipts>("GET", `/api/v1/notices/${notice.id}/receipts`)).callBack.map(
        (t) => t.terminalId,
      ),
    ).toContain(terminalId);
    await expectLooksRight(page, "important notice");
    await screenshot(page, "elder-notice-important");

    // The unit's OK key while it is read: heard, at the centre too; the idle screen comes back.
    await page.keyboard.press(KEYS.ok);
    await expect.poll(async () => (await receipts())?.heardAt ?? null, { timeout: 5000 }).not.toBeNull();
    await expect.poll(() => page.getByTestId("notice").count(), { timeout: 5000 }).toBe(0);
    await expect.poll(() => page.getByTestId("sos").count(), { timeout: 5000 }).toBe(1);
    expect(
      (await admin.call<Receipts>("GET", `/api/v1/notices/${notice.id}/receipts`)).callBack.map(
        (t) => t.terminalId,
      ),
    ).not.toContain(terminalId);

    // An emergency notice in English, confirmed with the screen's own button.
    await admin.call("POST", `/api/v1/terminals/${terminalId}/commands`, {
      type: "update-config",
      params: { locale: "en" },
    });
    const gas = await admin.call<{ id: string }>("POST", "/api/v1/notices", {
      title: "Gas leak on Block 3",
      body: "Do not use open flames. Open the windows and wait for the gas company.",
      category: "gas",
      priority: "emergency",
      communityIds: ["xiangbin"],
      terminalKinds: ["elder"],
      requiresConfirmation: false,
    });
    await expect.poll(sceneOfId(screen, "notice"), { timeout: 10_000 }).toBe("notice-emergency");
    await expect.poll(() => page.getByTestId("notice-heard").textContent()).toContain("Heard it");
    await expectLooksRight(page, "emergency notice, English");
    await screenshot(page, "elder-notice-emergency-en");
    await page.getByTestId("notice-heard").click();
    const gasReceipts = receiptsOf(admin, gas.id, terminalId);
    await expect.poll(async () => (await gasReceipts())?.heardAt ?? null, { timeout: 5000 }).not.toBeNull();
    await expect.poll(() => page.getByTestId("notice").count(), { timeout: 5000 }).toBe(0);
  });
});
