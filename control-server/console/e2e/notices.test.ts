import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { NoticeList } from "@linli/protocol";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { elderUnit, WANG } from "./alarm-fixtures";
import {
  connectTerminal,
  enrolTerminal,
  openConsolePage,
  type RunningServer,
  seriousAxeViolations,
  signInThroughPage,
  startConsoleParts,
} from "./harness";

const SHOTS_DIR = "/tmp/linli-shots";

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SHOTS_DIR, `console-${name}.png`), fullPage: true });
}

/** A linked terminal that keeps the latest `notices` list it was sent. */
interface Unit {
  name: string;
  socket: Socket;
  latest: NoticeList | null;
}

function watch(name: string, socket: Socket): Unit {
  const unit: Unit = { name, socket, latest: null };
  socket.on("notices", (list: NoticeList) => {
    unit.latest = list;
  });
  return unit;
}

async function until<T>(
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * 通知公告 in real Chromium against a real control server with real terminal links: staff publish a water
 * cut that households must confirm, the units receive it, one household presses "heard it", and the open
 * detail page shows the receipt and the shorter call-back list without a reload.
 */
describe("notices", () => {
  let server: RunningServer;
  let browser: Browser;
  let token: string;
  let context: BrowserContext;
  let page: Page;
  const units: Unit[] = [];

  beforeAll(async () => {
    ({ server, browser, token } = await startConsoleParts());
    for (const [name, elder] of [
      ["湘滨 王奶奶家", WANG],
      ["湘滨 张爷爷家", { ...WANG, name: "张建国", address: "湘滨社区 7 栋 1 单元 302" }],
    ] as const) {
      const unit = await elderUnit(server.url, token, { name, profile: elder });
      units.push(watch(name, unit.socket));
    }
    const kiosk = await connectTerminal(
      server.url,
      await enrolTerminal(server.url, token, {
        kind: "kiosk",
        communityId: "xiangbin",
        name: "湘滨 1 号自助机",
      }),
    );
    units.push(watch("湘滨 1 号自助机", kiosk));
  }, 120_000);

  afterAll(async () => {
    for (const unit of units) unit.socket.disconnect();
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it("staff publish a notice, a unit confirms it heard it, and the detail shows it live as the call-back list shrinks", async () => {
    ({ context, page } = await openConsolePage(browser, { width: 1440, height: 1000 }));
    await signInThroughPage(page, server.url);
    await page.getByRole("link", { name: "通知公告" }).click();
    await page.getByRole("heading", { level: 1, name: "通知公告" }).waitFor();
    await page.getByText("还没有发布过通知。").waitFor();

    // A mistake is named beside its field and nothing is published.
    await page.getByRole("button", { name: "发布", exact: true }).click();
    await page.getByText("请填写标题。").waitFor();
    expect(units.every((unit) => (unit.latest?.notices.length ?? 0) === 0)).toBe(true);

    await page.getByLabel("标题").fill("明日停水通知");
    await page
      .getByLabel("正文")
      .fill("因管网维修，11 月 29 日 8:00 至 18:00 湘滨社区停水，请提前储水。有困难请联系社区。");
    await page.getByLabel("类别").selectOption("water");
    await page.getByRole("radio", { name: "重要" }).check();
    await page.getByRole("checkbox", { name: "湘滨社区" }).check();
    await page.getByRole("checkbox", { name: "需要老人家庭确认「听到了」" }).check();
    await screenshot(page, "notices-form");
    await page.getByRole("button", { name: "发布", exact: true }).click();
    await page.getByTestId("notice-published").waitFor();

    // Every targeted terminal has it at once.
    for (const unit of units) {
      await until(() => unit.latest?.notices.some((n) => n.title === "明日停水通知"));
    }
    const noticeId = units[0]!.latest!.notices[0]!.id;
    const row = page.locator(`tr[data-notice-id="${noticeId}"]`);
    await row.waitFor();
    expect(await row.locator('[data-count="delivered"]').textContent()).toBe("0 / 3");
    expect(await row.locator('[data-count="toCallBack"]').textContent()).toBe("2");

    // Both units prove delivery and read it aloud; the list counts follow without a reload.
    for (const unit of units.slice(0, 2)) {
      for (const kind of ["delivered", "shown"] as const) {
        const ack = await unit.socket
          .timeout(3000)
          .emitWithAck("notice:receipt", { id: randomUUID(), noticeId, kind, at: new Date().toISOString() });
        expect(ack).toEqual({ ok: true, data: { noticeId } });
      }
    }
    await until(async () => (await row.locator('[data-count="delivered"]').textContent()) === "2 / 3", 5000);
    await screenshot(page, "notices-list");

    await row.getByRole("link", { name: "明日停水通知" }).click();
    await page.getByRole("heading", { level: 1, name: "明日停水通知" }).waitFor();
    const callBack = page.getByTestId("call-back-list");
    await callBack.waitFor();
    expect(await callBack.locator("tbody tr").count()).toBe(2);
    await callBack.getByText("王秀英", { exact: true }).waitFor();
    // An administrator phones people: the number is shown in full and can be called.
    expect(await callBack.locator('[data-phone="full"]').first().textContent()).toContain("13812345678");
    await screenshot(page, "notice-detail-before");

    // 王秀英 presses "heard it" on her unit: the detail updates live.
    const wangUnitId = await callBack
      .locator("tbody tr", { hasText: "王秀英" })
      .getAttribute("data-terminal-id");
    const heard = await units[0]!.socket.timeout(3000).emitWithAck("notice:receipt", {
      id: randomUUID(),
      noticeId,
      kind: "heard",
      at: new Date().toISOString(),
    });
    expect(heard.ok).toBe(true);
    await until(async () => (await callBack.locator("tbody tr").count()) === 1, 5000);
    expect(await callBack.locator("tbody tr").textContent()).toContain("张建国");
    const receipt = page.getByTestId("receipts-table").locator(`tr[data-terminal-id="${wangUnitId}"]`);
    await until(
      async () => (await receipt.locator('[data-receipt="heard"]').textContent())?.includes("✓"),
      5000,
    );
    expect(await page.locator('[data-summary="heard"] dd').textContent()).toBe("1");
    expect(await page.locator('[data-summary="toCallBack"] dd').textContent()).toBe("1");

    // A kiosk cannot confirm for a household.
    const kioskHeard = (await units[2]!.socket.timeout(3000).emitWithAck("notice:receipt", {
      id: randomUUID(),
      noticeId,
      kind: "heard",
      at: new Date().toISOString(),
    })) as {
      ok: boolean;
      error?: { code: string };
    };
    expect(kioskHeard.error?.code).toBe("forbidden");

    // Staff phone 张建国's family and note it; he stays on the list until the unit confirms.
    const zhang = callBack.locator("tbody tr", { hasText: "张建国" });
    await zhang.getByRole("textbox").fill("已电话告知儿子王强，会提前储水");
    await zhang.getByRole("button", { name: "已回访" }).click();
    await page.getByTestId("call-back-note").filter({ hasText: "已电话告知儿子王强" }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "notice-detail-after");

    // Withdrawn: the notice leaves every terminal.
    await page.getByRole("button", { name: "撤回通知" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "撤回通知" }).click();
    await page.getByText("通知已撤回，终端上已不再显示。").waitFor();
    for (const unit of units) await until(() => unit.latest?.notices.length === 0);
    await page.getByText("通知已撤回，不需要回访。").waitFor();
  }, 90_000);

  it("staff take a lift out of service and add a facility; the community's kiosk is told and shows it", async () => {
    const kiosk = units[2]!.socket;
    let changes = 0;
    kiosk.on("content:changed", () => {
      changes++;
    });
    await page.goto(new URL("/console/#/notices", server.url).toString());
    await page.getByRole("link", { name: /周边设施、电梯年检、办事指南/ }).click();
    await page.getByRole("heading", { level: 1, name: "自助机信息屏内容" }).waitFor();

    const lifts = page.locator('[data-section="lifts"]');
    const overdue = lifts.locator("tbody tr", { hasText: "湘滨小区 7 栋 1 单元" });
    // The lists load after the heading shows.
    await expect.poll(() => overdue.getByText("已过年检期").count()).toBe(1);
    await overdue.getByRole("button", { name: "修改" }).click();
    await lifts.getByRole("checkbox", { name: "电梯停用（维修中）" }).check();
    await lifts.getByRole("button", { name: "保存修改" }).click();
    await page.getByTestId("content-saved").filter({ hasText: "湘滨小区 7 栋 1 单元" }).waitFor();
    await overdue.getByText("停用").waitFor();

    const facilities = page.locator('[data-section="facilities"]');
    await facilities.getByLabel("所属社区").selectOption("xiangbin");
    await facilities.getByLabel("类型").selectOption("pharmacy");
    await facilities.getByLabel("名称").fill("湘滨夜间药房");
    await facilities.getByLabel("地址").fill("湘滨路 2 号");
    await facilities.getByLabel("距服务中心（米）").fill("30");
    await facilities.getByLabel("开放时间").fill("全天");
    await facilities.getByRole("button", { name: "添加" }).click();
    await facilities.getByText("湘滨夜间药房").waitFor();
    await screenshot(page, "kiosk-content");
    expect(await seriousAxeViolations(page)).toEqual([]);

    await until(() => changes >= 2);
    const content = (await kiosk.timeout(3000).emitWithAck("kiosk:content", null)) as {
      ok: boolean;
      data: {
        facilities: Array<{ name: string }>;
        lifts: Array<{ buildingName: string; location: string; status: string }>;
      };
    };
    expect(content.data.facilities[0]!.name).toBe("湘滨夜间药房");
    expect(
      content.data.lifts.find((l) => l.buildingName === "湘滨小区 7 栋" && l.location === "1 单元")!.status,
    ).toBe("out-of-service");

    // The same pages in English.
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Kiosk screen content" }).waitFor();
    await page.getByRole("link", { name: "All notices" }).click();
    await page.getByRole("heading", { level: 1, name: "Notices" }).waitFor();
    await page.getByRole("link", { name: "明日停水通知" }).click();
    await page.getByText("The notice was withdrawn: no call-backs needed.").waitFor();
    await screenshot(page, "notice-detail-en");
  }, 60_000);
});
