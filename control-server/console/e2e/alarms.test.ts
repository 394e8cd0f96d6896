import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cancelSos, elderUnit, raiseSos, staffToken } from "./alarm-fixtures";
import {
  api,
  enrolTerminal,
  connectTerminal as linkTerminal,
  openConsolePage,
  type RunningServer,
  seriousAxeViolations,
  signInThroughPage,
  startConsoleParts,
} from "./harness";

/**
 * SOS alarms in real Chromium (allowed to play sound without a gesture, as a console left open on a
 * dispatcher's desk is) against a real control server, raised by real terminal sockets.
 */
describe("alarms", () => {
  let server: RunningServer;
  let browser: Browser;
  let token: string;
  let context: BrowserContext;
  let page: Page;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    ({ server, browser, token } = await startConsoleParts({
      chromiumArgs: ["--autoplay-policy=no-user-gesture-required"],
    }));
    await staffToken(server.url, token, { username: "wang.fang", displayName: "王芳", role: "dispatcher" });
    await staffToken(server.url, token, { username: "zhao.min", displayName: "赵敏", role: "caseworker" });
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await browser?.close();
    await server?.close();
  });

  const newPage = async () => {
    ({ context, page } = await openConsolePage(browser));
    return page;
  };

  // Each test starts with an empty queue: whatever a test left open is closed here.
  afterEach(async () => {
    await context?.close();
    const open = await api(server.url, "/api/v1/alarms?status=open", { token });
    const taken = await api(server.url, "/api/v1/alarms?status=acknowledged", { token });
    for (const alarm of [...open.body.alarms, ...taken.body.alarms]) {
      await api(server.url, `/api/v1/alarms/${alarm.id}/resolve`, { token, body: { note: "测试结束" } });
    }
  });

  const bar = () => page.getByTestId("alarm-bar");
  const sound = () => page.getByTestId("alarm-area").getAttribute("data-alarm-sound");

  /** Watches the page's Web Audio from outside the app: its contexts, and every oscillator started. */
  const watchAudio = () =>
    page.addInitScript(() => {
      const watch = { contexts: [] as AudioContext[], beeps: 0 };
      (window as unknown as { alarmAudio: typeof watch }).alarmAudio = watch;
      const Real = window.AudioContext;
      window.AudioContext = class extends Real {
        constructor(options?: AudioContextOptions) {
          super(options);
          watch.contexts.push(this);
        }
      };
      const start = OscillatorNode.prototype.start;
      OscillatorNode.prototype.start = function (when?: number) {
        watch.beeps++;
        return start.call(this, when);
      };
    });
  const audio = () =>
    page.evaluate(() => {
      const watch = (window as unknown as { alarmAudio: { contexts: AudioContext[]; beeps: number } })
        .alarmAudio;
      const context = watch.contexts.at(-1);
      return { state: context?.state, clock: context?.currentTime ?? 0, beeps: watch.beeps };
    });

  it("an elder profile made in the console links a unit; its SOS shows and sounds within a second; taking it stops the sound and tells the unit; resolving records the note", async () => {
    const credentials = await enrolTerminal(server.url, token, {
      kind: "elder",
      communityId: "xiangbin",
      name: "湘滨 王奶奶家",
    });
    const unit = await linkTerminal(server.url, credentials);
    sockets.push(unit);
    const updates: Array<{ status: string; acknowledgedBy: string | null }> = [];
    unit.on("alarm:update", (update) => updates.push(update));

    await newPage();
    await watchAudio();
    await signInThroughPage(page, server.url, "wang.fang", "wang.fang-password-1");
    await page.getByRole("link", { name: "老人档案" }).click();
    await page.getByRole("link", { name: "新建档案" }).click();
    await page.getByRole("heading", { level: 1, name: "新建老人档案" }).waitFor();
    await page.getByLabel("姓名", { exact: true }).fill("王秀英");
    await page.getByLabel("住址").fill("湘滨社区 3 栋 2 单元 101");
    await page.getByLabel("居住情况").fill("独居");
    await page.getByLabel("健康状况（疾病）").fill("高血压");
    await page.getByLabel("健康状况（疾病）").press("Enter");
    await page.getByLabel("健康状况（疾病）").fill("糖尿病");
    await page.getByRole("button", { name: "添加", exact: true }).click();
    await page.getByLabel("用药说明").fill("每日早晚服降压药");
    const contacts = page.locator(".contact-editor");
    await contacts.nth(0).getByLabel("联系人姓名").fill("王强");
    await contacts.nth(0).getByLabel("关系").fill("儿子");
    await contacts.nth(0).getByLabel("电话").fill("13812345678");
    await page.getByRole("button", { name: "添加联系人" }).click();
    await contacts.nth(1).getByLabel("联系人姓名").fill("王丽");
    await contacts.nth(1).getByLabel("关系").fill("女儿");
    await contacts.nth(1).getByLabel("电话").fill("13987654321");
    // The daughter lives next door: she is called first.
    await page.getByRole("button", { name: "上移 王丽" }).click();
    await page.getByLabel("居家一键呼叫终端").selectOption({ label: "湘滨 王奶奶家（在线）" });
    await page.getByRole("button", { name: "创建档案" }).click();
    await page.getByTestId("elder-saved").waitFor();
    expect(await page.getByTestId("elder-saved").textContent()).toBe("已保存「王秀英」的档案。");
    const row = page.locator("tr[data-elder-id]", { hasText: "王秀英" });
    expect(await row.textContent()).toContain("湘滨 王奶奶家");
    const saved = (await api(server.url, "/api/v1/elders", { token })).body.elders[0];
    expect(saved).toMatchObject({
      name: "王秀英",
      conditions: ["高血压", "糖尿病"],
      terminalId: credentials.terminalId,
      emergencyContacts: [
        { name: "王丽", relation: "女儿", phone: "13987654321" },
        { name: "王强", relation: "儿子", phone: "13812345678" },
      ],
    });

    await page.getByRole("link", { name: "终端总览" }).click();
    await page.locator(`tr[data-terminal-id="${credentials.terminalId}"]`).waitFor();
    expect(await sound()).toBe("idle");
    expect(await bar().count()).toBe(0);

    const pressed = Date.now();
    const { alarmId } = await raiseSos(unit);
    await bar().getByText("王秀英").waitFor({ timeout: 1000 });
    const sosToConsoleMs = Date.now() - pressed;
    console.info(`SOS to console: ${sosToConsoleMs} ms`);
    expect(sosToConsoleMs).toBeLessThan(1000);
    await expect.poll(sound, { timeout: 1000 }).toBe("playing");
    const item = bar().locator(`[data-alarm-id="${alarmId}"]`);
    expect(await item.textContent()).toContain("湘滨社区 · 湘滨社区 3 栋 2 单元 101");
    expect(await item.textContent()).toContain("无线吊坠呼叫");
    expect(await bar().getByRole("heading").textContent()).toBe("紧急呼叫 · 1 条待接警");
    expect(await page.getByTestId("nav-open-alarms").textContent()).toContain("1");
    // The time since it was raised counts up on its own, and the beeps go on: the audio clock runs and
    // new oscillators keep being scheduled.
    const before = await audio();
    const waited = await item.getByTestId("alarm-elapsed").textContent();
    await expect
      .poll(() => item.getByTestId("alarm-elapsed").textContent(), { timeout: 2500 })
      .not.toBe(waited);
    await page.waitForTimeout(1700);
    const during = await audio();
    expect(during.state).toBe("running");
    expect(during.clock - before.clock).toBeGreaterThan(1);
    expect(during.beeps - before.beeps).toBeGreaterThanOrEqual(3);
    expect(await page.title()).toContain("【1 条紧急呼叫】");

    await item.getByRole("button", { name: "接警" }).click();
    await page.getByRole("heading", { level: 1, name: "王秀英" }).waitFor();
    await expect.poll(sound).toBe("idle");
    await bar().waitFor({ state: "detached" });
    const stopped = await audio();
    await page.waitForTimeout(1700);
    expect((await audio()).beeps).toBe(stopped.beeps);
    expect(await page.title()).not.toContain("紧急呼叫");
    await expect.poll(() => updates.at(-1)).toMatchObject({ status: "acknowledged", acknowledgedBy: "王芳" });
    expect(await page.getByTestId("alarm-taken-by").textContent()).toContain("王芳");
    expect(await page.locator(".detail-head [data-alarm-status]").textContent()).toContain("处理中");
    // Whom to call, in calling order, each a tap to call.
    const calls = page.getByTestId("alarm-contacts").locator('a[href^="tel:"]');
    expect(await calls.evaluateAll((links) => links.map((a) => a.getAttribute("href")))).toEqual([
      "tel:13987654321",
      "tel:13812345678",
    ]);
    expect(await page.getByTestId("alarm-elder").textContent()).toContain("高血压");
    expect(await page.getByTestId("alarm-elder").textContent()).toContain("每日早晚服降压药");
    expect(await page.getByTestId("alarm-terminal-link").getAttribute("href")).toBe(
      `#/terminal/${credentials.terminalId}`,
    );

    await page.getByRole("link", { name: "返回告警中心" }).click();
    const inProgress = page.locator('[data-section="inProgress"]');
    await inProgress.locator(`tr[data-alarm-id="${alarmId}"]`).waitFor();
    expect(await inProgress.textContent()).toContain("王芳");
    expect(await page.locator('[data-section="open"]').textContent()).toContain("没有待接警的呼叫。");

    await inProgress.getByRole("link", { name: "王秀英" }).click();
    await page.getByLabel("备注内容").fill("已电话联系王丽，她正赶过去");
    await page.getByRole("button", { name: "添加备注" }).click();
    await page.getByTestId("alarm-history").getByText("已电话联系王丽，她正赶过去").waitFor();

    await page.getByRole("button", { name: "结束呼叫" }).click();
    await page.getByText("请填写处理结果后再结束呼叫。").waitFor();
    expect(await page.getByLabel("处理结果（必填）").getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel("处理结果（必填）").fill("王丽到场，老人摔倒无大碍，已扶起");
    await page.getByRole("button", { name: "结束呼叫" }).click();
    await page.getByTestId("alarm-resolution").waitFor();
    const history = page.getByTestId("alarm-history");
    expect(
      await history.locator("li").evaluateAll((items) => items.map((li) => li.dataset.eventType)),
    ).toEqual(["raised", "acknowledged", "note", "resolved"]);
    expect(await history.locator('[data-event-type="resolved"]').textContent()).toContain(
      "王芳王丽到场，老人摔倒无大碍，已扶起",
    );
    await expect.poll(() => updates.at(-1)?.status).toBe("resolved");
  });

  it("a caseworker sees the alarm and hears it, but phone numbers are masked and there is nothing to acknowledge", async () => {
    const unit = await elderUnit(server.url, token, { name: "湘滨 李奶奶家" });
    sockets.push(unit.socket);
    await newPage();
    await signInThroughPage(page, server.url, "zhao.min", "zhao.min-password-1");
    await page.getByRole("heading", { level: 1, name: "终端总览" }).waitFor();
    const { alarmId } = await raiseSos(unit.socket);
    await bar().getByText("王秀英").waitFor({ timeout: 1000 });
    await expect.poll(sound).toBe("playing");
    expect(await bar().getByRole("button").count()).toBe(0);
    expect(await bar().textContent()).toContain("您的角色不能接警，请立即告知调度员");

    await bar().getByRole("link", { name: "查看详情" }).click();
    await page.getByTestId("alarm-contacts").waitFor();
    const contacts = page.getByTestId("alarm-contacts");
    expect(await contacts.locator("[data-phone]").allTextContents()).toEqual([
      "138****5678 （号码已隐藏）",
      "139****4321 （号码已隐藏）",
      "139****1234 （号码已隐藏）",
    ]);
    expect(await page.locator('a[href^="tel:"]').count()).toBe(0);
    expect(await page.getByRole("button", { name: /接警/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "结束呼叫" }).count()).toBe(0);
    expect(await page.getByText("您的角色只能查看呼叫，不能接警或处理。").count()).toBe(1);

    // Someone who may take it does; the caseworker's console goes quiet too.
    await api(server.url, `/api/v1/alarms/${alarmId}/ack`, { token, method: "POST" });
    await expect.poll(sound).toBe("idle");
    await page.getByTestId("alarm-taken-by").waitFor();
    expect(await page.getByTestId("alarm-taken-by").textContent()).toContain("管理员");
  });

  it("an alarm the elder cancels leaves the queue as 误报（老人已取消）, with everything still shown, and is closed after a call back", async () => {
    const unit = await elderUnit(server.url, token, { name: "湘滨 周奶奶家" });
    sockets.push(unit.socket);
    await newPage();
    await signInThroughPage(page, server.url);
    await page.getByRole("heading", { level: 1, name: "终端总览" }).waitFor();
    const { raiseId, alarmId } = await raiseSos(unit.socket);
    await bar().getByText("王秀英").waitFor({ timeout: 1000 });
    await cancelSos(unit.socket, raiseId);
    await bar().waitFor({ state: "detached" });
    await expect.poll(sound).toBe("idle");
    const notice = page.locator(`[data-cancelled-alarm-id="${alarmId}"]`);
    expect(await notice.textContent()).toContain("王秀英 · 误报（老人已取消）");

    await notice.getByRole("link", { name: "查看详情" }).click();
    await page.getByTestId("alarm-cancelled").waitFor();
    expect(await page.locator(".detail-head [data-alarm-status]").textContent()).toContain(
      "误报（老人已取消）",
    );
    expect(await page.getByTestId("alarm-contacts").locator('a[href^="tel:"]').count()).toBe(3);
    expect(await page.getByTestId("alarm-elder").textContent()).toContain("糖尿病");
    await page.getByLabel("处理结果（必填）").fill("已回电，老人说是误按，身体无恙");
    await page.getByRole("button", { name: "结束呼叫" }).click();
    await page.getByTestId("alarm-resolution").waitFor();
    // Closed after the call back: nothing is left to follow up, so the notice goes.
    await notice.waitFor({ state: "detached" });

    // One the staff member has read can be put away before anyone has called back.
    const again = await raiseSos(unit.socket);
    await bar().getByText("王秀英").waitFor({ timeout: 1000 });
    await cancelSos(unit.socket, again.raiseId);
    const second = page.locator(`[data-cancelled-alarm-id="${again.alarmId}"]`);
    await second.getByRole("button", { name: "知道了" }).click();
    await second.waitFor({ state: "detached" });

    await page
      .getByRole("navigation")
      .getByRole("link", { name: /告警中心/ })
      .click();
    const closed = page.locator('[data-section="closed"]');
    await closed.locator(`tr[data-alarm-id="${alarmId}"]`).waitFor();
    expect(await closed.locator(`tr[data-alarm-id="${alarmId}"]`).textContent()).toContain(
      "已回电，老人说是误按，身体无恙",
    );
  });

  it("says when the browser blocks the sound, and one click lets it sound", async () => {
    const unit = await elderUnit(server.url, token, { name: "湘滨 孙奶奶家" });
    sockets.push(unit.socket);
    await newPage();
    // As a browser under its autoplay policy does after a reload: the audio context starts suspended.
    await page.addInitScript(() => {
      const Real = window.AudioContext;
      window.AudioContext = class extends Real {
        constructor(options?: AudioContextOptions) {
          super(options);
          void this.suspend();
        }
      };
    });
    await signInThroughPage(page, server.url);
    await page.getByRole("heading", { level: 1, name: "终端总览" }).waitFor();
    await expect.poll(sound).toBe("blocked");
    expect(await page.getByRole("alert").filter({ hasText: "浏览器阻止了警报声" }).count()).toBe(1);

    await raiseSos(unit.socket);
    await bar().getByText("王秀英").waitFor({ timeout: 1000 });
    expect(await sound()).toBe("blocked");
    expect(await bar().textContent()).toContain("警报声未在播放");
    await page.getByText("有紧急呼叫，但浏览器阻止了警报声！").waitFor();
    await page.getByRole("button", { name: "点击启用警报声" }).click();
    await expect.poll(sound).toBe("playing");
    expect(await bar().textContent()).toContain("警报声响起中，接警后停止");
  });

  it("has no serious or critical accessibility violations on the alarm bar, the alarms page and an alarm's page", async () => {
    const unit = await elderUnit(server.url, token, { name: "湘滨 吴奶奶家" });
    sockets.push(unit.socket);
    const other = await elderUnit(server.url, token, { name: "湘滨 郑大爷家", profile: null });
    sockets.push(other.socket);
    await newPage();
    await signInThroughPage(page, server.url);
    await page.getByRole("heading", { level: 1, name: "终端总览" }).waitFor();
    const { alarmId } = await raiseSos(unit.socket);
    await raiseSos(other.socket);
    await bar().locator("[data-alarm-id]").nth(1).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page
      .getByRole("navigation")
      .getByRole("link", { name: /告警中心/ })
      .click();
    await page.locator('[data-section="open"] tr[data-alarm-id]').nth(1).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.locator('[data-section="open"]').getByRole("link", { name: "王秀英" }).click();
    await page.getByTestId("alarm-history").waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("main").getByRole("button", { name: /接警/ }).click();
    await page.getByLabel("处理结果（必填）").waitFor();
    await page.getByRole("button", { name: "结束呼叫" }).click();
    await page.getByText("请填写处理结果后再结束呼叫。").waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(alarmId).toBeTruthy();
  });
});
