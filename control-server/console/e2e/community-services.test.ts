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

/** A community's own elder-service catalogue, kept from the providers page in real Chromium. */
describe("a community's elder services", () => {
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
  afterEach(async () => {
    await context?.close();
  });

  it("lets community staff pause a service and promise a faster target, and says what is wrong first", async () => {
    const password = "fdl-zhou-password-1";
    await api(server.url, "/api/v1/staff", {
      token,
      body: {
        username: "fdl.zhou",
        displayName: "周敏",
        password,
        role: "community_staff",
        communityId: "fengdaoling",
      },
    });
    ({ context, page } = await openConsolePage(browser));
    await signInThroughPage(page, server.url, "fdl.zhou", password);
    await page.getByRole("link", { name: "服务商" }).click();
    const table = page.getByTestId("community-services");
    await table.waitFor();
    // Community staff see their own community only: no community to choose.
    expect(await page.getByLabel("社区", { exact: true }).count()).toBe(0);

    const meals = table.locator('tr[data-service-code="meals"]');
    await meals.getByRole("checkbox").uncheck();
    await meals.getByRole("button", { name: "保存" }).click();
    await expect.poll(() => meals.getAttribute("class")).toContain("row-revoked");

    const medical = table.locator('tr[data-service-code="medical"]');
    await medical.getByLabel(/目标完成时间/).fill("3");
    await medical.getByRole("button", { name: "保存" }).click();
    await expect.poll(() => medical.getByRole("alert").textContent()).toContain("5 到 20160");
    await medical.getByLabel(/目标完成时间/).fill("60");
    await medical.getByRole("button", { name: "保存" }).click();
    await expect.poll(async () => medical.getByRole("button", { name: "保存" }).isDisabled()).toBe(true);

    const offer = await api(server.url, "/api/v1/communities/fengdaoling/elder-services", { token });
    const byCode = Object.fromEntries(
      (offer.body.services as Array<{ code: string; offered: boolean; targetMinutes: number }>).map((s) => [
        s.code,
        s,
      ]),
    );
    expect(byCode.meals?.offered).toBe(false);
    expect(byCode.medical?.targetMinutes).toBe(60);
    // The county's other communities are untouched.
    const other = await api(server.url, "/api/v1/communities/xiangbin/elder-services", { token });
    expect(other.body.services.every((s: { offered: boolean }) => s.offered)).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
