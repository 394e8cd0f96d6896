/**
 * The elder's everyday buttons on the unit's own screen, with real parts throughout (runtime, server
 * process, Chromium at 800 × 480): 我很好 from the screen and from the unit's key reaches the server and
 * closes the day's check task; 助餐送餐 from the screen goes through 受理 → 派单 → 上门 → 完成 at the
 * centre, each step shown and said; "没有完成" reopens it, and after the second round the unit's OK key
 * says 满意.
 */
import { join } from "node:path";
import type { CheckTask, ServiceRequestView } from "@linli/protocol";
import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import {
  eventually,
  expectLooksRight,
  KEYS,
  saidCount,
  sceneOfId,
  screenshot,
  TestRig,
  textOfId,
} from "./elder-harness";

const rig = TestRig.perTest("linli-elder-services-e2e-");

describe("the elder unit's everyday buttons", () => {
  it("我很好 from the screen and from the unit's key reaches the server, closes the day's check task, and is said and shown", async () => {
    // Check-in hour 0: the server opens today's check task for the elder at once, until they check in.
    const { admin, unit } = await rig.unit("checkin", { LINLI_CHECKIN_HOUR: "0" });
    const screen = await rig.screen(unit);
    const { page } = screen;
    await expect
      .poll(() => page.getByTestId("link-banner").textContent(), { timeout: 10_000 })
      .toContain("在线");
    const tasks = async (status: "open" | "done") =>
      (await admin.call<{ tasks: CheckTask[] }>("GET", `/api/v1/check-tasks?status=${status}`)).tasks;
    await eventually(async () => (await tasks("open")).length === 1, 5000, "today's check task opened");

    // The idle screen: SOS still the biggest, the three everyday buttons below it.
    expect(await page.locator("button").count()).toBe(4);
    const sos = (await page.getByTestId("sos").boundingBox())!;
    for (const id of ["checkin", "services", "call"]) {
      const box = (await page.getByTestId(id).boundingBox())!;
      expect(box.height, id).toBeGreaterThanOrEqual(100);
      expect(box.width * box.height, id).toBeLessThan((sos.width * sos.height) / 2);
    }
    expect(sos.width).toBeGreaterThanOrEqual(700);
    expect(sos.height).toBeGreaterThanOrEqual(140);
    await expectLooksRight(page, "idle");

    await page.getByTestId("checkin").click();
    await expect
      .poll(() => page.getByTestId("checkin-note").textContent({ timeout: 1000 }))
      .toBe("今天已报平安");
    await expect.poll(() => saidCount(unit, "今天已报平安"), { timeout: 5000 }).toBe(1);
    await eventually(async () => (await tasks("open")).length === 0, 5000, "check task closed by the press");
    const [closed] = await tasks("done");
    expect(closed).toMatchObject({ elder: { name: "王秀英" }, note: "老人已报平安" });

    const db = new BetterSqlite3(join(rig.dir, "checkin-server", "linli.db"), { readonly: true });
    const checkins = () =>
      (
        db
          .prepare("SELECT COUNT(*) AS n FROM elder_checkins WHERE terminal_id = ?")
          .get(unit.terminal.runtime.snapshot().terminalId) as { n: number }
      ).n;
    try {
      await eventually(() => checkins() === 1, 5000, "the screen's check-in stored");
      // The unit's own 我很好 key: the runtime checks in; the screen says it again; the button stays.
      await page.keyboard.press(KEYS.fine);
      await eventually(() => checkins() === 2, 5000, "the key's check-in stored");
    } finally {
      db.close();
    }
    await expect.poll(() => saidCount(unit, "今天已报平安"), { timeout: 5000 }).toBe(2);
    expect(await page.getByTestId("checkin").isEnabled()).toBe(true);
    await expectLooksRight(page, "idle, checked in");
    await screenshot(page, "elder-idle-checked-in");
  });

  it("助餐送餐 from the screen: booked, 受理, 派单 with the provider, 上门, 完成, each shown and said; 没有完成 reopens it; OK rates the second round 满意", async () => {
    const { admin, unit } = await rig.unit("meals");
    const provider = await admin.call<{ id: string }>("POST", "/api/v1/providers", {
      name: "湘滨长者食堂",
      kind: "organisation",
      phone: "0731-58881234",
      serviceCodes: ["meals", "housekeeping"],
      communityIds: ["xiangbin"],
    });
    const screen = await rig.screen(unit, { relayButtonsOf: unit });
    const { page } = screen;
    await expect
      .poll(() => page.getByTestId("link-banner").textContent(), { timeout: 10_000 })
      .toContain("在线");
    const scene = sceneOfId(screen, "service");
    const title = textOfId(screen, "service-title");
    const said = (part: string) => () => saidCount(unit, part);

    // 叫服务: five services and 返回.
    await page.getByTestId("services").click();
    await expect.poll(() => page.getByTestId("service-picker").isVisible()).toBe(true);
    expect(await page.locator("[data-testid=service-picker] button").allTextContents()).toEqual([
      "助餐送餐",
      "家政保洁",
      "上门医疗",
      "陪伴聊天",
      "上门维修",
      "返回",
    ]);
    await expect.poll(said("您需要什么服务"), { timeout: 5000 }).toBe(1);
    await expectLooksRight(page, "services");
    await screenshot(page, "elder-services");

    await page.getByTestId("service-meals").click();
    await expect.poll(scene, { timeout: 5000 }).toBe("waiting");
    expect(await title()).toBe("已为您预约助餐送餐，正在等待社区受理");
    await expect.poll(said("已为您预约助餐送餐，正在等待社区受理"), { timeout: 5000 }).toBe(1);
    await expectLooksRight(page, "booked");
    let request: ServiceRequestView | undefined;
    await eventually(
      async () => {
        [request] = (
          await admin.call<{ requests: ServiceRequestView[] }>("GET", "/api/v1/service-requests")
        ).requests;
        return request?.service.code === "meals";
      },
      5000,
      "the request at the centre",
    );
    const step = (name: string, body: unknown = {}) =>
      admin.call<ServiceRequestView>("POST", `/api/v1/service-requests/${request!.id}/${name}`, body);

    await step("accept");
    await expect.poll(scene, { timeout: 5000 }).toBe("accepted");
    expect(await title()).toBe("社区已受理您的助餐送餐，正在安排人员");
    await expect.poll(said("社区已受理您的助餐送餐"), { timeout: 5000 }).toBe(1);

    await step("dispatch", { providerId: provider.id });
    await expect.poll(scene, { timeout: 5000 }).toBe("dispatched");
    expect(await title()).toBe("已派单，湘滨长者食堂为您服务");
    await expect.poll(said("由湘滨长者食堂为您服务"), { timeout: 5000 }).toBe(1);

    // Back to idle; a second request while the first is under way: the newest news, and a count.
    await page.getByTestId("back").click();
    await expect
      .poll(() => page.getByTestId("services-note").textContent({ timeout: 1000 }))
      .toBe("1 项在办理");
    await page.getByTestId("services").click();
    await expect
      .poll(() => page.getByTestId("service-picker").textContent({ timeout: 1000 }))
      .toContain("正在办理：助餐送餐，已派单");
    await page.getByTestId("service-housekeeping").click();
    await expect.poll(title, { timeout: 5000 }).toBe("已为您预约家政保洁，正在等待社区受理");
    expect(await page.getByTestId("service").textContent()).toContain("另有 1 项服务正在办理");
    await page.getByTestId("back").click();
    await expect
      .poll(() => page.getByTestId("services-note").textContent({ timeout: 1000 }))
      .toBe("2 项在办理");

    await step("start");
    await expect.poll(scene, { timeout: 5000 }).toBe("in-progress");
    expect(await title()).toBe("湘滨长者食堂已上门，正在为您服务");
    expect(await page.getByTestId("service").textContent()).toContain("另有 1 项服务正在办理");
    await expect.poll(said("湘滨长者食堂已上门"), { timeout: 5000 }).toBe(1);
    await expectLooksRight(page, "in progress");
    await screenshot(page, "elder-service-in-progress");

    await step("complete");
    await expect.poll(scene, { timeout: 5000 }).toBe("rate");
    expect(await title()).toBe("助餐送餐已完成，您满意吗？");
    await expect.poll(said("您满意吗？满意请按确认键"), { timeout: 5000 }).toBe(1);
    for (const [id, text] of [
      ["rate-good", "满意"],
      ["rate-bad", "不满意"],
      ["rate-not-done", "没有完成"],
      ["rate-skip", "跳过"],
    ]) {
      expect(await page.getByTestId(id!).textContent()).toBe(text);
    }
    const good = (await page.getByTestId("rate-good").boundingBox())!;
    expect(good.height).toBeGreaterThanOrEqual(100);
    await expectLooksRight(page, "rating question");
    await screenshot(page, "elder-service-rate");

    // 没有完成: the centre reopens it and the elder hears it will be followed up.
    await page.getByTestId("rate-not-done").click();
    await expect.poll(scene, { timeout: 5000 }).toBe("followup");
    await expect.poll(said("工作人员会尽快跟进"), { timeout: 5000 }).toBe(1);
    const reopened = async () =>
      admin.call<ServiceRequestView>("GET", `/api/v1/service-requests/${request!.id}`);
    await eventually(async () => (await reopened()).reopenedCount === 1, 5000, "reopened at the centre");
    expect(await reopened()).toMatchObject({ status: "accepted", rating: "not-done", reopenedCount: 1 });
    // The centre's own update (accepted again, rated 'not done') does not make the unit say it twice.
    await page.waitForTimeout(500);
    expect(saidCount(unit, "工作人员会尽快跟进")).toBe(1);
    await expectLooksRight(page, "follow-up");

    // The second round: done again, asked again; the unit's OK key is 满意.
    await step("dispatch", { providerId: provider.id });
    await step("start");
    await step("complete");
    await expect.poll(scene, { timeout: 5000 }).toBe("rate");
    await expect.poll(said("您满意吗？满意请按确认键"), { timeout: 5000 }).toBe(2);
    await page.keyboard.press(KEYS.ok);
    await expect
      .poll(() => page.getByTestId("message-title").textContent({ timeout: 1000 }))
      .toBe("谢谢您的评价");
    await expect.poll(said("谢谢您的评价"), { timeout: 5000 }).toBe(1);
    await eventually(async () => (await reopened()).rating === "good", 5000, "rated good at the centre");
    expect(await reopened()).toMatchObject({ status: "done", reopenedCount: 1 });
  });
});
