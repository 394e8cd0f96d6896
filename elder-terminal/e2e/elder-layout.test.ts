/**
 * The new screens with their longest words still fit the unit's 800 × 480: the idle screen with the
 * centre down and records waiting on the unit, a provider with a very long name, and everything in
 * English (staff set the unit's locale). Real runtime, real server process, Chromium at 800 × 480.
 */

import type { ServiceRequestView } from "@linli/protocol";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  eventually,
  KEYS,
  layoutFacts,
  saidCount,
  sceneOfId,
  screenshot,
  seriousAxeViolations,
  TestRig,
  textOfId,
} from "./elder-harness";

const rig = TestRig.perTest("linli-elder-layout-e2e-");

/** Fits the screen, no text under 32 px, no serious axe finding; Chinese phrases stay whole. */
async function fits(page: Page, what: string, { phrasesWhole = true } = {}) {
  const facts = await layoutFacts(page);
  expect(facts.overflowing, what).toEqual([]);
  if (phrasesWhole) expect(facts.brokenPhrases, what).toEqual([]);
  expect(facts.smallestTextPx, what).toBeGreaterThanOrEqual(32);
  expect(await seriousAxeViolations(page), what).toEqual([]);
}

async function buttonsKeepTheirSize(page: Page, what: string) {
  const sos = (await page.getByTestId("sos").boundingBox())!;
  expect(sos.height, `${what}: SOS`).toBeGreaterThanOrEqual(110);
  for (const id of ["checkin", "services", "call"]) {
    const box = (await page.getByTestId(id).boundingBox())!;
    expect(box.height, `${what}: ${id}`).toBeGreaterThanOrEqual(100);
    expect(box.width * box.height, `${what}: ${id}`).toBeLessThan(sos.width * sos.height);
  }
}

describe("the elder unit's screens at their fullest", () => {
  it("with the centre down and records waiting on the unit, the idle screen keeps its buttons; a service booked offline says it is saved", async () => {
    const { server, unit } = await rig.unit("offline");
    const screen = await rig.screen(unit);
    const { page } = screen;
    const banner = page.getByTestId("link-banner");
    await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toContain("在线");
    await server.stop();
    await expect.poll(() => banner.textContent(), { timeout: 5000 }).toContain("网络中断，正在重试");

    // 我很好 while offline: saved on the unit, and said.
    await page.getByTestId("checkin").click();
    await expect
      .poll(() => page.getByTestId("checkin-note").textContent({ timeout: 1000 }))
      .toBe("今天已报平安");
    await expect.poll(() => saidCount(unit, "今天已报平安"), { timeout: 5000 }).toBe(1);
    await expect
      .poll(() => page.getByTestId("notes").textContent({ timeout: 1000 }))
      .toContain("1 条记录已保存在本机");
    expect(await page.getByTestId("notes").textContent()).toContain("本机会自动重新连接");

    // 叫服务 offline: booked on the unit, said honestly.
    await page.getByTestId("services").click();
    await page.getByTestId("service-meals").click();
    await expect.poll(sceneOfId(screen, "service"), { timeout: 5000 }).toBe("waiting");
    expect(await page.getByTestId("service").textContent()).toContain("已保存在本机，网络恢复后自动发送");
    await fits(page, "booked offline");
    await screenshot(page, "elder-service-offline");
    await page.getByTestId("back").click();

    await expect
      .poll(() => page.getByTestId("services-note").textContent({ timeout: 1000 }))
      .toBe("1 项在办理");
    await expect.poll(() => page.getByTestId("notes").textContent({ timeout: 1000 })).toContain("2 条记录");
    await buttonsKeepTheirSize(page, "offline idle");
    await fits(page, "offline idle");
    await screenshot(page, "elder-idle-offline");

    // 呼叫中心 offline: nobody can be reached, said at once.
    await page.getByTestId("call").click();
    await expect.poll(sceneOfId(screen, "call"), { timeout: 5000 }).toBe("call-failed");
    await fits(page, "call offline");
  });

  it("a provider with a very long name, then the whole unit in English, still fit 800 × 480", async () => {
    const { admin, unit } = await rig.unit("long");
    const longName = "湘滨社区居家养老服务中心长者爱心食堂";
    const provider = await admin.call<{ id: string }>("POST", "/api/v1/providers", {
      name: longName,
      kind: "organisation",
      phone: "0731-58881234",
      serviceCodes: ["meals"],
      communityIds: ["xiangbin"],
    });
    const screen = await rig.screen(unit);
    const { page } = screen;
    await expect
      .poll(() => page.getByTestId("link-banner").textContent(), { timeout: 10_000 })
      .toContain("在线");

    // The unit's own 助餐送餐 key books it as the screen's button does.
    await page.keyboard.press(KEYS.meals);
    await expect.poll(sceneOfId(screen, "service"), { timeout: 5000 }).toBe("waiting");
    expect(await textOfId(screen, "service-title")()).toBe("已为您预约助餐送餐，正在等待社区受理");
    let request: ServiceRequestView | undefined;
    await eventually(
      async () => {
        [request] = (
          await admin.call<{ requests: ServiceRequestView[] }>("GET", "/api/v1/service-requests")
        ).requests;
        return request !== undefined;
      },
      5000,
      "the request at the centre",
    );
    const step = (name: string, body: unknown = {}) =>
      admin.call("POST", `/api/v1/service-requests/${request!.id}/${name}`, body);
    await step("accept");
    await step("dispatch", { providerId: provider.id });
    await expect.poll(sceneOfId(screen, "service"), { timeout: 5000 }).toBe("dispatched");
    expect(await textOfId(screen, "service-title")()).toBe(`已派单，${longName}为您服务`);
    await fits(page, "long provider name");
    await screenshot(page, "elder-service-long-name");

    // Staff switch the unit to English.
    await admin.call("POST", `/api/v1/terminals/${unit.terminal.runtime.snapshot().terminalId}/commands`, {
      type: "update-config",
      params: { locale: "en" },
    });
    await expect
      .poll(() => page.getByTestId("service").textContent(), { timeout: 5000 })
      .toContain("will come");
    await fits(page, "English: dispatched", { phrasesWhole: false });
    await page.getByTestId("back").click();
    await expect
      .poll(() => page.getByTestId("link-banner").textContent({ timeout: 1000 }))
      .toContain("Online");
    await page.getByTestId("checkin").click();
    await expect
      .poll(() => page.getByTestId("checkin-note").textContent({ timeout: 1000 }))
      .toBe("Done today");
    await buttonsKeepTheirSize(page, "English idle");
    await fits(page, "English idle", { phrasesWhole: false });
    await screenshot(page, "elder-en-idle");

    await page.getByTestId("services").click();
    await expect
      .poll(() => page.getByTestId("service-picker").textContent({ timeout: 1000 }))
      .toContain("Under way");
    await fits(page, "English services", { phrasesWhole: false });
    await screenshot(page, "elder-en-services");
    await page.getByTestId("back").click();

    await step("start");
    await step("complete");
    await expect.poll(sceneOfId(screen, "service"), { timeout: 5000 }).toBe("rate");
    await fits(page, "English rating", { phrasesWhole: false });
    await screenshot(page, "elder-en-rate");
    await page.getByTestId("rate-skip").click();

    await page.getByTestId("call").click();
    await expect.poll(sceneOfId(screen, "call"), { timeout: 5000 }).toBe("call-failed");
    await fits(page, "English: nobody can answer", { phrasesWhole: false });
    await screenshot(page, "elder-en-call-nobody");
  });
});
