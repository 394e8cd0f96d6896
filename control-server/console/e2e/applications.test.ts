import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { tinyJpeg } from "@linli/hardware/camera/tiny-jpeg";
import type { Ack, ApplicationService, KioskContent } from "@linli/protocol";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildResidentPages, idNumber, submitAtKiosk } from "../../resident/e2e/harness";
import {
  adminToken,
  api,
  buildConsole,
  connectTerminal,
  enrolTerminal,
  launchChromium,
  type RunningServer,
  seriousAxeViolations,
  signInThroughPage,
  startServer,
} from "./harness";

const SHOTS = fileURLToPath(new URL("../../../test-results/console-applications/", import.meta.url));

async function ask<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  const ack = (await socket.timeout(5000).emitWithAck(event, payload)) as Ack<T>;
  if (!ack.ok) throw new Error(`${event} refused: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

/**
 * Applications in the staff console, in real Chromium against a real server with a real kiosk socket: the
 * queue fills live, the clerk works an application through every step while the resident's phone page follows,
 * the catalogue editor changes what kiosks ask for, and unknown card holders are checked.
 */
describe("applications in the console", () => {
  let server: RunningServer;
  let browser: Browser;
  let token: string;
  let kiosk: Socket;
  let staffContext: BrowserContext;
  let phoneContext: BrowserContext;
  let page: Page;
  let phone: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await Promise.all([buildConsole(), buildResidentPages()]);
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    token = await adminToken(server.url);
    kiosk = await connectTerminal(
      server.url,
      await enrolTerminal(server.url, token, {
        kind: "kiosk",
        communityId: "xiangbin",
        name: "湘滨服务中心 1 号机",
      }),
    );
    staffContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
    phoneContext = await browser.newContext({
      viewport: { width: 360, height: 740 },
      hasTouch: true,
      isMobile: true,
      locale: "zh-CN",
    });
    page = await staffContext.newPage();
    phone = await phoneContext.newPage();
  });

  afterAll(async () => {
    kiosk?.disconnect();
    await browser?.close();
    await server?.close();
  });

  const shot = (target: Page, name: string) =>
    target.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  /** What the resident sees on the phone page now. */
  const residentSees = async (receiptCode: string) => {
    await phone.goto(new URL(`/r/${receiptCode}`, server.url).toString());
    await phone.getByTestId("status").waitFor();
    return phone.getByTestId("status").textContent();
  };

  it("shows a kiosk application live, and the clerk takes it from submitted to completed while the resident follows", async () => {
    await signInThroughPage(page, server.url);
    await page.getByRole("link", { name: "办件" }).click();
    await page.getByRole("heading", { level: 1, name: "办件" }).waitFor();
    await page.getByText("没有符合条件的办件。").waitFor();

    // Submitted at the kiosk while the queue is open: it appears without a reload, waiting to be accepted.
    const serial = 101;
    const receiptCode = await submitAtKiosk(kiosk, {
      serviceCode: "residence-permit",
      answers: { renting: true, employed: false },
      name: "王小英",
      serial,
    });
    const row = page.locator(`tr[data-receipt-code="${receiptCode}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain("王小英");
    expect(await row.locator("[data-status]").textContent()).toBe("待受理");
    await expect.poll(() => page.getByTestId("nav-waiting-applications").textContent()).toContain("1");

    // One submitted two months ago (queued offline for a long time) is past its promise: it stands out.
    const old = await submitOld(kiosk, serial + 1);
    const oldRow = page.locator(`tr[data-receipt-code="${old}"]`);
    await oldRow.waitFor();
    expect(await oldRow.getAttribute("class")).toContain("application-overdue");
    expect(await oldRow.textContent()).toContain("已超期");
    expect(await row.getAttribute("class")).toBeNull();
    // Newest first.
    expect(await page.locator("tr[data-receipt-code]").first().getAttribute("data-receipt-code")).toBe(
      receiptCode,
    );
    // Search forgives how the code is typed.
    await page.getByLabel("搜索回执码、申请人或事项").fill(receiptCode.toLowerCase().replace(/-/g, ""));
    await expect.poll(() => page.locator("tr[data-receipt-code]").count()).toBe(1);
    await page.getByLabel("搜索回执码、申请人或事项").fill("");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, "queue");

    // A material from the kiosk's document camera.
    await ask(kiosk, "application:material", {
      id: randomUUID(),
      receiptCode,
      materialCode: "id-card",
      fileName: "身份证.jpg",
      mimeType: "image/jpeg",
      dataBase64: tinyJpeg({ width: 48, height: 30 }).toString("base64"),
      addedAt: new Date().toISOString(),
    });

    await row.getByRole("link", { name: receiptCode }).click();
    await page.getByRole("heading", { level: 1, name: /居住证/ }).waitFor();
    const facts = await page.getByTestId("application-facts").textContent();
    expect(facts).toContain("王小英");
    expect(facts).not.toContain(idNumber(serial));
    expect(facts).toMatch(/\d{3}\*+\d{4}|\*{4,}/);
    expect(facts).toContain("湘滨服务中心 1 号机");
    await page
      .getByTestId("application-checklist")
      .locator('[data-material="id-card"]')
      .getByText("已提供")
      .waitFor();
    expect(
      await page
        .getByTestId("application-checklist")
        .locator('[data-material="tenancy-contract"]')
        .textContent(),
    ).toContain("缺少");
    expect(await page.locator(".panel").filter({ hasText: "情况问答" }).textContent()).toContain(
      "您是否租房居住？是",
    );

    // The file opens under the session, as a picture.
    await page.getByRole("button", { name: /查看 · 身份证.jpg/ }).click();
    const image = page.getByTestId("file-preview").locator("img");
    await image.waitFor();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(48);

    // Only the allowed steps are offered; asking for materials needs a note the resident will read.
    const actions = page.locator("[data-action]");
    expect(await actions.allTextContents()).toEqual(["受理", "要求补正材料", "不予办理"]);
    await page.getByRole("button", { name: "要求补正材料" }).click();
    await page.getByRole("button", { name: "确定 · 要求补正材料" }).click();
    await page.getByText("请填写说明：居民需要知道原因。").waitFor();
    await page.getByLabel(/告诉居民要补什么/).fill("请补交已备案的房屋租赁合同");
    await page.getByRole("button", { name: "确定 · 要求补正材料" }).click();
    await page.locator(".detail-head [data-status]").getByText("待补正").waitFor();
    expect(await actions.allTextContents()).toEqual(["受理", "不予办理"]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, "detail-needs-materials");
    expect(await residentSees(receiptCode)).toBe("需要补充材料");
    expect(await phone.getByTestId("clerk-note").textContent()).toContain("请补交已备案的房屋租赁合同");
    await shot(phone, "resident-needs-materials");

    for (const [action, staffWord, residentWord] of [
      ["受理", "已受理", "已受理，正在办理"],
      ["办理通过", "已办好", "已办好，请按通知领取"],
      ["办结（已领取）", "已办结", "已办结"],
    ] as const) {
      await page.getByRole("button", { name: action, exact: true }).click();
      await page.getByRole("button", { name: `确定 · ${action}` }).click();
      await page.locator(".detail-head [data-status]").getByText(staffWord, { exact: true }).waitFor();
      expect(await residentSees(receiptCode)).toBe(residentWord);
    }
    await page.getByText("这个办件已办结，没有后续操作。").waitFor();
    await phone.getByRole("heading", { name: "评价本次服务" }).waitFor();
    await shot(phone, "resident-completed");

    // The history, newest first, kept the clerk's note.
    const history = await page.locator(".history-list li").allTextContents();
    expect(history).toHaveLength(5);
    expect(history[0]).toContain("已办结");
    expect(history[3]).toContain("请补交已备案的房屋租赁合同");
    await shot(page, "detail-completed");

    // Back on the queue, the change arrived there too (the default filter hides completed ones).
    await page.getByRole("link", { name: "← 返回办件" }).click();
    await page.locator(`tr[data-receipt-code="${old}"]`).waitFor();
    expect(await page.locator(`tr[data-receipt-code="${receiptCode}"]`).count()).toBe(0);
    await page.locator('[data-filter="completed"]').click();
    await page.locator(`tr[data-receipt-code="${receiptCode}"]`).waitFor();
  });

  it("files an application at the counter: the answers make the checklist, the ID number is checked", async () => {
    await page.goto(new URL("/console/#/applications", server.url).toString());
    await page.getByRole("button", { name: "窗口代办" }).click();
    const form = page.locator(".new-application");
    await form.getByLabel("事项").selectOption("residence-permit");
    await form.getByLabel("社区").selectOption("xiangbin");
    const checklist = form.getByTestId("new-application-checklist");
    // Unanswered questions count as "no": an owner-occupier without local work.
    expect(await checklist.locator("li").allTextContents()).toEqual([
      "居民身份证",
      "近期一寸免冠照片",
      "房产证",
    ]);
    await form.getByRole("group", { name: "您是否租房居住？" }).getByLabel("是").check();
    await form.getByRole("group", { name: "您是否在本地就业？" }).getByLabel("是").check();
    expect(await checklist.locator("li").allTextContents()).toEqual([
      "居民身份证",
      "近期一寸免冠照片",
      "房屋租赁合同",
      "劳动合同或营业执照",
    ]);
    await form.getByLabel("申请人姓名").fill("陈静");
    const id = idNumber(303);
    await form.getByLabel("身份证号").fill("4301021980");
    await form.getByRole("button", { name: "提交申请" }).click();
    await form.getByText("身份证号应为 18 位数字，最后一位可以是 X。").waitFor();
    const wrongCheck = id.slice(0, 17) + (id.endsWith("1") ? "2" : "1");
    await form.getByLabel("身份证号").fill(wrongCheck);
    await form.getByRole("button", { name: "提交申请" }).click();
    await form.getByText("身份证号校验位不对，请核对后重新输入。").waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, "counter-form");

    await form.getByLabel("身份证号").fill(id.toLowerCase());
    await form.getByRole("button", { name: "提交申请" }).click();
    await page.getByRole("heading", { level: 1, name: /居住证/ }).waitFor();
    const facts = await page.getByTestId("application-facts").textContent();
    expect(facts).toContain("陈静");
    expect(facts).toContain("窗口代办");
    expect(facts).not.toContain(id);
    expect(await page.getByTestId("application-checklist").locator("li").count()).toBe(4);
    const receiptCode = new URL(page.url()).hash.split("/").pop() ?? "";
    expect(await residentSees(decodeURIComponent(receiptCode))).toBe("已提交，等待受理");
  });

  it("saves a new conditional material in the catalogue, and kiosks are given it", async () => {
    await page.goto(new URL("/console/#/catalogue", server.url).toString());
    await page.getByRole("heading", { level: 1, name: "事项目录" }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page
      .locator('tr[data-service-code="residence-permit"]')
      .getByRole("button", { name: /编辑/ })
      .click();
    await page.getByRole("heading", { level: 1, name: "编辑事项：居住证" }).waitFor();

    const materials = page.getByTestId("catalogue-materials");
    const before = await materials.locator("[data-material-index]").count();
    await page.getByRole("button", { name: "添加材料" }).click();
    const added = materials.locator(`[data-material-index="${before}"]`);
    await added.getByLabel("材料编码").fill("Social Insurance");
    await added.getByLabel("材料名称", { exact: true }).fill("社保缴费证明");
    await added.getByLabel("材料名称（英文）").fill("Social insurance record");
    await added.getByLabel("说明", { exact: true }).fill("近六个月");
    await added.getByRole("button", { name: "添加条件" }).click();
    await added.getByLabel("条件 1：问题").selectOption("employed");
    await added.getByLabel("条件 1：回答").selectOption("yes");
    // A bad code is named before anything is sent.
    await page.getByRole("button", { name: "保存事项" }).click();
    await page
      .getByTestId("catalogue-problems")
      .getByText(/编码应以小写字母开头.*Social Insurance/)
      .waitFor();
    await added.getByLabel("材料编码").fill("social-insurance");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, "catalogue-editor");
    await page.getByRole("button", { name: "保存事项" }).click();
    await page.getByText("“居住证”已保存，自助终端将显示新的清单。").waitFor();
    await shot(page, "catalogue-saved");

    const services = await api(server.url, "/api/v1/application-services", { token });
    const permit = (services.body as ApplicationService[]).find((s) => s.code === "residence-permit");
    expect(permit?.materials.at(-1)).toEqual({
      code: "social-insurance",
      name: "社保缴费证明",
      nameEn: "Social insurance record",
      note: "近六个月",
      noteEn: "",
      when: { employed: true },
    });
    const content = await ask<KioskContent>(kiosk, "kiosk:content", null);
    const offered = content.catalogue.find((s) => s.code === "residence-permit");
    expect(offered?.materials.find((m) => m.code === "social-insurance")?.when).toEqual({ employed: true });
  });

  it("lists unknown card holders with the ID number masked, and approves one", async () => {
    const unknownId = idNumber(777);
    await ask(kiosk, "resident:identify", { idNumber: unknownId, name: "赵新来", source: "card" });
    await page.goto(new URL("/console/#/residents", server.url).toString());
    await page.getByRole("heading", { level: 1, name: "人口核对" }).waitFor();
    const row = page.locator("tr[data-proposal-id]").filter({ hasText: "赵新来" });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).not.toContain(unknownId);
    expect(text).toContain(unknownId.slice(-4));
    expect(text).toContain("刷身份证");
    expect(text).toContain("湘滨服务中心 1 号机");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, "residents");
    await row.getByRole("button", { name: /批准建档/ }).click();
    await page.getByText("赵新来 已建档。").waitFor();
    expect(await row.count()).toBe(0);
    const identity = await ask<{ known: boolean }>(kiosk, "resident:identify", {
      idNumber: unknownId,
      name: "赵新来",
      source: "card",
    });
    expect(identity.known).toBe(true);

    // Rejecting asks once more, and says what it means.
    await ask(kiosk, "resident:identify", { idNumber: idNumber(778), name: "钱未知", source: "typed" });
    await page.reload();
    const other = page.locator("tr[data-proposal-id]").filter({ hasText: "钱未知" });
    expect(await other.textContent()).toContain("手工输入");
    await other.getByRole("button", { name: /驳回/ }).click();
    const dialog = page.getByRole("dialog", { name: "驳回 钱未知 的建档？" });
    await dialog.waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "驳回" }).click();
    await page.getByText("钱未知 的建档申请已驳回。").waitFor();
    expect(await other.count()).toBe(0);
  });
});

/** An application the kiosk queued offline and delivered two months late: its promised date has passed. */
async function submitOld(kiosk: Socket, serial: number): Promise<string> {
  const receiptCode = `0000-${String(serial).padStart(4, "0")}-AAAA`;
  await ask(kiosk, "application:submit", {
    id: randomUUID(),
    receiptCode,
    serviceCode: "residence-permit",
    applicant: { idNumber: idNumber(serial), name: "李四", phone: null },
    answers: { renting: false, employed: true },
    submittedAt: new Date(Date.now() - 60 * 86_400_000).toISOString(),
  });
  return receiptCode;
}
