import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { tinyJpeg } from "@linli/hardware/camera/tiny-jpeg";
import { MAX_MATERIAL_BYTES, type UploadReceived, type UploadSession } from "@linli/protocol";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchChromium } from "../../../test-support/chromium";
import {
  adminToken,
  api,
  ask,
  buildResidentPages,
  openPhonePage,
  type RunningServer,
  seriousAxeViolations,
  startServer,
  submitAtKiosk,
} from "./harness";

/** Screenshots of every page state, looked at by a person after a run. */
const SHOTS = fileURLToPath(new URL("../../../test-results/resident/", import.meta.url));
/** A small real PDF: the server checks the bytes, not only the declared type. */
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/**
 * The resident's phone pages in Chromium at a phone's size with touch, against a real control server with a
 * real kiosk socket: look-up, progress with the clerk's notes, rating once, phone upload with its checks.
 */
describe("resident phone pages", () => {
  let server: RunningServer;
  let browser: Browser;
  let token: string;
  let kiosk: Socket;
  let context: BrowserContext;
  let page: Page;
  let serial = 0;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await buildResidentPages();
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    token = await adminToken(server.url);
    const { kiosk: connect } = await import("./harness");
    kiosk = await connect(server.url, token);
  });

  afterAll(async () => {
    kiosk?.disconnect();
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    ({ context, page } = await openPhonePage(browser));
  });

  afterEach(async () => {
    await context?.close();
  });

  const apply = (answers: Record<string, boolean> = { renting: true, employed: false }) =>
    submitAtKiosk(kiosk, { serviceCode: "residence-permit", answers, name: "王小英", serial: ++serial });
  const setStatus = async (receiptCode: string, status: string, note = "") => {
    const changed = await api(server.url, `/api/v1/applications/${receiptCode}/status`, {
      token,
      body: { status, note },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
  };
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  it("looks up a typed code and shows the status, the clerk's note, the history and the materials", async () => {
    const receiptCode = await apply();
    await setStatus(receiptCode, "needs-materials", "租赁合同缺少备案章，请补交盖章页");

    await page.goto(new URL("/r/", server.url).toString());
    await page.getByRole("heading", { level: 1, name: "查询办事进度" }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot("lookup");

    // A code that cannot be one is explained, not sent.
    await page.getByLabel("回执码").fill("12345");
    await page.getByRole("button", { name: "查询" }).tap();
    await page.getByText("回执码应为 12 位字母和数字").waitFor();

    // Typed the way people type: lower case, spaces instead of dashes.
    const typed = receiptCode.toLowerCase().replace(/-/g, " ");
    await page.getByLabel("回执码").fill(typed);
    await page.getByRole("button", { name: "查询" }).tap();
    await page.getByRole("heading", { level: 1, name: "居住证" }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/r/${receiptCode}`);
    expect(await page.getByTestId("status").textContent()).toBe("需要补充材料");
    expect(await page.getByTestId("clerk-note").textContent()).toBe(
      "工作人员说明：租赁合同缺少备案章，请补交盖章页",
    );
    const body = await page.locator("main").textContent();
    expect(body).toContain("王*英");
    expect(body).not.toContain("王小英");
    expect(body).toContain("工作人员说明：租赁合同缺少备案章，请补交盖章页");
    expect(body).toContain("已提交，等待受理");
    expect(body).toContain("县公安局户政窗口");
    expect(body).toContain("承诺");
    // The checklist for a renter: ID card, photo, tenancy contract; nothing was uploaded yet.
    const materials = page.locator(".materials li");
    expect(await materials.allTextContents()).toEqual([
      "✗居民身份证还缺",
      "✗近期一寸免冠照片还缺",
      "✗房屋租赁合同还缺",
    ]);
    expect(body).toContain("还缺 3 项材料");
    // No rating before a decision.
    expect(await page.getByRole("heading", { name: "评价本次服务" }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot("progress-needs-materials");

    // English, from the switch, on the same page.
    await page.getByRole("button", { name: "English" }).tap();
    await page.getByTestId("status").getByText("More materials needed").waitFor();
    await page.getByRole("heading", { level: 1, name: "Residence permit" }).waitFor();
    await shot("progress-english");
    await page.getByRole("button", { name: "中文" }).tap();

    // An unknown (but well-formed) code says so and offers the box again.
    await page.getByLabel("回执码").fill("0000-0000-0000");
    await page.getByRole("button", { name: "查询" }).tap();
    await page.getByText("没有找到回执码 0000-0000-0000 的办件").waitFor();
  });

  it("rates a completed application once, and the rating stays", async () => {
    const receiptCode = await apply();
    for (const status of ["accepted", "approved", "completed"]) await setStatus(receiptCode, status);

    await page.goto(new URL(`/r/${receiptCode}`, server.url).toString());
    await page.getByTestId("status").getByText("已办结").waitFor();
    const form = page.locator("form.rating");
    await form.getByRole("button", { name: "提交评价" }).tap();
    await form.getByText("请先选择 1 到 5 颗星。").waitFor();
    await form.locator("label.star").nth(3).tap();
    await form.getByText("满意", { exact: true }).waitFor();
    // Choosing a star clears the reminder to choose one.
    expect(await form.getByText("请先选择 1 到 5 颗星。").count()).toBe(0);
    expect(await form.getByRole("radio", { name: /4 星/ }).isChecked()).toBe(true);
    await form.getByLabel("意见或建议").fill("窗口很快，谢谢");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot("rating-form");
    await form.getByRole("button", { name: "提交评价" }).tap();
    await page.getByText("感谢您的评价！").waitFor();
    await shot("rating-done");

    const stored = await api(server.url, `/api/v1/public/applications/${receiptCode}`);
    expect(stored.body.rating).toMatchObject({ score: 4, comment: "窗口很快，谢谢" });
    // After a reload: the rating, no form; the server refuses a second one.
    await page.reload();
    await page.getByTestId("rating-done").getByText("您的评价：4 星").waitFor();
    expect(await page.locator("form.rating").count()).toBe(0);
    const again = await api(server.url, `/api/v1/public/applications/${receiptCode}/rating`, {
      body: { score: 1, comment: "" },
    });
    expect(again.status).toBe(409);

    // Rated at the kiosk while the phone page was open: the phone says so and shows that rating.
    const other = await apply();
    for (const status of ["accepted", "rejected"])
      await setStatus(other, status, status === "rejected" ? "不符合居住年限" : "");
    await page.goto(new URL(`/r/${other}`, server.url).toString());
    await page.getByTestId("clerk-note").getByText("不符合居住年限").waitFor();
    const rated = await api(server.url, `/api/v1/public/applications/${other}/rating`, {
      body: { score: 2, comment: "" },
    });
    expect(rated.status).toBe(200);
    await page.locator("form.rating label.star").nth(4).tap();
    await page.getByRole("button", { name: "提交评价" }).tap();
    await page.getByText("评价已提交过，不能重复评价。").waitFor();
    await page.getByTestId("rating-done").getByText("您的评价：2 星").waitFor();
  });

  it("uploads a JPEG and a PDF through the kiosk's QR code, ticks them, and the kiosk hears of each", async () => {
    const receiptCode = await apply();
    const received: UploadReceived[] = [];
    kiosk.on("upload:received", (upload: UploadReceived) => received.push(upload));
    const session = await ask<UploadSession>(kiosk, "upload:session", {
      receiptCode,
      serviceCode: "residence-permit",
      answers: { renting: true, employed: false },
    });
    const path = new URL(session.url).pathname;
    expect(path).toMatch(/^\/r\/upload\/.+/);

    await page.goto(new URL(path, server.url).toString());
    await page.getByRole("heading", { level: 1, name: "居住证" }).waitFor();
    await page.getByText("上传后自助终端上会立即显示").waitFor();
    const card = (code: string) => page.locator(`li[data-material="${code}"]`);
    expect(await page.locator("li[data-material]").count()).toBe(3);
    expect(await card("id-card").getByTestId("upload-state").textContent()).toBe("未上传");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot("upload-start");
    await page.getByRole("button", { name: "English" }).tap();
    await card("id-card").getByText("Take a photo").waitFor();
    expect(await card("id-card").getByTestId("upload-state").textContent()).toBe("Not uploaded");
    await shot("upload-english");
    await page.getByRole("button", { name: "中文" }).tap();

    await card("id-card")
      .getByTestId("choose-file")
      .setInputFiles({
        name: "身份证正面.jpg",
        mimeType: "image/jpeg",
        buffer: tinyJpeg({ width: 64, height: 40 }),
      });
    await card("id-card").getByTestId("upload-state").getByText("已上传").waitFor();
    expect(await card("id-card").textContent()).toContain("身份证正面.jpg 已上传");

    await card("tenancy-contract")
      .getByTestId("choose-file")
      .setInputFiles({ name: "租赁合同.pdf", mimeType: "application/pdf", buffer: PDF });
    await card("tenancy-contract").getByTestId("upload-state").getByText("已上传").waitFor();
    await shot("upload-two-done");

    // The server has both with the application, and the kiosk was told of each.
    const view = await api(server.url, `/api/v1/public/applications/${receiptCode}`);
    expect(
      view.body.materials
        .filter((m: { provided: boolean }) => m.provided)
        .map((m: { code: string }) => m.code),
    ).toEqual(["id-card", "tenancy-contract"]);
    await expect
      .poll(() => received.map((r) => r.materialCode).sort())
      .toEqual(["id-card", "tenancy-contract"]);
    expect(received.every((r) => r.receiptCode === receiptCode)).toBe(true);

    // Over a slow mobile link the resident sees the upload move (the upload throttled to about 200 KB/s).
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 50,
      downloadThroughput: 1_000_000,
      uploadThroughput: 200_000,
    });
    const bigPhoto = Buffer.concat([tinyJpeg(), Buffer.alloc(1_500_000, 0x20)]);
    await card("id-card")
      .getByTestId("choose-file")
      .setInputFiles({ name: "身份证背面.jpg", mimeType: "image/jpeg", buffer: bigPhoto });
    const progress = card("id-card").getByRole("status");
    await progress.getByText(/正在上传 \d+%/).waitFor();
    expect(await progress.locator("progress").count()).toBe(1);
    // It moves: a figure between 1 and 99 shows before the tick.
    await progress.getByText(/正在上传 [1-9]\d?%/).waitFor();
    await shot("upload-progress");
    await card("id-card").getByText("身份证背面.jpg 已上传").waitFor({ timeout: 30_000 });
    expect(await progress.count()).toBe(0);
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    // The last one: the page says all is there. Reloaded, the ticks come from the server.
    await card("photo")
      .getByTestId("take-photo")
      .setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: tinyJpeg() });
    await page.getByText("所有材料都已上传，请回到自助终端继续办理。").waitFor();
    await page.reload();
    await card("photo").getByTestId("upload-state").getByText("已上传").waitFor();
    expect(await page.getByTestId("upload-state").allTextContents()).toEqual(["已上传", "已上传", "已上传"]);
    await shot("upload-all-done");
  });

  it("refuses an oversize file and a wrong type on the phone, with words a resident understands", async () => {
    const receiptCode = await apply();
    const session = await ask<UploadSession>(kiosk, "upload:session", {
      receiptCode,
      serviceCode: "residence-permit",
      answers: { renting: true, employed: false },
    });
    await page.goto(new URL(new URL(session.url).pathname, server.url).toString());
    const card = page.locator('li[data-material="id-card"]');
    await card.waitFor();

    await card.getByTestId("choose-file").setInputFiles({
      name: "大照片.jpg",
      mimeType: "image/jpeg",
      buffer: Buffer.concat([tinyJpeg(), Buffer.alloc(MAX_MATERIAL_BYTES)]),
    });
    await card
      .getByRole("alert")
      .getByText("“大照片.jpg”有 5.1 MB，超过了 5 MB 的上限。请重新拍照或压缩后再传。")
      .waitFor();
    await shot("upload-too-large");

    await card
      .getByTestId("choose-file")
      .setInputFiles({ name: "说明.txt", mimeType: "text/plain", buffer: Buffer.from("not a photo") });
    await card
      .getByRole("alert")
      .getByText("“说明.txt”不是照片或 PDF 文件，请选择 JPG、PNG 或 PDF。")
      .waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot("upload-wrong-type");

    // Named .jpg but not a picture: the phone cannot tell, the server can, and the words are the same.
    await card.getByTestId("choose-file").setInputFiles({
      name: "假照片.jpg",
      mimeType: "image/jpeg",
      buffer: Buffer.from("plain text, not a JPEG"),
    });
    await card
      .getByRole("alert")
      .getByText("“假照片.jpg”不是照片或 PDF 文件，请选择 JPG、PNG 或 PDF。")
      .waitFor();

    // Nothing reached the server.
    expect(await card.getByTestId("upload-state").textContent()).toBe("未上传");
    const view = await api(server.url, `/api/v1/public/applications/${receiptCode}`);
    expect(view.body.materials.some((m: { provided: boolean }) => m.provided)).toBe(false);
  });

  it("says plainly when an upload link is unknown or has expired", async () => {
    await page.goto(new URL("/r/upload/no-such-token-0123456789", server.url).toString());
    await page
      .getByTestId("upload-gone")
      .getByText("这个上传链接无效。请在自助终端上重新扫描二维码。")
      .waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot("upload-unknown");

    const receiptCode = await apply();
    const session = await ask<UploadSession>(kiosk, "upload:session", {
      receiptCode,
      serviceCode: "residence-permit",
      answers: { renting: true, employed: false },
    });
    const path = new URL(session.url).pathname;
    await page.goto(new URL(path, server.url).toString());
    await page.locator('li[data-material="id-card"]').waitFor();
    // Time passes: the session's expiry is moved into the past in the server's own database.
    server.server.db
      .prepare("UPDATE upload_sessions SET expires_at = ? WHERE receipt_code = ?")
      .run(new Date(Date.now() - 1000).toISOString(), receiptCode);
    // A file chosen after that is refused by the server, and the page says why.
    await page
      .locator('li[data-material="id-card"]')
      .getByTestId("choose-file")
      .setInputFiles({ name: "late.jpg", mimeType: "image/jpeg", buffer: tinyJpeg() });
    await page
      .getByTestId("upload-gone")
      .getByText("这个上传链接已过期。请在自助终端上重新生成二维码后再扫描。")
      .waitFor();
    await page.reload();
    await page.getByTestId("upload-gone").getByText("这个上传链接已过期").waitFor();
    await shot("upload-expired");
  });
});
