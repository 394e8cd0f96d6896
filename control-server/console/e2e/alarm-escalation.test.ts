import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { elderUnit, raiseSos, WANG } from "./alarm-fixtures";
import {
  api,
  openConsolePage,
  type RunningServer,
  seriousAxeViolations,
  signInThroughPage,
  startConsoleParts,
} from "./harness";

/** Five people to text, one per escalation level, so the console can be seen in the middle of the list. */
const FIVE_CONTACTS = ["王强", "王丽", "王军", "王芳", "王敏"].map((name, i) => ({
  name,
  relation: "子女",
  phone: `1381234567${i}`,
}));

/** Escalation on the console, against a server that escalates after half a second (no SMS gateway). */
describe("alarm escalation", () => {
  let server: RunningServer;
  let browser: Browser;
  let token: string;
  let context: BrowserContext;
  let page: Page;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    ({ server, browser, token } = await startConsoleParts({
      server: { alarmEscalationMs: 500 },
      chromiumArgs: ["--autoplay-policy=no-user-gesture-required"],
    }));
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => {
    await context?.close();
  });

  it("says in words that nobody took the alarm in time, the supervisor was alerted and the family is being texted in order", async () => {
    const unit = await elderUnit(server.url, token, {
      name: "湘滨 王奶奶家",
      profile: { ...WANG, emergencyContacts: FIVE_CONTACTS },
    });
    const bare = await elderUnit(server.url, token, { name: "湘滨 8 栋 1 单元", profile: null });
    sockets.push(unit.socket, bare.socket);
    ({ context, page } = await openConsolePage(browser));
    await signInThroughPage(page, server.url);
    await page.getByRole("heading", { level: 1, name: "终端总览" }).waitFor();

    const { alarmId } = await raiseSos(unit.socket);
    const item = page.getByTestId("alarm-bar").locator(`[data-alarm-id="${alarmId}"]`);
    await item.waitFor({ timeout: 1000 });
    expect(await item.getByTestId("alarm-escalation").textContent()).toBe("等待接警，超时将通知主管和家属");
    const escalation = item.getByTestId("alarm-escalation");
    await expect.poll(() => escalation.textContent(), { timeout: 3000 }).toContain("已超时未接，已通知主管");
    await expect
      .poll(() => escalation.textContent(), { timeout: 3000, interval: 50 })
      .toMatch(/正在短信通知家属（按拨打顺序，第 [1-5]\/5 位）/);
    expect(Number(await item.getAttribute("data-escalation-level"))).toBeGreaterThanOrEqual(1);
    // With no SMS gateway the texts fail: the bar passes on the server's own words, which say to phone.
    await expect.poll(() => escalation.textContent(), { timeout: 3000 }).toContain("未能短信通知紧急联系人");
    await expect
      .poll(() => escalation.textContent(), { timeout: 6000 })
      .toContain("已按顺序短信通知到最后一位家属（5/5），请电话跟进");

    const { alarmId: bareId } = await raiseSos(bare.socket);
    const bareItem = page.getByTestId("alarm-bar").locator(`[data-alarm-id="${bareId}"]`);
    await expect
      .poll(() => bareItem.getByTestId("alarm-escalation").textContent(), { timeout: 3000 })
      .toContain("此终端未关联老人档案，无法通知家属");
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The alarm's own page says the same, with every step in the history.
    await item.getByRole("link", { name: "查看详情" }).click();
    await page.getByTestId("alarm-escalation-notice").waitFor();
    expect(await page.getByTestId("alarm-escalation-notice").textContent()).toContain(
      "已超时未接，已通知主管",
    );
    expect(
      await page.getByTestId("alarm-history").locator('[data-event-type="contact-notified"]').count(),
    ).toBe(5);

    // Taking it stops the escalation.
    await page.getByRole("main").getByRole("button", { name: /接警/ }).click();
    await page.getByTestId("alarm-taken-by").waitFor();
    const level = (await api(server.url, `/api/v1/alarms/${alarmId}`, { token })).body.escalationLevel;
    await page.waitForTimeout(1200);
    expect((await api(server.url, `/api/v1/alarms/${alarmId}`, { token })).body.escalationLevel).toBe(level);
    expect(await page.getByTestId("alarm-escalation-notice").count()).toBe(0);
  });
});
