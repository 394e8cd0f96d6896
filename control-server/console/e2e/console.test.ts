import { PROTOCOL_VERSION } from "@linli/protocol";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { io, type Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  api,
  enrolTerminal,
  openConsolePage,
  type RunningServer,
  seriousAxeViolations,
  signInThroughPage,
  startConsoleParts,
} from "./harness";

/** The staff console in real Chromium against a real control server. */
describe("staff console", () => {
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

  /** A real terminal link: the socket a kiosk or elder unit opens. */
  const connectTerminal = async (credentials: { terminalId: string; token: string }) => {
    const socket = io(new URL("/terminal", server.url).toString(), {
      auth: { ...credentials, protocol: PROTOCOL_VERSION },
      transports: ["websocket"],
      reconnection: false,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("connect_error", reject);
    });
    return socket;
  };

  const row = (terminalId: string) => page.locator(`tr[data-terminal-id="${terminalId}"]`);

  it("says so when the password is wrong, and shows the fleet when it is right", async () => {
    await newPage();
    await signInThroughPage(page, server.url, "admin", "not-the-password");
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("用户名或密码错误");
    expect(await page.getByLabel("密码").inputValue()).toBe("");

    await page.getByLabel("密码").fill("admin-password-1");
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByRole("heading", { level: 1, name: "终端总览" }).waitFor();
    await page.getByText("还没有登记任何终端。").waitFor();
    await expect.poll(() => page.getByTestId("live-status").textContent()).toContain("实时更新已连接");
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toContain("linli.console.session");
  });

  it("explains a lock-out with the time it ends", async () => {
    const created = await api(server.url, "/api/v1/staff", {
      token,
      body: {
        username: "locked.staff",
        displayName: "测试员",
        password: "right-password-1",
        role: "dispatcher",
      },
    });
    expect(created.status).toBe(201);
    for (let i = 0; i < 4; i++) {
      await api(server.url, "/api/v1/auth/login", {
        body: { username: "locked.staff", password: "wrong-password" },
      });
    }
    await newPage();
    await signInThroughPage(page, server.url, "locked.staff", "wrong-password");
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toMatch(/账号已暂时锁定。请于 \d{2}:\d{2} 后再试/);
    // The right password does not get in while the lock lasts either.
    await page.getByLabel("密码").fill("right-password-1");
    await page.getByRole("button", { name: "登录" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("锁定");
  });

  it("switches to English and back", async () => {
    await newPage();
    await page.goto(new URL("/console/", server.url).toString());
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Sign in to the console" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await page.getByRole("button", { name: "中文" }).click();
    await page.getByRole("heading", { name: "登录控制台" }).waitFor();
  });

  it("flips a terminal online and offline live, and shows its devices", async () => {
    const terminal = await enrolTerminal(server.url, token, {
      kind: "kiosk",
      communityId: "xiangbin",
      name: "湘滨服务中心 1 号机",
    });
    await newPage();
    await signInThroughPage(page, server.url);
    await row(terminal.terminalId).waitFor();
    expect(await row(terminal.terminalId).textContent()).toContain("湘滨社区");
    expect(await row(terminal.terminalId).locator("[data-presence]").textContent()).toBe("离线");
    expect(await row(terminal.terminalId).textContent()).toContain("从未连接");

    const socket = await connectTerminal(terminal);
    let started = Date.now();
    await row(terminal.terminalId).locator('[data-presence="online"]').waitFor({ timeout: 1000 });
    const onlineMs = Date.now() - started;
    expect(await row(terminal.terminalId).locator("[data-presence]").textContent()).toBe("在线");

    await socket.timeout(5000).emitWithAck("terminal:status", {
      version: "1.2.3",
      devices: [
        { device: "printer", status: "unavailable", reason: "paper out" },
        { device: "id-card", status: "ok" },
      ],
    });
    await row(terminal.terminalId).getByText("paper out").waitFor({ timeout: 1000 });
    expect(await row(terminal.terminalId).textContent()).toContain("1.2.3");
    expect(await row(terminal.terminalId).textContent()).toContain("小票打印机 不可用");

    started = Date.now();
    socket.disconnect();
    await row(terminal.terminalId).locator('[data-presence="offline"]').waitFor({ timeout: 1000 });
    const offlineMs = Date.now() - started;
    expect(await row(terminal.terminalId).textContent()).toContain("刚刚");
    expect(onlineMs).toBeLessThan(1000);
    expect(offlineMs).toBeLessThan(1000);
  });

  it("lets an admin create an enrolment code that a terminal can use", async () => {
    await newPage();
    await signInThroughPage(page, server.url);
    await page.getByRole("link", { name: "登记新终端" }).click();
    await page.getByRole("heading", { level: 1, name: "登记新终端" }).waitFor();

    await page.getByRole("button", { name: "生成登记码" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("请填写终端名称");

    await page.getByLabel("居家一键呼叫").check();
    await page.getByLabel("所属社区").selectOption({ label: "泉塘社区" });
    await page.getByLabel("终端名称").fill("泉塘 张奶奶家");
    await page.getByRole("button", { name: "生成登记码" }).click();
    const code = (await page.getByTestId("enrollment-code-value").textContent()) ?? "";
    expect(code).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    const card = (await page.getByTestId("enrollment-code").textContent()) ?? "";
    expect(card).toContain("居家一键呼叫 · 泉塘社区 · 泉塘 张奶奶家");
    expect(card).toMatch(/有效期至 .*（24小时后）/);
    const fontSize = await page
      .getByTestId("enrollment-code-value")
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(40);

    const enrolled = await api(server.url, "/api/v1/terminals/enroll", { body: { code } });
    expect(enrolled.status).toBe(201);
    // The new terminal shows up on the fleet page as soon as it connects.
    await page.getByRole("link", { name: "终端总览" }).click();
    const socket = await connectTerminal(enrolled.body);
    await row(enrolled.body.terminalId).locator('[data-presence="online"]').waitFor({ timeout: 2000 });
    expect(await row(enrolled.body.terminalId).textContent()).toContain("居家一键呼叫");
    socket.disconnect();
  });

  it("sends a reload command and revokes a terminal after confirmation", async () => {
    const terminal = await enrolTerminal(server.url, token, {
      kind: "elder",
      communityId: "yanggao",
      name: "阳高 李大爷家",
    });
    const socket = await connectTerminal(terminal);
    const commands: string[] = [];
    socket.on("command", (command: { type: string }, ack: (answer: unknown) => void) => {
      commands.push(command.type);
      ack({ ok: true, data: null });
    });
    await newPage();
    await signInThroughPage(page, server.url);
    await row(terminal.terminalId).locator('[data-presence="online"]').waitFor();

    await row(terminal.terminalId).getByRole("button", { name: "重新加载" }).click();
    await expect
      .poll(() => page.locator(".message-ok").textContent())
      .toContain("已向「阳高 李大爷家」发送「重新加载」指令");
    await expect.poll(() => commands).toEqual(["reload"]);

    await row(terminal.terminalId).getByRole("button", { name: "停用" }).click();
    const dialog = page.getByRole("dialog", { name: "停用终端「阳高 李大爷家」？" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "取消" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await row(terminal.terminalId).locator("[data-presence]").textContent()).toBe("在线");

    await row(terminal.terminalId).getByRole("button", { name: "停用" }).click();
    await dialog.getByRole("button", { name: "停用" }).click();
    await row(terminal.terminalId).locator('[data-presence="revoked"]').waitFor();
    expect(await row(terminal.terminalId).getByRole("button").count()).toBe(0);
    await expect.poll(() => socket.connected).toBe(false);
  });

  it("returns to sign-in when the session ends on the server", async () => {
    await newPage();
    await signInThroughPage(page, server.url);
    await page.getByRole("heading", { level: 1, name: "终端总览" }).waitFor();
    const session = await page.evaluate(() =>
      JSON.parse(sessionStorage.getItem("linli.console.session") ?? "{}"),
    );
    expect(
      (await api(server.url, "/api/v1/auth/logout", { method: "POST", token: session.token })).status,
    ).toBe(204);
    await page.reload();
    await page.getByText("登录已过期，请重新登录。").waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem("linli.console.session"))).toBeNull();
  });

  it("signs out", async () => {
    await newPage();
    await signInThroughPage(page, server.url);
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.getByText("您已退出登录。").waitFor();
    await page.reload();
    await page.getByRole("heading", { name: "登录控制台" }).waitFor();
  });

  it("has no serious or critical accessibility violations on the sign-in and fleet pages", async () => {
    await newPage();
    await page.goto(new URL("/console/", server.url).toString());
    await page.getByRole("heading", { name: "登录控制台" }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await signInThroughPage(page, server.url, "admin", "wrong-password-2");
    await page.getByRole("alert").waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await signInThroughPage(page, server.url);
    await page.locator("tr[data-terminal-id]").first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "登记新终端" }).click();
    await page.getByLabel("终端名称").waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
