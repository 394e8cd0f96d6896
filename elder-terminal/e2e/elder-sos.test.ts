/**
 * An elder's SOS on the unit's own screen, with real parts throughout: pendant (simulator on a socat
 * pty) → terminal runtime → control server (its own process) → a named dispatcher takes the call → the
 * screen and the unit's voice say who took it → resolved. The screen never says help is coming before a
 * person has acknowledged the alarm on the server.
 */
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN_PASSWORD,
  Api,
  buildElderUi,
  dispatcher,
  type ElderPage,
  type ElderUnit,
  expectLooksRight,
  freshDir,
  launchBrowser,
  launchElderUnit,
  layoutFacts,
  openAlarms,
  openScreen,
  PENDANT_ID,
  type ServerProcess,
  screenshot,
  seriousAxeViolations,
  startServer,
} from "./elder-harness";

const HELP_IS_COMING = "马上就到";

let browser: Browser;
let server: ServerProcess;
let admin: Api;
let unit: ElderUnit;
let screen: ElderPage;
const dir = freshDir("linli-elder-sos-e2e-");

beforeAll(async () => {
  [browser] = await Promise.all([launchBrowser(), buildElderUi()]);
  server = await startServer(join(dir.path, "server"));
  admin = await Api.signIn(server.url, "admin", ADMIN_PASSWORD);
  unit = await launchElderUnit(server.url, admin, join(dir.path, "unit"));
  screen = await openScreen(browser, unit.terminal.bridge.url);
});

afterAll(async () => {
  await screen?.context.close();
  await browser?.close();
  await unit?.stop();
  await server?.stop();
  dir.remove();
});

const scene = () => screen.page.getByTestId("alarm").getAttribute("data-scene", { timeout: 1000 });
const title = () => screen.page.getByTestId("alarm-title").textContent({ timeout: 1000 });
const said = (part: string) => unit.spoken.some((entry) => entry.text.includes(part));

describe("the elder unit's screen", () => {
  it("idle: the time, the connection in plain words, one huge red SOS button and three smaller everyday ones", async () => {
    const { page } = screen;
    await expect
      .poll(() => page.getByTestId("link-banner").textContent(), { timeout: 10_000 })
      .toContain("在线");
    const sos = page.getByTestId("sos");
    expect(await sos.textContent()).toContain("紧急呼叫");
    // Few buttons, each doing something: SOS, then 我很好, 叫服务, 呼叫中心.
    expect(await page.locator("button").allTextContents()).toEqual([
      "紧急呼叫SOS按下就会呼叫社区服务中心",
      "我很好",
      "叫服务",
      "呼叫中心",
    ]);
    const box = (await sos.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(700);
    expect(box.height).toBeGreaterThanOrEqual(140);
    for (const id of ["checkin", "services", "call"]) {
      const other = (await page.getByTestId(id).boundingBox())!;
      expect(other.height, id).toBeGreaterThanOrEqual(100);
      expect(other.width * other.height, id).toBeLessThan((box.width * box.height) / 2);
    }

    await expectLooksRight(page, "idle");
    await screenshot(page, "elder-idle");
  });

  it("pendant SOS: sending until the centre answers, received, the dispatcher's name once acknowledged, resolved", async () => {
    const { page } = screen;
    const lijuan = await dispatcher(admin, "李娟", "lijuan");

    // The server stalls (frozen, connection still up): the unit has the SOS on disk and must say only
    // that it is calling.
    server.pause();
    try {
      await unit.pendant.press(PENDANT_ID, 3);
      await expect.poll(scene, { timeout: 5000 }).toBe("sending");
      expect(await title()).toContain("正在呼叫服务中心");
      expect(await page.getByTestId("cancel").textContent()).toBe("误报取消");
      const facts = await layoutFacts(page);
      expect(facts).toMatchObject({ overflowing: [], brokenPhrases: [] });
      expect(facts.alarmTitlePx).toBeGreaterThanOrEqual(48);
      expect(facts.smallestTextPx).toBeGreaterThanOrEqual(32);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, "elder-sending");
    } finally {
      server.resume();
    }

    await expect.poll(scene, { timeout: 10_000 }).toBe("received");
    expect(await title()).toBe("服务中心已收到您的呼叫，正在安排人员");
    await expect.poll(() => said("正在呼叫服务中心"), { timeout: 5000 }).toBe(true);
    await expect.poll(() => said("服务中心已收到您的呼叫"), { timeout: 5000 }).toBe(true);
    expect((await layoutFacts(page)).brokenPhrases).toEqual([]);
    await screenshot(page, "elder-received");

    const [alarm] = await openAlarms(admin);
    expect(alarm).toMatchObject({ source: "pendant", elder: { name: "王秀英" } });

    const ackAt = Date.now();
    await lijuan.call("POST", `/api/v1/alarms/${alarm!.id}/ack`);
    await expect.poll(title, { timeout: 5000 }).toBe("李娟已接听，救助人员马上就到");
    await expect.poll(() => said("李娟已接听"), { timeout: 5000 }).toBe(true);

    // Before the dispatcher acknowledged, neither the screen nor the voice promised help.
    const shownBefore = screen.shown.filter((entry) => entry.at < ackAt);
    expect(shownBefore.some((entry) => entry.text.includes("正在呼叫服务中心"))).toBe(true);
    expect(shownBefore.some((entry) => entry.text.includes("已收到您的呼叫"))).toBe(true);
    expect(shownBefore.filter((entry) => entry.text.includes(HELP_IS_COMING))).toEqual([]);
    expect(unit.spoken.filter((e) => e.at < ackAt && e.text.includes(HELP_IS_COMING))).toEqual([]);

    const facts = await layoutFacts(page);
    expect(facts).toMatchObject({ overflowing: [], brokenPhrases: [] });
    expect(facts.alarmTitlePx).toBeGreaterThanOrEqual(48);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "elder-acknowledged");

    await lijuan.call("POST", `/api/v1/alarms/${alarm!.id}/resolve`, {
      note: "已上门，老人血压偏高，已联系家属",
    });
    await expect.poll(scene, { timeout: 5000 }).toBe("resolved");
    expect(await title()).toBe("本次求助已处理完毕");
    await expect.poll(() => said("本次求助已处理完毕"), { timeout: 5000 }).toBe(true);
    // Over: nothing left to cancel; a new emergency call is one press away.
    expect(await page.getByTestId("cancel").count()).toBe(0);
    expect(await page.getByTestId("sos").textContent()).toContain("紧急呼叫");
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect((await layoutFacts(page)).overflowing).toEqual([]);
    await screenshot(page, "elder-resolved");
  });
});
