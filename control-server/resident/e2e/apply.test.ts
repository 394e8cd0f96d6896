import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { tinyJpeg } from "@linli/hardware/camera/tiny-jpeg";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchChromium } from "../../../test-support/chromium";
import { type LoopbackSmsGateway, startSmsGateway } from "../../server/test/sms-gateway";
import {
  adminToken,
  api,
  buildResidentPages,
  idNumber,
  openPhonePage,
  type RunningServer,
  seriousAxeViolations,
  startServer,
} from "./harness";

const SHOTS = fileURLToPath(new URL("../../../test-results/resident/", import.meta.url));

/**
 * Applying from the phone at /r/apply, in Chromium at a phone's size with touch, against a real control
 * server and a loopback SMS gateway: the code is read from the text the gateway received.
 */
describe("applying from the phone", () => {
  let sms: LoopbackSmsGateway;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await buildResidentPages();
    sms = await startSmsGateway();
    [server, browser] = await Promise.all([startServer({ smsGatewayUrl: sms.url }), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await sms?.close();
  });

  beforeEach(async () => {
    ({ context, page } = await openPhonePage(browser));
  });

  afterEach(async () => {
    await context?.close();
  });

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const next = () => page.getByRole("button", { name: "下一步" }).tap();
  const step = (n: number, total: number) =>
    page.getByTestId("apply-progress").getByText(`第 ${n} 步，共 ${total} 步`).waitFor();
  const codeFor = async (phone: string, count: number) => {
    await expect.poll(() => sms.sent.filter((text) => text.to === phone).length).toBe(count);
    return sms.sent
      .filter((text) => text.to === phone)
      .at(-1)!
      .text.match(/\d{6}/)![0];
  };

  it("applies for 再生育证 as a remarried couple, with a text-message code, then uploads a photo", async () => {
    const phone = "13907310001";
    await page.goto(new URL("/r/", server.url).toString());
    await page.getByRole("link", { name: /在手机上申请/ }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot("apply-0-lookup-link");
    await page.getByRole("link", { name: /在手机上申请/ }).tap();
    expect(new URL(page.url()).pathname).toBe("/r/apply");

    await page.getByRole("heading", { level: 1, name: "您要办理什么事项？" }).waitFor();
    await step(1, 5);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot("apply-1-service");
    const birthPermit = page.locator('button[data-service="birth-permit"]');
    expect(await birthPermit.textContent()).toContain("县卫生健康局");
    expect(await birthPermit.textContent()).toContain("承诺 20 个工作日内办结");
    await birthPermit.tap();

    // Both questions must be answered before going on.
    await page.getByRole("heading", { level: 1, name: "请回答以下问题" }).waitFor();
    await step(2, 5);
    const remarried = page.locator('fieldset[data-question="remarried"]');
    expect(await remarried.textContent()).toContain("夫妻一方或双方是否离异后再婚？");
    await remarried.getByRole("button", { name: "是" }).tap();
    await next();
    await page.getByText("请先回答每个问题。").waitFor();
    await page.locator('fieldset[data-question="non-local"]').getByRole("button", { name: "否" }).tap();
    expect(await remarried.getByRole("button", { name: "是" }).getAttribute("aria-pressed")).toBe("true");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot("apply-2-questions");
    await next();

    // The checklist for a remarried couple: the divorce papers and the current marriage's certificate.
    await page.getByRole("heading", { level: 1, name: "需要准备的材料" }).waitFor();
    const checklist = await page.getByTestId("apply-checklist").textContent();
    expect(checklist).toContain("离婚证或离婚判决书");
    expect(checklist).toContain("再婚结婚证");
    expect(await page.locator('[data-material="marriage-certificate"]').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot("apply-3-checklist");
    await next();

    // Who applies: a wrong check digit is caught on the phone, before anything is sent.
    await page.getByRole("heading", { level: 1, name: "填写申请人信息" }).waitFor();
    await step(4, 5);
    // An ID number ending in X, the character a phone's number pad lacks.
    const id = Array.from({ length: 200 }, (_, serial) => idNumber(serial)).find((n) => n.endsWith("X"))!;
    const wrongDigit = id.slice(0, 17) + (id[17] === "1" ? "2" : "1");
    await page.getByLabel("所在社区").selectOption("xiangbin");
    await page.getByLabel("姓名").fill("刘美华");
    await page.getByLabel("身份证号码").fill(wrongDigit);
    await page.getByLabel("手机号码").fill(phone);
    expect(await page.getByLabel("身份证号码").getAttribute("inputmode")).toBe("numeric");
    expect(await page.getByLabel("手机号码").getAttribute("inputmode")).toBe("numeric");
    await next();
    await page.getByText("身份证号码有误（校验位不对）").waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot("apply-4-bad-id");
    expect(sms.sent).toHaveLength(0);
    // The X is typed with the key beside the number pad.
    await page.getByLabel("身份证号码").fill(id.slice(0, 17));
    await page.getByRole("button", { name: "输入字母 X" }).tap();
    expect(await page.getByLabel("身份证号码").inputValue()).toBe(id);
    await next();

    // The code arrives by text; a wrong one is refused with the tries left.
    await page.getByRole("heading", { level: 1, name: "短信验证" }).waitFor();
    await step(5, 5);
    const codeBox = page.getByLabel("验证码");
    expect(await codeBox.getAttribute("autocomplete")).toBe("one-time-code");
    expect(await codeBox.getAttribute("inputmode")).toBe("numeric");
    await page.getByRole("button", { name: "获取验证码" }).tap();
    const code = await codeFor(phone, 1);
    await page.getByText(`验证码已发送到 ${phone}`).waitFor();
    await page.getByRole("button", { name: /秒后可重新获取/ }).waitFor();
    expect(await page.getByRole("button", { name: /秒后可重新获取/ }).isDisabled()).toBe(true);
    await codeBox.fill(code === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "提交申请" }).tap();
    expect(await page.getByTestId("apply-problem").textContent()).toBe("验证码不正确，还可以再试 4 次。");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot("apply-5-wrong-code");
    await codeBox.fill(code);
    await page.getByRole("button", { name: "提交申请" }).tap();

    // The receipt code, large, and the way on.
    await page.getByRole("heading", { level: 1, name: "申请已提交" }).waitFor();
    const receiptCode = (await page.getByTestId("apply-receipt-code").textContent())!;
    expect(receiptCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const fontSize = await page
      .getByTestId("apply-receipt-code")
      .evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(30);
    // On one line, within the phone's width.
    expect(
      await page
        .getByTestId("apply-receipt-code")
        .evaluate((element) => element.scrollWidth <= element.clientWidth && element.clientHeight < 60),
    ).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot("apply-6-done");

    // Staff see it, from the phone, in 湘滨.
    const token = await adminToken(server.url);
    const staffView = await api(server.url, `/api/v1/applications/${receiptCode}`, { token });
    expect(staffView.body).toMatchObject({ channel: "phone", community: { id: "xiangbin" } });
    expect(staffView.body.answers).toEqual({ remarried: true, "non-local": false });

    // Upload the divorce certificate now, through the upload page.
    await page.getByRole("link", { name: "现在上传材料" }).tap();
    await page.getByRole("heading", { level: 1, name: "再生育证（准生证）" }).waitFor();
    // Applied on this phone: no kiosk to go back to.
    await page.getByText("社区工作人员会随申请一起收到").waitFor();
    expect(await page.locator("body").textContent()).not.toContain("自助终端");
    const card = page.locator('li[data-material="divorce-certificate"]');
    await card.getByTestId("choose-file").setInputFiles({
      name: "离婚证.jpg",
      mimeType: "image/jpeg",
      buffer: tinyJpeg({ width: 64, height: 40 }),
    });
    await card.getByTestId("upload-state").getByText("已上传").waitFor();
    await shot("apply-7-uploaded");

    // The progress page shows it received.
    await page.goto(new URL(`/r/${receiptCode}`, server.url).toString());
    await page.getByTestId("status").getByText("已提交，等待受理").waitFor();
    const received = page.locator(".materials li", { hasText: "离婚证或离婚判决书" });
    expect(await received.textContent()).toContain("已收到");
    expect(await page.locator("main").textContent()).toContain("刘*华");
    await shot("apply-8-progress");
  });

  it("reads in English from the switch, and the checklist follows the answers", async () => {
    await page.goto(new URL("/r/apply", server.url).toString());
    await page.getByRole("button", { name: "English" }).tap();
    await page.getByRole("heading", { level: 1, name: "What would you like to apply for?" }).waitFor();
    await page.locator('button[data-service="birth-permit"]').tap();
    await page.locator('fieldset[data-question="remarried"]').getByRole("button", { name: "No" }).tap();
    await page.locator('fieldset[data-question="non-local"]').getByRole("button", { name: "No" }).tap();
    await page.getByRole("button", { name: "Next" }).tap();
    const checklist = await page.getByTestId("apply-checklist").textContent();
    expect(checklist).toContain("Marriage certificate");
    expect(checklist).not.toContain("Divorce certificate");
    await shot("apply-english-checklist");
    // Back goes one step at a time, and the answers stay.
    await page.getByRole("button", { name: "Back" }).tap();
    await page.getByRole("heading", { level: 1, name: "Please answer these questions" }).waitFor();
    expect(
      await page
        .locator('fieldset[data-question="remarried"]')
        .getByRole("button", { name: "No" })
        .getAttribute("aria-pressed"),
    ).toBe("true");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "中文" }).tap();
  });

  it("without an SMS gateway the page says to apply at the kiosk", async () => {
    const plain = await startServer();
    try {
      await page.goto(new URL("/r/apply", plain.url).toString());
      const message = page.getByTestId("apply-unavailable");
      await message.waitFor();
      expect(await message.textContent()).toBe("手机申请暂不可用，请到社区服务中心自助机办理。");
      expect(await seriousAxeViolations(page)).toEqual([]);
      await shot("apply-unavailable");
      await page.getByRole("button", { name: "上一步" }).tap();
      await page.getByRole("heading", { level: 1, name: "查询办事进度" }).waitFor();
    } finally {
      await plain.close();
    }
  });
});
