import { randomUUID } from "node:crypto";
import type { ServiceUpdate } from "@linli/protocol";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { elderUnit, staffToken, WANG } from "./alarm-fixtures";
import {
  api,
  openConsolePage,
  type RunningServer,
  seriousAxeViolations,
  signInThroughPage,
  startConsoleParts,
} from "./harness";

/**
 * Elder services in real Chromium against a real control server: a real unit socket asks for a service and
 * hears every step staff take on the board; providers are kept on their own page.
 */
describe("services", () => {
  let server: RunningServer;
  let browser: Browser;
  let token: string;
  let context: BrowserContext;
  let page: Page;
  let unit: { socket: Socket; terminalId: string; updates: ServiceUpdate[] };
  const sockets: Socket[] = [];

  beforeAll(async () => {
    ({ server, browser, token } = await startConsoleParts());
    await staffToken(server.url, token, { username: "wang.fang", displayName: "王芳", role: "dispatcher" });
    const made = await elderUnit(server.url, token, { name: "湘滨 王奶奶家", profile: WANG });
    const updates: ServiceUpdate[] = [];
    made.socket.on("service:update", (update: ServiceUpdate) => updates.push(update));
    unit = { socket: made.socket, terminalId: made.terminalId, updates };
    sockets.push(made.socket);
    // Providers the dispatch picker must leave out: another service, another community, paused.
    for (const provider of [
      { name: "湘滨家政队", serviceCodes: ["housekeeping"], communityIds: ["xiangbin"], active: true },
      { name: "泉塘食堂", serviceCodes: ["meals"], communityIds: ["quantang"], active: true },
      { name: "暂停的食堂", serviceCodes: ["meals"], communityIds: ["xiangbin"], active: false },
    ]) {
      const made = await api(server.url, "/api/v1/providers", {
        token,
        body: { ...provider, kind: "organisation", phone: "0731-55550000" },
      });
      expect(made.status).toBe(201);
    }
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => {
    await context?.close();
  });

  const openConsole = async (username = "wang.fang", password = "wang.fang-password-1") => {
    ({ context, page } = await openConsolePage(browser));
    await signInThroughPage(page, server.url, username, password);
    await page.getByRole("heading", { level: 1, name: "终端总览" }).waitFor();
  };

  /** The elder presses a service button on the unit: answers the request's event id and the server's id. */
  const requestService = async (serviceCode: string) => {
    const id = randomUUID();
    const ack = (await unit.socket.timeout(3000).emitWithAck("service:request", {
      id,
      serviceCode,
      requestedAt: new Date().toISOString(),
    })) as { ok: boolean; data?: { requestId: string } };
    expect(ack.ok).toBe(true);
    return { eventId: id, requestId: ack.data!.requestId };
  };

  const lastUpdate = (requestId: string) => unit.updates.filter((u) => u.requestId === requestId).at(-1);
  const tile = (state: string) => page.locator(`.state-tile[data-state="${state}"]`);
  const row = (requestId: string) => page.locator(`tr[data-request-id="${requestId}"]`);

  it("keeps providers: required fields named beside each, then created and edited", async () => {
    await openConsole();
    await page.getByRole("link", { name: "服务商" }).click();
    await page.getByRole("heading", { level: 1, name: "服务商" }).waitFor();
    await page.locator(`tr[data-provider-id]`, { hasText: "湘滨家政队" }).waitFor();

    await page.getByRole("button", { name: "创建服务商" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("有 4 处需要更正");
    expect(await page.locator(".field-error").allTextContents()).toEqual([
      "✕ 请填写名称。",
      "✕ 请填写有效的电话号码（数字，可含区号和短横线）。",
      "✕ 请至少选择一项服务。",
      "✕ 请至少选择一个社区。",
    ]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("type"))).toBe("text");

    const form = page.locator("form", { has: page.getByRole("heading", { name: "新建服务商" }) });
    await form.getByLabel("名称").fill("湘滨爱心食堂");
    await form.getByLabel("联系电话").fill("0731-5555 1234");
    await form.getByLabel("助餐送餐").check();
    await form.getByLabel("湘滨社区").check();
    await form.getByRole("button", { name: "创建服务商" }).click();
    await expect
      .poll(() => page.getByTestId("provider-saved").textContent())
      .toBe("已创建服务商「湘滨爱心食堂」。");
    const created = page.locator("tr[data-provider-id]", { hasText: "湘滨爱心食堂" });
    await created.waitFor();
    expect(await created.textContent()).toContain("助餐送餐");
    expect(await created.textContent()).toContain("正在服务");

    await created.getByRole("button", { name: "编辑 湘滨爱心食堂" }).click();
    const editForm = page.locator("form", {
      has: page.getByRole("heading", { name: "编辑服务商：湘滨爱心食堂" }),
    });
    expect(await editForm.getByLabel("名称").inputValue()).toBe("湘滨爱心食堂");
    await editForm.getByLabel("上门医疗").check();
    await editForm.getByLabel("志愿者").check();
    await editForm.getByRole("button", { name: "保存修改" }).click();
    await expect
      .poll(() => page.getByTestId("provider-saved").textContent())
      .toBe("已保存「湘滨爱心食堂」。");
    await expect.poll(() => created.textContent()).toContain("上门医疗");
    const stored = (await api(server.url, "/api/v1/providers", { token })).body.providers.find(
      (p: { name: string }) => p.name === "湘滨爱心食堂",
    );
    expect(stored).toMatchObject({
      kind: "volunteer",
      phone: "0731-5555 1234",
      serviceCodes: ["meals", "medical"],
      communityIds: ["xiangbin"],
      active: true,
    });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("takes a meals request from the unit through accept, dispatch, on site and done, each step told to the unit", async () => {
    await openConsole();
    await page.getByRole("link", { name: /服务工单/ }).click();
    await page.getByRole("heading", { level: 1, name: "服务工单" }).waitFor();

    const { requestId } = await requestService("meals");
    await row(requestId).waitFor({ timeout: 2000 });
    expect(await row(requestId).textContent()).toContain("王秀英");
    expect(await row(requestId).textContent()).toContain("助餐送餐");
    expect(await row(requestId).locator("[data-timing]").textContent()).toMatch(
      /^时限内，还剩 1 小时 (29|30) 分钟$/,
    );
    expect(await page.getByTestId("nav-waiting-services").textContent()).toContain("1");
    expect(await tile("requested").textContent()).toContain("1");
    expect(await seriousAxeViolations(page)).toEqual([]);

    await row(requestId).getByRole("button", { name: "受理 · 王秀英" }).click();
    await expect
      .poll(() => page.locator(".message-ok").textContent())
      .toContain("已受理「王秀英」的助餐送餐请求");
    await expect.poll(() => lastUpdate(requestId)?.status).toBe("accepted");
    await page.getByTestId("nav-waiting-services").waitFor({ state: "detached" });

    await tile("accepted").click();
    await row(requestId).getByRole("button", { name: "派单 · 王秀英" }).click();
    const dialog = page.getByRole("dialog", { name: "派单：助餐送餐" });
    await dialog.waitFor();
    const picker = dialog.getByLabel("服务商");
    await picker.waitFor();
    // Only active providers of meals in 湘滨 are offered.
    expect(await picker.locator("option").allTextContents()).toEqual([
      "请选择服务商",
      "湘滨爱心食堂（志愿者）· 0731-5555 1234",
    ]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "派单" }).click();
    expect(await dialog.locator(".field-error").textContent()).toContain("请选择一个服务商。");
    await picker.selectOption({ label: "湘滨爱心食堂（志愿者）· 0731-5555 1234" });
    await dialog.getByRole("button", { name: "派单" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect
      .poll(() => lastUpdate(requestId))
      .toMatchObject({
        status: "dispatched",
        providerName: "湘滨爱心食堂",
      });

    await tile("dispatched").click();
    expect(await row(requestId).textContent()).toContain("湘滨爱心食堂");
    await row(requestId).getByRole("button", { name: "上门 · 王秀英" }).click();
    await expect.poll(() => lastUpdate(requestId)?.status).toBe("in-progress");
    await tile("in-progress").click();
    await row(requestId).getByRole("link", { name: "详情 · 王秀英" }).click();
    await page.getByRole("heading", { level: 1, name: "王秀英 · 助餐送餐" }).waitFor();
    expect(await page.locator(".detail-head [data-service-status]").textContent()).toContain("上门中");
    await page.getByRole("button", { name: "完成 · 王秀英" }).click();
    await expect.poll(() => lastUpdate(requestId)?.status).toBe("done");
    await expect
      .poll(() => page.locator(".detail-head [data-service-status]").textContent())
      .toContain("已完成");
    expect(await page.locator(".detail-head [data-timing]").textContent()).toMatch(/^按时完成，用时/);
    expect(await page.getByTestId("service-provider").textContent()).toBe("湘滨爱心食堂");
    expect(
      await page
        .getByTestId("service-history")
        .locator("li")
        .evaluateAll((items) => items.map((li) => li.getAttribute("data-event-type"))),
    ).toEqual(["requested", "accepted", "dispatched", "in-progress", "done"]);
    expect(await page.getByTestId("service-history").textContent()).toContain("王芳");
    expect(unit.updates.filter((u) => u.requestId === requestId).map((u) => u.status)).toEqual([
      "requested",
      "accepted",
      "dispatched",
      "in-progress",
      "done",
    ]);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "返回服务工单" }).click();
    await tile("done").click();
    expect(await row(requestId).textContent()).toContain("尚未评价");
  });

  it("cancels a request only with a reason, which the unit hears", async () => {
    await openConsole();
    const { requestId } = await requestService("housekeeping");
    await page.goto(new URL(`/console/#/service/${requestId}`, server.url).toString());
    await page.getByRole("heading", { level: 1, name: "王秀英 · 家政保洁" }).waitFor();
    await page.getByRole("button", { name: "取消请求" }).click();
    const dialog = page.getByRole("dialog", { name: "取消此请求？" });
    await dialog.getByRole("button", { name: "取消请求" }).click();
    expect(await dialog.locator(".field-error").textContent()).toContain("请填写取消原因。");
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("TEXTAREA");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByLabel("取消原因（必填）").fill("老人电话说女儿已经来打扫了");
    await dialog.getByRole("button", { name: "取消请求" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => lastUpdate(requestId)?.status).toBe("cancelled");
    await expect
      .poll(() => page.locator(".detail-head [data-service-status]").textContent())
      .toContain("已取消");
    expect(await page.getByTestId("service-history").textContent()).toContain("老人电话说女儿已经来打扫了");
    expect(await page.getByText("此请求已结束，无需处理。").count()).toBe(1);
  });

  it("alerts gently when a request misses its target, and when the elder's rating reopens one", async () => {
    await openConsole();
    await page.getByRole("link", { name: /服务工单/ }).click();
    const { eventId, requestId } = await requestService("meals");
    await row(requestId).waitFor({ timeout: 2000 });
    const alerts = page.getByTestId("service-alerts");
    expect(await alerts.count()).toBe(0);

    // The target passes: the server's own timer flags it and alerts the consoles.
    server.server.db
      .prepare("UPDATE service_requests SET target_at = ? WHERE id = ?")
      .run(new Date(Date.now() - 5 * 60_000).toISOString(), requestId);
    await alerts.waitFor({ timeout: 3000 });
    const missed = alerts.locator('[data-alert-reason="target-missed"]');
    expect(await missed.textContent()).toContain(
      "王秀英 的助餐送餐请求已超过时限（1 小时 30 分钟）仍未完成。",
    );
    // A banner, not the SOS bar: nothing sounds and the alarm bar stays away.
    expect(await page.getByTestId("alarm-bar").count()).toBe(0);
    await expect
      .poll(() => row(requestId).locator("[data-timing]").textContent())
      .toMatch(/^▲ 已超时 [45] 分钟$/);
    expect(await tile("requested").textContent()).toContain("1 条超时");
    expect(await page.getByTestId("service-alert-announcer").textContent()).toContain("服务提醒");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await missed.getByRole("button", { name: "知道了 · 王秀英" }).click();
    await alerts.waitFor({ state: "detached" });

    const providers = await api(server.url, "/api/v1/providers?serviceCode=meals&communityId=xiangbin", {
      token,
    });
    const providerId = providers.body.providers.find((p: { active: boolean }) => p.active).id as string;
    for (const step of ["accept", "dispatch", "complete"]) {
      const moved = await api(server.url, `/api/v1/service-requests/${requestId}/${step}`, {
        token,
        body: step === "dispatch" ? { providerId } : {},
      });
      expect(moved.status, step).toBe(200);
    }
    await unit.socket.timeout(3000).emitWithAck("service:rate", {
      id: randomUUID(),
      requestEventId: eventId,
      rating: "not-done",
      ratedAt: new Date().toISOString(),
    });
    const reopened = alerts.locator('[data-alert-reason="reopened"]');
    await reopened.waitFor({ timeout: 2000 });
    expect(await reopened.textContent()).toContain("王秀英 评价助餐送餐为「没有完成」，请求已重新打开。");
    await reopened.getByRole("link", { name: "查看 · 王秀英" }).click();
    await page.getByTestId("service-reopened").waitFor();
    expect(await page.getByTestId("service-reopened").textContent()).toContain("老人评价「没有完成」后");
    expect(await page.locator(".detail-head [data-service-status]").textContent()).toContain("已受理");
    expect(await page.getByRole("button", { name: "派单 · 王秀英" }).count()).toBe(1);
  });
});
