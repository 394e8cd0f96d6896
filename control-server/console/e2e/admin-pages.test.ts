import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  api,
  openConsolePage,
  type RunningServer,
  seriousAxeViolations,
  signInThroughPage,
  startConsoleParts,
} from "./harness";

/** Staff accounts, the audit log and changing one's password, in real Chromium against a real server. */
describe("staff, audit and password pages", () => {
  let server: RunningServer;
  let browser: Browser;
  let token: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, token } = await startConsoleParts());
  });

  afterAll(async () => {
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

  const signIn = (username: string, password: string) =>
    api(server.url, "/api/v1/auth/login", { body: { username, password } });

  it("creates a staff account through the form, naming each mistake, and the new user can sign in", async () => {
    await newPage();
    await signInThroughPage(page, server.url);
    await page.getByRole("link", { name: "工作人员账号" }).click();
    await page.getByRole("heading", { level: 1, name: "工作人员账号" }).waitFor();
    const adminRow = page.locator('tr[data-username="admin"]');
    await adminRow.waitFor();
    expect(await adminRow.textContent()).toContain("管理员");
    expect(await adminRow.textContent()).toContain("全县");
    expect(await adminRow.textContent()).toContain("正常");

    const form = page.getByRole("form", { name: "新建账号" });
    await form.getByRole("button", { name: "创建账号" }).click();
    await expect.poll(() => form.getByRole("alert").textContent()).toContain("有 3 处需要更正");
    expect(await form.textContent()).toContain("请填写用户名。");
    expect(await form.textContent()).toContain("请填写姓名。");
    expect(await form.textContent()).toContain("初始密码至少需要 10 个字符。");
    // The first field to correct has the focus, and its error is tied to it.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      await form.getByLabel("用户名").getAttribute("id"),
    );
    expect(await form.getByLabel("用户名").getAttribute("aria-invalid")).toBe("true");

    await form.getByLabel("用户名").fill("admin");
    await form.getByLabel("姓名").fill("周晓梅");
    await form.getByLabel("初始密码").fill("zhou-initial-1");
    await form.getByLabel("角色").selectOption({ label: "社区工作人员" });
    await form.getByRole("button", { name: "创建账号" }).click();
    await expect.poll(() => form.textContent()).toContain("社区工作人员必须选择所属社区。");

    await form.getByLabel("社区", { exact: true }).selectOption({ label: "阳高社区" });
    await form.getByRole("button", { name: "创建账号" }).click();
    // The server refuses a username that is taken, and the form says so beside the username.
    await expect.poll(() => form.textContent()).toContain("用户名「admin」已被使用，请换一个。");

    await form.getByLabel("用户名").fill("zhou.xm");
    await form.getByRole("button", { name: "创建账号" }).click();
    await expect
      .poll(() => page.locator(".message-ok").textContent())
      .toContain("已创建账号「周晓梅」（zhou.xm）");
    const row = page.locator('tr[data-username="zhou.xm"]');
    await row.waitFor();
    expect(await row.textContent()).toContain("社区工作人员");
    expect(await row.textContent()).toContain("阳高社区");
    expect(await form.getByLabel("用户名").inputValue()).toBe("");
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "退出登录" }).click();
    await signInThroughPage(page, server.url, "zhou.xm", "zhou-initial-1");
    await page.getByRole("heading", { level: 1, name: "终端总览" }).waitFor();
    expect(await page.locator(".topbar-user").textContent()).toContain("周晓梅");
    expect(await page.locator(".topbar-user").textContent()).toContain("阳高社区");
    // Not an administrator: no administrators' pages in the navigation, nor by their address.
    const navigation = page.getByRole("navigation", { name: "主导航" });
    expect(await navigation.getByRole("link").allTextContents()).toEqual([
      "终端总览",
      "告警中心",
      "服务工单",
      "办件",
      "今日平安",
      "通知公告",
      "老人档案",
      "服务商",
      "门禁与车牌",
      "事项目录",
      "人口核对",
    ]);
    await page.goto(new URL("/console/#/staff", server.url).toString());
    await page.getByText("只有管理员可以查看此页面。").waitFor();
    await page.goto(new URL("/console/#/audit", server.url).toString());
    await page.getByRole("heading", { level: 1, name: "操作日志" }).waitFor();
    expect(await page.getByText("只有管理员可以查看此页面。").count()).toBe(1);
    expect(await page.locator("tr[data-audit-id]").count()).toBe(0);
  });

  it("shows the sign-in in the audit log by the staff member's name, filters by action and pages back", async () => {
    // More failed sign-ins than one page holds (an unknown username locks nothing).
    for (let i = 0; i < 55; i++) await signIn("nobody", `wrong-${i}`);
    await newPage();
    await signInThroughPage(page, server.url);
    await page.getByRole("heading", { level: 1, name: "终端总览" }).waitFor();
    await page.getByRole("link", { name: "操作日志" }).click();
    await page.getByRole("heading", { level: 1, name: "操作日志" }).waitFor();

    const rows = page.locator("tr[data-audit-id]");
    await rows.first().waitFor();
    // Newest first: this very sign-in, by the administrator's display name.
    expect(await rows.first().getAttribute("data-action")).toBe("auth.login");
    expect(await rows.first().locator('[data-column="action"]').textContent()).toBe("登录");
    await expect.poll(() => rows.first().locator('[data-column="actor"]').textContent()).toBe("管理员");
    const ids = await rows.evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-audit-id"))));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    await page.getByLabel("操作类型").selectOption({ label: "登录失败" });
    await expect.poll(() => rows.count()).toBe(50);
    expect(new Set(await rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-action"))))).toEqual(
      new Set(["auth.login_failed"]),
    );
    expect(await rows.first().locator('[data-column="actor"]').textContent()).toBe("匿名");
    expect(await rows.first().textContent()).toContain("username: nobody");
    await page.getByText("已显示最新的 50 条。").waitFor();
    await page.getByRole("button", { name: "加载更早的记录" }).click();
    await expect.poll(() => rows.count()).toBe(55);
    await page.getByText("共 55 条，已全部显示。").waitFor();
    expect(await page.getByRole("button", { name: "加载更早的记录" }).count()).toBe(0);

    await page.getByLabel("操作类型").selectOption({ label: "全部操作" });
    await expect.poll(() => rows.first().getAttribute("data-action")).toBe("auth.login");
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("changes the password through the page; the old one no longer signs in", async () => {
    const created = await api(server.url, "/api/v1/staff", {
      token,
      body: { username: "wu.jun", displayName: "吴军", password: "wu-first-pass-1", role: "caseworker" },
    });
    expect(created.status).toBe(201);
    await newPage();
    await signInThroughPage(page, server.url, "wu.jun", "wu-first-pass-1");
    await page.getByRole("heading", { level: 1, name: "终端总览" }).waitFor();
    await page.locator(".topbar").getByRole("link", { name: "修改密码" }).click();
    await page.getByRole("heading", { level: 1, name: "修改密码" }).waitFor();

    const submit = page.getByRole("button", { name: "修改密码" });
    await page.getByLabel("当前密码").fill("not-my-password");
    await page.getByLabel("新密码", { exact: true }).fill("wu-second-pass-2");
    await page.getByLabel("再次输入新密码").fill("wu-second-pass-3");
    await submit.click();
    await expect
      .poll(() => page.locator(".field-error").allTextContents())
      .toEqual(["✕ 两次输入的新密码不一致。"]);
    await page.getByLabel("再次输入新密码").fill("wu-second-pass-2");
    await submit.click();
    await expect
      .poll(() => page.locator(".field-error").allTextContents())
      .toEqual(["✕ 当前密码不正确，请重新输入。"]);
    expect(await page.getByLabel("当前密码").inputValue()).toBe("");
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel("当前密码").fill("wu-first-pass-1");
    await submit.click();
    await page.getByTestId("password-changed").waitFor();
    expect(await page.getByTestId("password-changed").textContent()).toContain("密码已修改");
    expect(await page.getByLabel("新密码", { exact: true }).inputValue()).toBe("");

    expect((await signIn("wu.jun", "wu-first-pass-1")).status).toBe(401);
    expect((await signIn("wu.jun", "wu-second-pass-2")).status).toBe(200);
    // This page stays signed in.
    await page.getByRole("link", { name: "终端总览" }).click();
    await page.getByRole("heading", { level: 1, name: "终端总览" }).waitFor();
    expect(await page.getByTestId("live-status").textContent()).toContain("实时更新已连接");
  });
});
