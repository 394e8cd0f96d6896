import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { elderUnit, staffToken, WANG } from "./alarm-fixtures";
import {
  api,
  openConsolePage,
  type RunningServer,
  seriousAxeViolations,
  signInThroughPage,
  startConsoleParts,
} from "./harness";

/** Today's date in the county (UTC+8), and 10:30 on it: half an hour past the check-in hour. */
function countyToday(): { date: string; tenThirty: Date } {
  const date = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  return { date, tenThirty: new Date(`${date}T10:30:00+08:00`) };
}

/**
 * 今日平安 in real Chromium against a real control server whose clock the test moves past the check-in
 * hour: the server's own timer creates the tasks, which reach the open console live.
 */
describe("daily check-in tasks", () => {
  let server: RunningServer;
  let browser: Browser;
  let token: string;
  let context: BrowserContext;
  let page: Page;
  const { date, tenThirty } = countyToday();
  let now = new Date(tenThirty.getTime() - 3 * 3600 * 1000);
  const units: Record<string, Socket> = {};

  beforeAll(async () => {
    ({ server, browser, token } = await startConsoleParts({ server: { clock: () => now } }));
    await staffToken(server.url, token, { username: "wang.fang", displayName: "王芳", role: "dispatcher" });
    for (const [name, communityId] of [
      ["张建国", "quantang"],
      ["李淑华", "quantang"],
      ["赵秀兰", "xiangbin"],
    ] as const) {
      const unit = await elderUnit(server.url, token, {
        name: `${name}家`,
        communityId,
        profile: { ...WANG, name, address: `${name}家 1 栋 101` },
      });
      units[name] = unit.socket;
    }
  });

  afterAll(async () => {
    for (const socket of Object.values(units)) socket.disconnect();
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  const checkIn = (name: string, at: Date) =>
    units[name]!.timeout(3000).emitWithAck("checkin:ok", { id: randomUUID(), at: at.toISOString() });
  const row = (name: string) => page.locator('[data-section="open"] tr[data-task-id]', { hasText: name });
  const doneRow = (name: string) => page.locator('[data-section="done"] tr[data-task-id]', { hasText: name });

  it("lists the elders who did not press 我很好 as the hour passes, closes one with what staff found, and another by a late press", async () => {
    // 张建国 checked in this morning.
    expect(await checkIn("张建国", new Date(tenThirty.getTime() - 3 * 3600 * 1000))).toMatchObject({
      ok: true,
    });

    ({ context, page } = await openConsolePage(browser));
    await signInThroughPage(page, server.url, "wang.fang", "wang.fang-password-1");
    await page.getByRole("link", { name: /今日平安/ }).click();
    await page.getByRole("heading", { level: 1, name: "今日平安" }).waitFor();
    await page.getByText("所有老人都已报平安，或都已联系过。").waitFor();
    expect(await page.getByTestId("nav-open-checks").count()).toBe(0);

    now = tenThirty;
    await row("李淑华").waitFor({ timeout: 3000 });
    await row("赵秀兰").waitFor({ timeout: 3000 });
    expect(await row("张建国").count()).toBe(0);
    expect(await page.locator('[data-section="open"] h2').textContent()).toBe("待联系（2）");
    expect(await row("李淑华").textContent()).toContain("泉塘社区 · 李淑华家 1 栋 101");
    expect(await row("李淑华").textContent()).toContain(date);
    expect(await page.getByTestId("nav-open-checks").textContent()).toContain("2");
    expect(await seriousAxeViolations(page)).toEqual([]);

    // 已联系 needs what was found.
    await row("李淑华").getByRole("button", { name: "已联系 · 李淑华" }).click();
    expect(await row("李淑华").locator(".field-error").textContent()).toContain("请先写下联系结果。");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-invalid"))).toBe("true");
    await row("李淑华").getByLabel("联系结果：李淑华").fill("已电话联系，老人在女儿家，一切平安");
    await row("李淑华").getByRole("button", { name: "已联系 · 李淑华" }).click();
    await expect.poll(() => page.locator(".message-ok").textContent()).toBe("已记录：李淑华 平安。");
    await doneRow("李淑华").waitFor();
    expect(await doneRow("李淑华").textContent()).toContain("已电话联系，老人在女儿家，一切平安");
    expect(await doneRow("李淑华").textContent()).toContain("王芳");
    expect(await row("李淑华").count()).toBe(0);
    const closed = await api(server.url, "/api/v1/check-tasks?status=done", { token });
    expect(closed.body.tasks).toEqual([
      expect.objectContaining({ status: "done", doneBy: "王芳", note: "已电话联系，老人在女儿家，一切平安" }),
    ]);

    // 赵秀兰 presses 我很好 late: her task closes on the console by itself.
    expect(await checkIn("赵秀兰", tenThirty)).toMatchObject({ ok: true });
    await doneRow("赵秀兰").waitFor({ timeout: 2000 });
    expect(await doneRow("赵秀兰").textContent()).toContain("老人已报平安");
    expect(await doneRow("赵秀兰").textContent()).toContain("老人自己");
    await page.getByText("所有老人都已报平安，或都已联系过。").waitFor();
    await page.getByTestId("nav-open-checks").waitFor({ state: "detached" });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
