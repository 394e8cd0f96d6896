import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { elderUnit, staffToken, WANG } from "./alarm-fixtures";
import {
  api,
  enrolTerminal,
  openConsolePage,
  type RunningServer,
  seriousAxeViolations,
  signInThroughPage,
  startConsoleParts,
} from "./harness";

/** Elder profiles in real Chromium against a real control server. */
describe("elder profiles", () => {
  let server: RunningServer;
  let browser: Browser;
  let token: string;
  let context: BrowserContext;
  let page: Page;
  const sockets: Socket[] = [];
  let freeUnit: string;
  let wangId: string;

  beforeAll(async () => {
    ({ server, browser, token } = await startConsoleParts());
    // One free elder unit in 湘滨, one taken there, one in another community, and a kiosk.
    freeUnit = (
      await enrolTerminal(server.url, token, { kind: "elder", communityId: "xiangbin", name: "湘滨 甲" })
    ).terminalId;
    const taken = await elderUnit(server.url, token, { name: "湘滨 乙" });
    sockets.push(taken.socket);
    wangId = taken.elderId!;
    await enrolTerminal(server.url, token, { kind: "elder", communityId: "quantang", name: "泉塘 丙" });
    await enrolTerminal(server.url, token, { kind: "kiosk", communityId: "xiangbin", name: "湘滨 服务中心" });
    await staffToken(server.url, token, { username: "zhao.min", displayName: "赵敏", role: "caseworker" });
    await staffToken(server.url, token, {
      username: "xiangbin.li",
      displayName: "李静",
      role: "community_staff",
      communityId: "xiangbin",
    });
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
  afterEach(async () => {
    await context?.close();
  });

  const unitOptions = () =>
    page
      .getByLabel("居家一键呼叫终端")
      .locator("option")
      .evaluateAll((options) => options.map((o) => o.textContent));
  const tags = () =>
    page
      .getByTestId("condition-tags")
      .locator("li")
      .evaluateAll((items) => items.map((li) => li.getAttribute("data-condition")));
  const focused = () => page.evaluate(() => document.activeElement?.textContent ?? null);
  const contactNames = () =>
    page
      .locator(".contact-editor")
      .getByLabel("联系人姓名")
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));

  it("creates a profile: each mistake named beside its field, conditions as tags, contacts in calling order, only free units of the community", async () => {
    await newPage();
    await signInThroughPage(page, server.url);
    await page.getByRole("navigation").getByRole("link", { name: "老人档案" }).click();
    await page.getByRole("link", { name: "新建档案" }).click();
    const form = page.getByRole("form", { name: "新建老人档案" });
    await form.waitFor();

    await page.getByRole("button", { name: "创建档案" }).click();
    await expect.poll(() => form.getByRole("alert").textContent()).toContain("有 4 处需要更正");
    for (const words of [
      "请填写老人姓名。",
      "请填写住址，上门时要用。",
      "请填写联系人姓名。",
      "请填写电话号码。",
    ]) {
      expect(await form.textContent()).toContain(words);
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      await page.getByLabel("姓名", { exact: true }).getAttribute("id"),
    );
    expect(await page.getByLabel("姓名", { exact: true }).getAttribute("aria-invalid")).toBe("true");

    await page.getByLabel("姓名", { exact: true }).fill("陈秀兰");
    await page.getByLabel("住址").fill("湘滨社区 7 栋 1 单元 202");
    const conditions = page.getByLabel("健康状况（疾病）");
    await conditions.fill("高血压");
    await conditions.press("Enter");
    await conditions.fill("高血压");
    await conditions.press("Enter");
    await page.getByText("这一项已经记录了。").waitFor();
    await conditions.fill("糖尿病");
    await page.getByRole("button", { name: "添加", exact: true }).click();
    await conditions.fill("听力下降");
    await page.getByRole("button", { name: "删除「高血压」" }).click();
    expect(await tags()).toEqual(["糖尿病"]);

    // Free elder units of the profile's community only: not the taken one, another community's, or a kiosk.
    expect(await unitOptions()).toEqual(["暂不关联", "湘滨 甲（离线）"]);
    await page.getByLabel("社区", { exact: true }).selectOption({ label: "泉塘社区" });
    expect(await unitOptions()).toEqual(["暂不关联", "泉塘 丙（离线）"]);
    await page.getByLabel("社区", { exact: true }).selectOption({ label: "湘滨社区" });
    await page.getByLabel("居家一键呼叫终端").selectOption({ label: "湘滨 甲（离线）" });

    const contact = (index: number) => page.locator(".contact-editor").nth(index);
    await contact(0).getByLabel("联系人姓名").fill("陈强");
    await contact(0).getByLabel("关系").fill("儿子");
    await contact(0).getByLabel("电话").fill("12ab");
    await page.getByRole("button", { name: "添加联系人" }).click();
    // The new contact's name field takes the focus.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      await contact(1).getByLabel("联系人姓名").getAttribute("id"),
    );
    await contact(1).getByLabel("联系人姓名").fill("陈丽");
    await contact(1).getByLabel("电话").fill("13987650001");
    await page.getByRole("button", { name: "添加联系人" }).click();
    await contact(2).getByLabel("联系人姓名").fill("陈军");
    await contact(2).getByLabel("电话").fill("+86 139-8765-0002");
    await page.getByRole("button", { name: "上移 陈军" }).click();
    expect(await focused()).toContain("上移");
    await page.getByRole("button", { name: "上移 陈军" }).click();
    // At the top "move up" no longer works: the focus moves to "move down" of the same contact.
    expect(await focused()).toContain("下移 陈军");
    expect(await contactNames()).toEqual(["陈军", "陈强", "陈丽"]);
    await page.getByText("陈军 已移到第 1 位。").waitFor();
    await page.getByRole("button", { name: "删除 陈丽" }).click();
    expect(await contactNames()).toEqual(["陈军", "陈强"]);
    expect(await focused()).toBe("添加联系人");

    await page.getByRole("group", { name: "钥匙保管人" }).getByLabel("联系人姓名").fill("刘阿姨");
    await page.getByRole("button", { name: "创建档案" }).click();
    await expect.poll(() => form.getByRole("alert").textContent()).toContain("有 2 处需要更正");
    expect(await contact(1).textContent()).toContain("电话号码格式不对");
    expect(await page.getByRole("group", { name: "钥匙保管人" }).textContent()).toContain("请填写电话号码。");
    await contact(1).getByLabel("电话").fill("13812340000");
    await page.getByRole("group", { name: "钥匙保管人" }).getByLabel("电话").fill("13900001111");

    // Someone else links the unit meanwhile: the server refuses, and the form says so beside the unit.
    const racing = await api(server.url, "/api/v1/elders", {
      token,
      body: { communityId: "xiangbin", name: "张三", address: "湘滨社区 1 栋", terminalId: freeUnit },
    });
    expect(racing.status).toBe(201);
    await page.getByRole("button", { name: "创建档案" }).click();
    await page.getByText("这台终端已关联给 张三，请选择其他终端。").waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      await page.getByLabel("居家一键呼叫终端").getAttribute("id"),
    );
    await page.getByLabel("居家一键呼叫终端").selectOption({ label: "暂不关联" });
    await page.getByRole("button", { name: "创建档案" }).click();
    await page.getByTestId("elder-saved").waitFor();
    expect(await page.getByTestId("elder-saved").textContent()).toBe("已保存「陈秀兰」的档案。");
    const row = page.locator("tr[data-elder-id]", { hasText: "陈秀兰" });
    expect(await row.textContent()).toContain("未关联");

    const saved = (await api(server.url, "/api/v1/elders", { token })).body.elders.find(
      (e: { name: string }) => e.name === "陈秀兰",
    );
    expect(saved).toMatchObject({
      address: "湘滨社区 7 栋 1 单元 202",
      conditions: ["糖尿病", "听力下降"],
      keyHolder: { name: "刘阿姨", relation: "", phone: "13900001111" },
      emergencyContacts: [
        { name: "陈军", relation: "", phone: "+86 139-8765-0002" },
        { name: "陈强", relation: "儿子", phone: "13812340000" },
      ],
      terminalId: null,
    });

    // Editing brings every value back; the contacts are reordered and saved.
    await row.getByRole("link", { name: "陈秀兰" }).click();
    await page.getByRole("heading", { level: 1, name: "编辑档案：陈秀兰" }).waitFor();
    expect(await contactNames()).toEqual(["陈军", "陈强"]);
    expect(await tags()).toEqual(["糖尿病", "听力下降"]);
    await page.getByRole("button", { name: "上移 陈强" }).click();
    await page.getByRole("button", { name: "保存修改" }).click();
    await page.getByTestId("elder-saved").waitFor();
    const edited = (await api(server.url, `/api/v1/elders/${saved.id}`, { token })).body;
    expect(edited.emergencyContacts.map((c: { name: string }) => c.name)).toEqual(["陈强", "陈军"]);
  });

  it("finds elders by name", async () => {
    await newPage();
    await signInThroughPage(page, server.url);
    await page.goto(new URL("/console/#/elders", server.url).toString());
    await page.locator("tr[data-elder-id]").first().waitFor();
    await page.getByLabel("按姓名查找").fill("秀英");
    await expect.poll(() => page.locator("tr[data-elder-id]").count()).toBe(1);
    expect(await page.locator("tr[data-elder-id]").textContent()).toContain("王秀英");
    expect(await page.getByText("找到 1 位").count()).toBe(1);
    await page.getByLabel("按姓名查找").fill("无此人");
    await page.getByText("没有姓名符合的老人。").waitFor();
  });

  it("a caseworker reads masked phones and cannot edit; community staff must type hidden numbers again to save", async () => {
    await newPage();
    await signInThroughPage(page, server.url, "zhao.min", "zhao.min-password-1");
    await page.getByRole("navigation").getByRole("link", { name: "老人档案" }).click();
    const row = page.locator(`tr[data-elder-id="${wangId}"]`);
    await row.waitFor();
    expect(await row.locator("[data-phone]").allTextContents()).toEqual([
      "138****5678 （号码已隐藏）",
      "139****4321 （号码已隐藏）",
      "139****1234 （号码已隐藏）",
    ]);
    expect(await page.locator('a[href^="tel:"]').count()).toBe(0);
    expect(await page.getByRole("link", { name: "新建档案" }).count()).toBe(0);
    expect(await row.getByRole("link", { name: "王秀英" }).count()).toBe(0);
    expect(await page.getByText("您的角色只能查看老人档案，不能新建或修改。").count()).toBe(1);
    await context.close();

    await newPage();
    await signInThroughPage(page, server.url, "xiangbin.li", "xiangbin.li-password-1");
    await page.goto(new URL(`/console/#/elder/${wangId}`, server.url).toString());
    await page.getByRole("heading", { level: 1, name: "编辑档案：王秀英" }).waitFor();
    expect(await page.getByLabel("社区", { exact: true }).isDisabled()).toBe(true);
    const first = page.locator(".contact-editor").nth(0);
    expect(await first.getByLabel("电话").inputValue()).toBe("");
    expect(await first.getByLabel("电话").getAttribute("placeholder")).toBe("138****5678");
    expect(await first.textContent()).toContain(
      "原号码 138****5678 已按您的角色隐藏，保存前请重新输入完整号码。",
    );
    await page.getByRole("button", { name: "保存修改" }).click();
    await expect
      .poll(() => first.textContent())
      .toContain("号码已隐藏，请重新输入完整号码，或删除此联系人。");
    await first.getByLabel("电话").fill("13812345678");
    await page.locator(".contact-editor").nth(1).getByLabel("电话").fill("13987654321");
    await page.getByRole("group", { name: "钥匙保管人" }).getByLabel("电话").fill("13907321234");
    await page.getByLabel("用药说明").fill("每日早晚服降压药；对青霉素过敏");
    await page.getByRole("button", { name: "保存修改" }).click();
    await page.getByTestId("elder-saved").waitFor();
    const saved = (await api(server.url, `/api/v1/elders/${wangId}`, { token })).body;
    expect(saved).toMatchObject({
      medicationNotes: "每日早晚服降压药；对青霉素过敏",
      emergencyContacts: WANG.emergencyContacts,
      keyHolder: WANG.keyHolder,
    });
  });

  it("has no serious or critical accessibility violations on the list and the form", async () => {
    await newPage();
    await signInThroughPage(page, server.url);
    await page.goto(new URL("/console/#/elders", server.url).toString());
    await page.locator("tr[data-elder-id]").first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "新建档案" }).click();
    await page.getByRole("button", { name: "创建档案" }).click();
    await page.getByText("请填写老人姓名。").waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goto(new URL(`/console/#/elder/${wangId}`, server.url).toString());
    await page.getByRole("heading", { level: 1, name: "编辑档案：王秀英" }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
