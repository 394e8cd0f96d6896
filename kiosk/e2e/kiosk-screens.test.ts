import { describe, expect, it } from "vitest";
import { eventually, expectKioskScreen, kioskPartsPerFile, openKioskScreen } from "./kiosk-harness";

const parts = kioskPartsPerFile("linli-kiosk-screens-", { sms: true });

describe("kiosk screens without signing in", () => {
  it("attract screen, public sections and the typed-ID keypad are readable, accessible and locked down", async () => {
    const { browser, kiosk } = parts;
    const { context, page } = await openKioskScreen(browser, kiosk.terminal.bridge.url);
    await page.getByRole("heading", { name: "请放置身份证" }).waitFor();
    await expect
      .poll(() => page.getByTestId("link-banner").textContent(), { timeout: 10_000 })
      .toContain("在线");
    await expectKioskScreen(page, "01-attract");

    // No way out: the context menu is swallowed.
    const menuAllowed = await page.evaluate(
      `document.querySelector("main").dispatchEvent(new MouseEvent("contextmenu", { bubbles: true, cancelable: true }))`,
    );
    expect(menuAllowed).toBe(false);

    for (const [label, heading, name] of [
      ["办事指南", "办事指南", "02-guides"],
      ["周边设施", "周边设施", "03-facilities"],
      ["电梯年检", "电梯年检", "04-lifts"],
      ["通知公告", "通知公告", "05-notices"],
      ["进度查询", "进度查询", "06-lookup"],
    ] as const) {
      await page.getByRole("button", { name: label }).first().tap();
      await page.getByRole("heading", { name: heading, level: 1 }).waitFor();
      await expectKioskScreen(page, name);
      await page.getByRole("button", { name: "返回" }).tap();
      await page.getByRole("heading", { name: "请放置身份证" }).waitFor();
    }

    // A guide opens to its full text.
    await page.getByRole("button", { name: "办事指南" }).tap();
    await page.getByRole("button", { name: "居住证办理指南" }).tap();
    await page.getByRole("heading", { name: "居住证办理指南", level: 1 }).waitFor();
    expect((await page.locator(".guide-body").textContent())!.length).toBeGreaterThan(20);
    await expectKioskScreen(page, "02b-guide");
    await page.getByRole("button", { name: "返回" }).tap();
    await page.getByRole("button", { name: "返回" }).tap();

    await page.getByRole("button", { name: "没有身份证？输入身份证号" }).tap();
    await page.getByRole("heading", { name: "输入身份证号" }).waitFor();
    for (const key of "43030219850312242") await page.getByRole("button", { name: key, exact: true }).tap();
    await expect.poll(() => page.getByTestId("typed").textContent()).toBe("430302 19850312 242");
    await page.getByRole("button", { name: "8", exact: true }).tap();
    await page.getByText("号码格式正确").waitFor();
    await expectKioskScreen(page, "07-type-id");

    // English, and elder mode: the same screen in larger type.
    await page.getByRole("button", { name: "English" }).tap();
    await page.getByRole("heading", { name: "Type your ID number" }).waitFor();
    await page.getByRole("button", { name: "Large text" }).tap();
    await expectKioskScreen(page, "08-type-id-en-elder");

    // 首页 (Home) starts again: on the attract screen, and nothing typed is kept.
    await page.getByRole("button", { name: "Home" }).tap();
    await page.getByRole("heading", { name: "Place your ID card" }).waitFor();
    await page.getByRole("button", { name: "No ID card? Type my ID number" }).tap();
    await expect.poll(() => page.getByTestId("typed").textContent()).toBe("Type below");
    await context.close();
  }, 90_000);

  it("an idle visit counts down its last seconds, 需要更多时间 gives the time back, then it is wiped", async () => {
    const { browser, kiosk, admin } = parts;
    const terminalId = kiosk.terminal.runtime.snapshot().terminalId!;
    await admin.call("POST", `/api/v1/terminals/${terminalId}/commands`, {
      type: "update-config",
      params: { idleTimeoutSeconds: 22 },
    });
    await eventually(
      () => kiosk.terminal.runtime.snapshot().settings.idleTimeoutSeconds === 22,
      10_000,
      "setting",
    );
    const { context, page } = await openKioskScreen(browser, kiosk.terminal.bridge.url);
    await page.getByRole("button", { name: "没有身份证？输入身份证号" }).tap();
    for (const key of "4303") await page.getByRole("button", { name: key, exact: true }).tap();

    const overlay = page.getByTestId("idle-overlay");
    const shownAt = Date.now();
    await overlay.waitFor({ timeout: 5000 });
    expect(await overlay.textContent()).toMatch(/(19|20) 秒后自动结束/);
    await expectKioskScreen(page, "09-idle-countdown");
    await page.getByRole("button", { name: "需要更多时间" }).tap();
    await overlay.waitFor({ state: "hidden" });
    // Still the same visit: what was typed is there.
    expect(await page.getByTestId("typed").textContent()).toBe("4303");

    await overlay.waitFor({ timeout: 5000 });
    await page.getByRole("heading", { name: "请放置身份证" }).waitFor({ timeout: 25_000 });
    // Wiped after the whole countdown, not before.
    expect(Date.now() - shownAt).toBeGreaterThanOrEqual(20_000);
    await page.getByRole("button", { name: "没有身份证？输入身份证号" }).tap();
    expect(await page.getByTestId("typed").textContent()).toBe("请在下方输入");

    await admin.call("POST", `/api/v1/terminals/${terminalId}/commands`, {
      type: "update-config",
      params: { idleTimeoutSeconds: null },
    });
    await context.close();
  }, 90_000);

  it("an emergency notice takes over the attract screen; important ones come first; display is reported", async () => {
    const { browser, kiosk, admin } = parts;
    const publish = (title: string, priority: string, category: string) =>
      admin.call<{ id: string }>("POST", "/api/v1/notices", {
        title,
        body: `${title}。请居民提前做好准备，如有疑问请拨打社区服务中心电话。`,
        category,
        priority,
        communityIds: ["xiangbin"],
        terminalKinds: ["kiosk"],
        requiresConfirmation: false,
      });
    const normal = await publish("社区健康讲座周六举行", "normal", "community");
    const important = await publish("明日上午停电检修", "important", "power");
    const { context, page } = await openKioskScreen(browser, kiosk.terminal.bridge.url);
    const notices = page.getByTestId("notice");
    await expect.poll(() => notices.count(), { timeout: 10_000 }).toBe(2);
    expect(await notices.first().textContent()).toContain("明日上午停电检修");
    expect(await notices.first().textContent()).toContain("重要");
    await expectKioskScreen(page, "10-attract-notices");

    const emergency = await publish("燃气泄漏，请勿使用明火", "emergency", "gas");
    await page
      .getByRole("alert")
      .getByRole("heading", { name: "燃气泄漏，请勿使用明火" })
      .waitFor({ timeout: 10_000 });
    // The card prompt and the public services stay usable below it.
    await page.getByRole("heading", { name: "请放置身份证" }).waitFor();
    await expectKioskScreen(page, "11-attract-emergency");
    await eventually(
      async () =>
        (
          await admin.call<{ notices: Array<{ id: string; counts: { shown: number } }> }>(
            "GET",
            "/api/v1/notices",
          )
        ).notices.find((notice) => notice.id === emergency.id)?.counts.shown === 1,
      10_000,
      "emergency notice reported shown",
    );

    await page.getByRole("button", { name: "通知公告" }).tap();
    await page.getByRole("heading", { name: "通知公告", level: 1 }).waitFor();
    expect(await notices.allTextContents()).toHaveLength(3);
    await expectKioskScreen(page, "12-notices-full");
    for (const notice of [normal, important, emergency]) {
      await admin.call("POST", `/api/v1/notices/${notice.id}/withdraw`, {});
    }
    await expect.poll(() => notices.count(), { timeout: 10_000 }).toBe(0);
    await context.close();
  }, 60_000);

  it("typed ID sign-in: a code texted to the registry's phone greets the resident with the masked number and 我的办件; elder mode and English; 结束 wipes", async () => {
    const { browser, kiosk, sms } = parts;
    const { context, page } = await openKioskScreen(browser, kiosk.terminal.bridge.url);
    const typeKeys = async (keys: string) => {
      for (const key of keys) await page.getByRole("button", { name: key, exact: true }).tap();
    };
    await page.getByRole("button", { name: "没有身份证？输入身份证号" }).tap();
    // 赵秀英 is registered without a phone: said plainly, nothing texted.
    await typeKeys("430304195511031226");
    await page.getByRole("button", { name: "发送验证码" }).tap();
    await page.getByText("没有登记手机号，请放置身份证，或到服务台办理").waitFor();
    await expectKioskScreen(page, "13-type-id-no-phone");
    expect(sms!.sent).toHaveLength(0);

    await page.getByRole("button", { name: "清空" }).tap();
    await typeKeys("430302198503122428");
    await page.getByRole("button", { name: "发送验证码" }).tap();
    await page.getByRole("heading", { name: "输入验证码" }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId("code-sent").textContent()).toBe("验证码已发送到 138****1001");
    const resend = page.getByRole("button", { name: /重新发送（\d+ 秒）/ });
    expect(await resend.isDisabled()).toBe(true);
    // Another text after a minute, counted down on the button.
    const waitSeconds = Number((await resend.textContent())!.match(/\d+/)![0]);
    expect(waitSeconds).toBeGreaterThan(50);
    expect(waitSeconds).toBeLessThanOrEqual(60);
    await eventually(() => sms!.sent.length === 1, 10_000, "code texted");
    expect(sms!.sent[0]!.to).toBe("13807321001");
    const code = sms!.sent[0]!.text.match(/\d{6}/)![0];

    await typeKeys(String((Number(code) + 1) % 1_000_000).padStart(6, "0"));
    await page.getByRole("button", { name: "登录" }).tap();
    await page.getByText(/验证码不正确/).waitFor({ timeout: 10_000 });
    await expectKioskScreen(page, "14-type-code-wrong");
    await expect
      .poll(async () => Number((await resend.textContent())!.match(/\d+/)![0]), { timeout: 5000 })
      .toBeLessThan(waitSeconds);
    // The same step in English and large text, then back.
    await page.getByRole("button", { name: "长者模式" }).tap();
    await page.getByRole("button", { name: "English" }).tap();
    await page.getByRole("heading", { name: "Type the code" }).waitFor();
    await expectKioskScreen(page, "14b-type-code-en-elder");
    await page.getByRole("button", { name: "中文" }).tap();
    await page.getByRole("button", { name: "长者模式" }).tap();
    expect(await page.locator(".kiosk.elder").count()).toBe(0);
    await typeKeys(code);
    await page.getByRole("button", { name: "登录" }).tap();
    await page.getByRole("heading", { name: "您好，李晓梅" }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId("id-masked").textContent()).toBe("身份证 430***********2428");
    // Proven by the registry's phone, as good as the card: "my applications" is there.
    await page.getByRole("button", { name: /我的办件/ }).waitFor();
    expect(await page.locator("body").textContent()).not.toContain("430302198503122428");

    // Elder mode: larger type, and every screen read aloud by itself (here by the kiosk's own engine).
    const spoken: string[] = [];
    const hear = (text: string) => spoken.push(text);
    kiosk.terminal.runtime.on("spoke", hear);
    await page.getByRole("button", { name: "长者模式" }).tap();
    await eventually(() => spoken.some((text) => text.includes("您好，李晓梅")), 10_000, "home read aloud");
    expect(spoken.join("\n")).not.toContain("430302198503122428");
    await expectKioskScreen(page, "15-home-elder");
    await page.getByRole("button", { name: "English" }).tap();
    await page.getByRole("button", { name: /^Apply/ }).tap();
    await page.getByRole("heading", { name: "Apply", level: 1 }).waitFor();
    await eventually(() => spoken.some((text) => text.includes("Residence permit")), 10_000, "services read");
    kiosk.terminal.runtime.off("spoke", hear);
    await expectKioskScreen(page, "16-services-en-elder");

    await page.getByRole("button", { name: "Finish" }).tap();
    await page.getByRole("heading", { name: "请放置身份证" }).waitFor();
    await eventually(() => kiosk.terminal.runtime.snapshot().resident === null, 5000, "session ended");
    expect(await page.locator(".kiosk.elder").count()).toBe(0);
    await context.close();
  }, 60_000);
});
