import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WANG } from "./alarm-fixtures";
import {
  api,
  connectTerminal,
  enrolTerminal,
  openConsolePage,
  type RunningServer,
  seriousAxeViolations,
  signInThroughPage,
  startConsoleParts,
} from "./harness";

/** The warning strip for elder units gone offline, driven by real terminal links dropping and coming back. */
describe("elder units offline", () => {
  let server: RunningServer;
  let browser: Browser;
  let token: string;
  let context: BrowserContext;
  let page: Page;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    ({ server, browser, token } = await startConsoleParts());
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  const link = async (credentials: { terminalId: string; token: string }) => {
    const socket = await connectTerminal(server.url, credentials);
    sockets.push(socket);
    return socket;
  };

  it("warns on every page while an elder unit is offline, until acknowledged or back; a kiosk going away is no such risk", async () => {
    const unit = await enrolTerminal(server.url, token, {
      kind: "elder",
      communityId: "xiangbin",
      name: "湘滨 王奶奶家",
    });
    expect(
      (
        await api(server.url, "/api/v1/elders", {
          token,
          body: { ...WANG, communityId: "xiangbin", terminalId: unit.terminalId },
        })
      ).status,
    ).toBe(201);
    const kiosk = await enrolTerminal(server.url, token, {
      kind: "kiosk",
      communityId: "xiangbin",
      name: "湘滨服务中心 1 号机",
    });
    // A unit enrolled but never installed is not warned about.
    await enrolTerminal(server.url, token, { kind: "elder", communityId: "quantang", name: "泉塘 未安装" });
    let unitLink = await link(unit);
    const kioskLink = await link(kiosk);

    ({ context, page } = await openConsolePage(browser));
    await signInThroughPage(page, server.url);
    await page.locator(`tr[data-terminal-id="${unit.terminalId}"] [data-presence="online"]`).waitFor();
    const strip = page.getByTestId("offline-strip");
    expect(await strip.count()).toBe(0);

    unitLink.disconnect();
    kioskLink.disconnect();
    await strip.waitFor({ timeout: 2000 });
    expect(await strip.getByRole("heading").textContent()).toContain("居家终端离线 · 1 台");
    const item = strip.locator(`li[data-terminal-id="${unit.terminalId}"]`);
    expect(await item.textContent()).toContain("湘滨 王奶奶家");
    expect(await item.textContent()).toContain("湘滨社区");
    expect(await item.textContent()).toMatch(/离线自 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}（刚刚）/);
    expect(await strip.textContent()).not.toContain("湘滨服务中心 1 号机");
    expect(await strip.textContent()).not.toContain("泉塘 未安装");
    await expect
      .poll(() => page.getByTestId("offline-announcer").textContent())
      .toContain("居家终端离线：湘滨 王奶奶家。");
    expect(await seriousAxeViolations(page)).toEqual([]);

    // On every page.
    await page.getByRole("link", { name: "老人档案" }).click();
    await page.getByRole("heading", { level: 1, name: "老人档案" }).waitFor();
    expect(await strip.isVisible()).toBe(true);

    // Back: the warning clears by itself.
    unitLink = await link(unit);
    await strip.waitFor({ state: "detached", timeout: 2000 });
    await expect
      .poll(() => page.getByTestId("offline-announcer").textContent())
      .toContain("居家终端已恢复在线：湘滨 王奶奶家。");

    // Offline again: warned again; acknowledged, it stays quiet for this session, even after a reload.
    unitLink.disconnect();
    await strip.waitFor({ timeout: 2000 });
    await strip.getByRole("button", { name: "知道了 · 湘滨 王奶奶家" }).click();
    await strip.waitFor({ state: "detached" });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "老人档案" }).waitFor();
    await page.waitForTimeout(500);
    expect(await strip.count()).toBe(0);

    // Its next outage is news again.
    unitLink = await link(unit);
    await page.locator(".live-live").waitFor();
    await page.waitForTimeout(300);
    unitLink.disconnect();
    await strip.waitFor({ timeout: 2000 });
    expect(await strip.locator("li").count()).toBe(1);
  });
});
