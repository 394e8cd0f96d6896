import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  connectTerminal,
  enrolTerminal,
  openConsolePage,
  type RunningServer,
  seriousAxeViolations,
  signInThroughPage,
  startConsoleParts,
} from "./harness";

interface SentCommand {
  commandId: string;
  type: string;
}

/** A terminal's own page in real Chromium against a real control server and a real terminal link. */
describe("terminal detail page", () => {
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

  afterEach(async () => {
    await context?.close();
  });

  const openDetail = async (terminalId: string, name: string) => {
    ({ context, page } = await openConsolePage(browser));
    await signInThroughPage(page, server.url);
    await page.locator(`tr[data-terminal-id="${terminalId}"]`).getByRole("link", { name }).click();
    await page.getByRole("heading", { level: 1, name }).waitFor();
    expect(page.url()).toContain(`#/terminal/${terminalId}`);
  };

  const connect = async (credentials: { terminalId: string; token: string }) => {
    const socket = await connectTerminal(server.url, credentials);
    sockets.push(socket);
    return socket;
  };

  const history = () => page.getByTestId("presence-history").locator("li");

  it("shows the terminal, its devices and log, and its presence history as it connects and disconnects", async () => {
    const terminal = await enrolTerminal(server.url, token, {
      kind: "kiosk",
      communityId: "xiangbin",
      name: "湘滨服务中心 2 号机",
    });
    await openDetail(terminal.terminalId, "湘滨服务中心 2 号机");
    const facts = page.getByRole("region", { name: "基本信息" });
    expect(await facts.textContent()).toContain("自助服务终端");
    expect(await facts.textContent()).toContain("湘滨社区");
    expect(await facts.textContent()).toContain("从未连接");
    expect(await facts.textContent()).toContain(terminal.terminalId);
    await page.getByText("这台终端还没有连接过。").waitFor();
    expect(await page.locator(".detail-head [data-presence]").textContent()).toBe("离线");

    const socket = await connect(terminal);
    await page.locator('.detail-head [data-presence="online"]').waitFor({ timeout: 2000 });
    await expect.poll(() => history().first().textContent(), { timeout: 2000 }).toContain("上线已连接");

    await socket.timeout(5000).emitWithAck("terminal:status", {
      version: "2.0.1",
      devices: [
        { device: "idCardReader", status: "ok" },
        { device: "printer", status: "unavailable", reason: "缺纸" },
        { device: "scanner-x", status: "degraded" },
      ],
    });
    const devices = page.getByRole("region", { name: "设备状况" });
    await devices.getByText("缺纸").waitFor({ timeout: 2000 });
    expect(await devices.locator('[data-device="idCardReader"]').textContent()).toContain("身份证读卡器正常");
    expect(await devices.locator('[data-device="printer"]').textContent()).toContain("小票打印机不可用");
    // A device this console does not know is shown as the terminal named it.
    expect(await devices.locator('[data-device="scanner-x"]').textContent()).toContain("scanner-x异常");
    expect(await facts.textContent()).toContain("2.0.1");

    const logged = await socket.timeout(5000).emitWithAck("terminal:log", {
      id: randomUUID(),
      at: new Date().toISOString(),
      level: "warning",
      code: "printer.paper_out",
      message: "打印机缺纸，回执未打印",
    });
    expect(logged.ok).toBe(true);

    socket.disconnect();
    await page.locator('.detail-head [data-presence="offline"]').waitFor({ timeout: 2000 });
    await expect.poll(() => history().first().textContent(), { timeout: 2000 }).toContain("离线连接断开");
    expect(await history().count()).toBe(2);
    expect(await history().nth(1).getAttribute("data-reason")).toBe("connected");
    // The disconnect brought a fresh log too.
    const log = page.getByRole("region", { name: "运行日志" });
    await log.getByText("打印机缺纸，回执未打印").waitFor({ timeout: 2000 });
    expect(await log.textContent()).toContain("警告");
    expect(await log.textContent()).toContain("printer.paper_out");

    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("sends a reload and shows it delivered, then succeeded; a failed restart shows why", async () => {
    const terminal = await enrolTerminal(server.url, token, {
      kind: "elder",
      communityId: "quantang",
      name: "泉塘 王奶奶家",
    });
    const socket = await connect(terminal);
    const received: SentCommand[] = [];
    socket.on("command", (command: SentCommand, ack: (answer: unknown) => void) => {
      received.push(command);
      ack({ ok: true, data: null });
    });
    const report = (commandId: string, status: "succeeded" | "failed", detail?: string) =>
      socket.timeout(5000).emitWithAck("command:result", { id: randomUUID(), commandId, status, detail });

    await openDetail(terminal.terminalId, "泉塘 王奶奶家");
    await page.getByText("还没有向这台终端下发过指令。").waitFor();

    await page.locator(".detail-head").getByRole("button", { name: "重新加载" }).click();
    await expect
      .poll(() => page.locator(".message-ok").textContent())
      .toContain("已向「泉塘 王奶奶家」发送「重新加载」指令");
    await expect.poll(() => received.map((c) => c.type)).toEqual(["reload"]);
    const reload = page.locator(`tr[data-command-id="${received[0]?.commandId}"]`);
    await reload.locator('[data-state="delivered"]').waitFor({ timeout: 5000 });
    expect(await reload.textContent()).toContain("已送达");

    expect((await report(received[0]!.commandId, "succeeded")).ok).toBe(true);
    await reload.locator('[data-state="succeeded"]').waitFor({ timeout: 5000 });
    expect(await reload.textContent()).toContain("重新加载");
    expect(await reload.textContent()).toContain("已成功");

    await page.locator(".detail-head").getByRole("button", { name: "重启" }).click();
    const dialog = page.getByRole("dialog", { name: "重启终端「泉塘 王奶奶家」？" });
    await dialog.getByRole("button", { name: "重启" }).click();
    await expect.poll(() => received.map((c) => c.type)).toEqual(["reload", "restart"]);
    const restart = page.locator(`tr[data-command-id="${received[1]?.commandId}"]`);
    await restart.waitFor();
    expect((await report(received[1]!.commandId, "failed", "设备正在为居民打印，稍后再试")).ok).toBe(true);
    await restart.locator('[data-state="failed"]').waitFor({ timeout: 5000 });
    expect(await restart.textContent()).toContain("设备正在为居民打印，稍后再试");
    // Newest first.
    expect(await page.locator("tr[data-command-id]").first().getAttribute("data-command-id")).toBe(
      received[1]?.commandId,
    );

    expect(await seriousAxeViolations(page)).toEqual([]);
    socket.disconnect();
  });

  it("says so for a terminal that does not exist", async () => {
    ({ context, page } = await openConsolePage(browser));
    await signInThroughPage(page, server.url);
    await page.getByRole("heading", { level: 1, name: "终端总览" }).waitFor();
    await page.goto(new URL("/console/#/terminal/no-such-terminal", server.url).toString());
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("找不到这台终端");
  });
});
