/**
 * A resident's whole visit at the kiosk, with real parts: the control server in its own process, the
 * runtime with the ID card reader on a socat pty and the printer on TCP, the kiosk UI in Chromium at
 * 1080 × 1920 with touch and a fake camera, and a second browser context as the resident's phone.
 */
import { join } from "node:path";
import { sampleCards } from "@linli/hardware/id-card/sample-cards";
import type { PrintedDocument } from "@linli/hardware/printer/escpos-decoder";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  Api,
  eventually,
  expectKioskScreen,
  kioskPartsPerFile,
  openKioskScreen,
  startServer,
} from "./kiosk-harness";

const CARD = sampleCards.resident;

async function checkScreen(page: Page, name: string): Promise<void> {
  await expectKioskScreen(page, name);
  // The full ID number is never on screen.
  expect(await page.locator("body").textContent(), name).not.toContain(CARD.idNumber);
}

const textOf = (document: PrintedDocument) =>
  document.items.flatMap((item) => (item.kind === "text" ? [item.text] : [])).join("\n");
const qrOf = (document: PrintedDocument) =>
  document.items.flatMap((item) => (item.kind === "qr" ? [item.data] : []));

const parts = kioskPartsPerFile("linli-kiosk-story-");

describe("a resident's visit, from ID card to printed receipt", () => {
  it("card in → conditional checklist → camera and phone uploads → submit → printed receipt → progress → staff decides → rating → card out wipes", async () => {
    const { browser, kiosk, admin, server } = parts;
    const { context, page } = await openKioskScreen(browser, kiosk.terminal.bridge.url);
    await page.getByRole("heading", { name: "请放置身份证" }).waitFor();

    kiosk.reader.simulator.placeCard(CARD);
    await page.getByRole("heading", { name: /^您好，/ }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId("id-masked").textContent()).toBe("身份证 430***********2428");
    await checkScreen(page, "20-home");

    await page.getByRole("button", { name: /我要办事/ }).tap();
    await page.getByRole("heading", { name: "我要办事", level: 1 }).waitFor();
    await checkScreen(page, "21-services");
    await page.getByRole("button", { name: /再生育证/ }).tap();

    // One question per screen; "remarried: yes" asks for the divorce and the new marriage papers.
    await page.getByRole("heading", { name: "夫妻一方或双方是否离异后再婚？" }).waitFor();
    await checkScreen(page, "22-question");
    await page.getByRole("button", { name: "是", exact: true }).tap();
    while (await page.getByText(/^第 \d 题/).isVisible()) {
      await page.getByRole("button", { name: "否", exact: true }).tap();
    }
    await page.getByRole("heading", { name: "需要的材料" }).waitFor();
    const row = (code: string) => page.locator(`li[data-material="${code}"]`);
    const needed = await page
      .locator("li[data-material]")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-material")));
    expect(needed).toContain("divorce-certificate");
    expect(needed).toContain("remarriage-certificate");
    expect(needed).not.toContain("marriage-certificate");
    expect(await page.getByTestId("checklist-summary").textContent()).toBe(
      `共 ${needed.length} 项材料，还缺 ${needed.length} 项`,
    );
    await checkScreen(page, "23-checklist");

    // A photo with the kiosk's camera (Chromium's fake camera).
    const first = needed[0]!;
    await row(first).getByRole("button", { name: "拍照" }).tap();
    const camera = page.getByTestId("camera");
    await camera
      .getByRole("button", { name: "拍照" })
      .and(page.locator(":enabled"))
      .waitFor({ timeout: 10_000 });
    await checkScreen(page, "24-camera");
    await camera.getByRole("button", { name: "拍照" }).tap();
    await camera.waitFor({ state: "hidden", timeout: 10_000 });
    await row(first).getByText("已添加 1 份").waitFor();

    // The divorce certificate from the resident's phone: a second browser opens the QR code's page.
    await page.getByRole("button", { name: "显示二维码" }).tap();
    const qr = page.getByTestId("phone-upload").locator("img[data-qr]");
    await qr.waitFor();
    const uploadUrl = (await qr.getAttribute("data-qr"))!;
    await checkScreen(page, "25-phone-qr");
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const phonePage = await phone.newPage();
    await phonePage.goto(new URL(new URL(uploadUrl).pathname, server.url).toString());
    const jpeg = Buffer.from(
      (await phonePage.evaluate(`(() => {
        const canvas = document.createElement("canvas");
        canvas.width = 64; canvas.height = 40;
        const g = canvas.getContext("2d"); g.fillStyle = "#c33"; g.fillRect(0, 0, 64, 40);
        return canvas.toDataURL("image/jpeg").split(",")[1];
      })()`)) as string,
      "base64",
    );
    await phonePage
      .locator('li[data-material="divorce-certificate"]')
      .getByTestId("choose-file")
      .setInputFiles({ name: "离婚证.jpg", mimeType: "image/jpeg", buffer: jpeg });
    // Ticked off on the kiosk as it arrives.
    await row("divorce-certificate")
      .getByText(/已添加/)
      .waitFor({ timeout: 10_000 });
    await phone.close();
    const missing = needed.length - 2;
    expect(await page.getByTestId("checklist-summary").textContent()).toBe(
      `共 ${needed.length} 项材料，还缺 ${missing} 项`,
    );

    // Review: what is missing said plainly; a phone number for SMS; submit.
    await page.getByRole("button", { name: /先提交|核对提交/ }).tap();
    await page.getByRole("heading", { name: "核对并提交" }).waitFor();
    if (missing > 0) await page.getByRole("heading", { name: `还缺 ${missing} 项材料` }).waitFor();
    for (const digit of "13800138000") await page.getByRole("button", { name: digit, exact: true }).tap();
    expect(await page.getByTestId("typed").textContent()).toBe("138 0013 8000");
    await checkScreen(page, "26-review");
    await page.getByTestId("submit").tap();

    await page.getByRole("heading", { name: "已提交" }).waitFor({ timeout: 10_000 });
    const receiptCode = (await page.getByTestId("receipt-code").textContent())!;
    expect(receiptCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await page.getByTestId("print-outcome").getByText("回执已打印，请取走回执").waitFor({ timeout: 10_000 });
    expect(await page.getByTestId("delivery").textContent()).toContain("已提交到服务中心");
    await checkScreen(page, "27-receipt");

    // The printer received a receipt in Chinese with the code and the progress QR code.
    await eventually(
      () => kiosk.printer.documents.some((d) => textOf(d).includes(receiptCode)),
      10_000,
      "receipt",
    );
    const printed = kiosk.printer.documents.find((d) => textOf(d).includes(receiptCode))!;
    expect(textOf(printed)).toMatch(/再生育证/);
    const progressUrl = (await page.locator(".receipt-qr img[data-qr]").getAttribute("data-qr"))!;
    expect(qrOf(printed)).toContain(progressUrl);
    expect(progressUrl).toContain(receiptCode);

    // My applications: it is there, submitted.
    await page.getByRole("button", { name: "完成" }).tap();
    await page.getByRole("button", { name: /我的办件/ }).tap();
    const application = page.getByTestId("application").filter({ hasText: receiptCode });
    await application.getByTestId("status").getByText("已提交，等待受理").waitFor({ timeout: 10_000 });
    await checkScreen(page, "28-progress-submitted");

    // The clerk accepts, asks for a correction, accepts, approves and completes it.
    const path = `/api/v1/applications/${receiptCode}/status`;
    await admin.call("POST", path, { status: "needs-materials", note: "请补交再婚结婚证复印件" });
    await admin.call("POST", path, { status: "accepted", note: "" });
    await admin.call("POST", path, { status: "approved", note: "请带身份证到窗口领取" });
    await admin.call("POST", path, { status: "completed", note: "" });
    await page.getByRole("button", { name: "返回" }).tap();
    await page.getByRole("button", { name: /我的办件/ }).tap();
    await application.getByTestId("status").getByText("已办结").waitFor({ timeout: 10_000 });
    expect(await application.textContent()).toContain("工作人员留言：请补交再婚结婚证复印件");
    await checkScreen(page, "29-progress-completed");

    // Rates it: four stars and a quick comment.
    await application.getByRole("button", { name: "4 星" }).tap();
    await application.getByRole("button", { name: "办得快" }).tap();
    await application.getByRole("button", { name: "提交评价" }).tap();
    await application
      .getByText(/谢谢您的评价|您已评价：4 星/)
      .first()
      .waitFor({ timeout: 10_000 });
    await eventually(
      async () =>
        (await admin.call<{ rating: { score: number } | null }>("GET", `/api/v1/applications/${receiptCode}`))
          .rating?.score === 4,
      10_000,
      "rating at the centre",
    );

    // Card out: the visit is wiped, back to the attract screen.
    kiosk.reader.simulator.removeCard();
    await page.getByRole("heading", { name: "请放置身份证" }).waitFor({ timeout: 10_000 });
    await eventually(() => kiosk.terminal.runtime.snapshot().resident === null, 5000, "session wiped");
    expect(await page.locator("body").textContent()).not.toContain(receiptCode);

    // Anyone can follow it with the receipt code, typed on the code's own keypad, and read it aloud.
    await page.getByRole("button", { name: "进度查询" }).tap();
    for (const symbol of receiptCode.replace(/-/g, "")) {
      await page.getByRole("button", { name: symbol, exact: true }).tap();
    }
    expect(await page.getByTestId("typed").textContent()).toBe(receiptCode);
    await page.getByRole("button", { name: "查询", exact: true }).tap();
    await application.getByTestId("status").getByText("已办结").waitFor({ timeout: 10_000 });
    expect(await application.textContent()).toContain("您已评价：4 星");
    const spoken: string[] = [];
    kiosk.terminal.runtime.on("spoke", (text: string) => spoken.push(text));
    await page.getByRole("button", { name: "朗读" }).tap();
    await eventually(() => spoken.some((text) => text.includes("已办结")), 10_000, "read aloud");
    await checkScreen(page, "32-progress-by-code");
    await context.close();
  }, 180_000);

  it("offline and out of paper: the application is saved on the kiosk with its code, the screen shows the QR code, it reaches the centre when the link is back", async () => {
    const { browser, kiosk } = parts;
    let { server, admin } = parts;
    const { context, page } = await openKioskScreen(browser, kiosk.terminal.bridge.url);
    await page.getByRole("heading", { name: "请放置身份证" }).waitFor();
    await server.stop();
    await page.getByTestId("link-banner").getByText("网络中断，正在重试").waitFor({ timeout: 10_000 });
    // The cached content still shows.
    await page.getByRole("button", { name: "办事指南" }).tap();
    await page.getByRole("button", { name: "居住证办理指南" }).waitFor();
    await page.getByRole("button", { name: "返回" }).tap();
    kiosk.printer.paperOut();

    kiosk.reader.simulator.placeCard(CARD);
    await page.getByRole("heading", { name: /^您好，/ }).waitFor({ timeout: 10_000 });
    // This resident uses elder mode: larger type, and each screen and each question read aloud.
    const spoken: string[] = [];
    const hear = (text: string) => spoken.push(text);
    kiosk.terminal.runtime.on("spoke", hear);
    await page.getByRole("button", { name: "长者模式" }).tap();
    await page.getByRole("button", { name: /我要办事/ }).tap();
    await page.getByRole("button", { name: /居住证/ }).tap();
    await page.getByRole("heading", { name: "您是否租房居住？" }).waitFor();
    await page.getByRole("button", { name: "是", exact: true }).tap();
    await page.getByRole("heading", { name: "您是否在本地就业？" }).waitFor();
    await eventually(
      () => spoken.some((text) => text.includes("您是否在本地就业？")),
      10_000,
      "question read",
    );
    kiosk.terminal.runtime.off("spoke", hear);
    await page.getByRole("button", { name: "否", exact: true }).tap();
    await page.getByRole("heading", { name: "需要的材料" }).waitFor();
    expect(await page.locator('li[data-material="tenancy-contract"]').count()).toBe(1);
    expect(await page.locator('li[data-material="property-certificate"]').count()).toBe(0);
    // Phone upload needs the centre, and says so.
    await page.getByText("网络中断，暂时不能用手机上传，请用本机拍照").waitFor();
    await checkScreen(page, "30-checklist-offline");
    await page.getByRole("button", { name: /先提交/ }).tap();
    await page.getByTestId("submit").tap();

    await page.getByRole("heading", { name: "已提交" }).waitFor({ timeout: 10_000 });
    const receiptCode = (await page.getByTestId("receipt-code").textContent())!;
    expect(await page.getByTestId("delivery").textContent()).toContain("已保存在本机，网络恢复后自动提交");
    await page
      .getByTestId("print-outcome")
      .getByText(/打印机暂时不能打印/)
      .waitFor({ timeout: 10_000 });
    await page.locator(".receipt-qr img[data-qr]").waitFor();
    await checkScreen(page, "31-receipt-offline-no-paper");

    // Paper back in: the held receipt comes out with its code.
    kiosk.printer.loadPaper();
    await eventually(
      () => kiosk.printer.documents.some((d) => textOf(d).includes(receiptCode)),
      15_000,
      "held receipt printed",
    );

    // Progress needs the centre: said plainly.
    await page.getByRole("button", { name: "完成" }).tap();
    await page.getByRole("button", { name: /我的办件/ }).tap();
    await page.getByText("暂时联系不上服务中心，无法查询，请稍后再试").waitFor();

    // The centre is back (same address): the saved application is delivered with the kiosk's code.
    server = await startServer(join(parts.dataDir, "server"), server.port);
    parts.server = server;
    await eventually(
      async () => {
        const response = await fetch(new URL(`/api/v1/public/applications/${receiptCode}`, server.url));
        return response.ok;
      },
      20_000,
      "offline application delivered",
    );
    admin = await Api.signIn(server.url);
    const view = await admin.call<{ service: { code: string }; applicant: { idMasked: string } }>(
      "GET",
      `/api/v1/applications/${receiptCode}`,
    );
    expect(view.service.code).toBe("residence-permit");
    expect(view.applicant.idMasked).toBe("430***********2428");

    await page.getByRole("button", { name: "结束" }).tap();
    await page.getByRole("heading", { name: "请放置身份证" }).waitFor();
    await eventually(() => kiosk.terminal.runtime.snapshot().resident === null, 5000, "session ended");
    kiosk.reader.simulator.removeCard();
    await context.close();
  }, 180_000);
});
