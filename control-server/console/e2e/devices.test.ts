import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HikvisionCameraSimulator } from "@linli/hardware/camera/hikvision-simulator";
import { UhppoteSimulator } from "@linli/hardware/gate/uhppote-simulator";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffToken } from "./alarm-fixtures";
import {
  openConsolePage,
  type RunningServer,
  seriousAxeViolations,
  signInThroughPage,
  startConsoleParts,
} from "./harness";

const SERIAL = 423187757;
const CAMERA_TOKEN = "camera-token-0123456789abcdef";

/**
 * The gates and cameras page against a real control server driving a UHPPOTE controller simulator over
 * UDP on loopback, with a Hikvision camera simulator pushing plate reads to it, both named in a devices file.
 */
describe("gates and cameras", () => {
  let server: RunningServer;
  let browser: Browser;
  let gate: UhppoteSimulator;
  let context: BrowserContext;
  let page: Page;
  const dir = mkdtempSync(join(tmpdir(), "linli-console-devices-"));

  beforeAll(async () => {
    gate = new UhppoteSimulator({ serialNumber: SERIAL, host: "127.0.0.1", port: 0 });
    const { port } = await gate.start();
    const devicesFile = join(dir, "devices.json");
    writeFileSync(
      devicesFile,
      JSON.stringify({
        gates: {
          "xiangbin-east": {
            type: "uhppote",
            host: "127.0.0.1",
            port,
            serialNumber: SERIAL,
            listen: "127.0.0.1:0",
            timeoutMs: 300,
            retries: 1,
            healthIntervalMs: 200,
            communityId: "xiangbin",
            doors: { "1": "东门", "2": "东门车库" },
          },
        },
        cameras: {
          "xiangbin-east-lpr": {
            type: "hikvision-push",
            token: CAMERA_TOKEN,
            communityId: "xiangbin",
            location: "东门车道",
          },
        },
      }),
    );
    const parts = await startConsoleParts({ server: { devicesFile } });
    ({ server, browser } = parts);
    await staffToken(server.url, parts.token, {
      username: "wang.fang",
      displayName: "王芳",
      role: "dispatcher",
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    await gate?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("shows the gate and camera with their health, opens a door after asking, and shows gate events and plate reads live", async () => {
    ({ context, page } = await openConsolePage(browser));
    await signInThroughPage(page, server.url, "wang.fang", "wang.fang-password-1");
    await page.getByRole("link", { name: "门禁与车牌" }).click();
    await page.getByRole("heading", { level: 1, name: "门禁与车牌识别" }).waitFor();

    const gatePanel = page.getByRole("region", { name: "xiangbin-east", exact: true });
    await gatePanel.locator('[data-health="ok"]').waitFor({ timeout: 5000 });
    expect(await gatePanel.textContent()).toContain("湘滨社区");
    expect(await gatePanel.textContent()).toContain(String(SERIAL));
    const cameraPanel = page.getByRole("region", { name: "xiangbin-east-lpr" });
    expect(await cameraPanel.textContent()).toContain("东门车道");
    expect(await cameraPanel.textContent()).toContain("海康（推送）");
    await page.getByText("还没有门禁记录。").waitFor();
    await page.getByText("还没有车牌记录。").waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // 开门 asks first; cancelling changes nothing.
    await gatePanel.getByRole("button", { name: "开门 · 东门", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "打开「东门」？" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("请确认门外是谁后再开门");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "取消" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(gate.events).toHaveLength(0);

    await gatePanel.getByRole("button", { name: "开门 · 东门", exact: true }).click();
    await dialog.getByRole("button", { name: "开门" }).click();
    await expect.poll(() => page.locator(".message-ok").textContent()).toBe("已打开「东门」。");
    expect(gate.events.at(-1)).toMatchObject({ door: 1, reason: 44, granted: true });
    const remoteOpen = page.getByTestId("gate-events").locator('tr[data-reason="44"]');
    await remoteOpen.waitFor({ timeout: 3000 });
    expect(await remoteOpen.textContent()).toContain("xiangbin-east · 东门");
    expect(await remoteOpen.textContent()).toContain("远程开门");
    expect(await remoteOpen.textContent()).toContain("通过");

    // A card the controller does not know, swiped at the garage: denied, live.
    gate.swipe(10058400, 2);
    const denied = page.getByTestId("gate-events").locator('tr[data-reason="6"]');
    await denied.waitFor({ timeout: 3000 });
    expect(await denied.textContent()).toContain("东门车库");
    expect(await denied.textContent()).toContain("刷卡");
    expect(await denied.textContent()).toContain("10058400");
    expect(await denied.textContent()).toContain("拒绝：无权限");
    expect(await denied.textContent()).toContain("拒绝");

    // A car drives in: its plate and close-up arrive.
    const camera = new HikvisionCameraSimulator({
      pushUrl: `${server.url}/api/v1/cameras/xiangbin-east-lpr/anpr?token=${CAMERA_TOKEN}`,
    });
    expect(await camera.drive("湘A12345", "entry", { confidence: 93 })).toEqual({ status: 200, body: "OK" });
    const read = page.getByTestId("plate-reads").locator("tr[data-read-id]", { hasText: "湘A12345" });
    await read.waitFor({ timeout: 3000 });
    expect(await read.textContent()).toContain("驶入");
    expect(await read.textContent()).toContain("可信度 93%");
    expect(await read.textContent()).toContain("东门车道");
    const picture = read.getByRole("img", { name: "车牌 湘A12345 的特写" });
    await picture.waitFor();
    await expect
      .poll(() =>
        picture.evaluate(
          (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth,
        ),
      )
      .toBeGreaterThan(0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The controller goes away: the page says so without a reload.
    await gate.stop();
    await gatePanel.locator('[data-health="unavailable"]').waitFor({ timeout: 5000 });
    expect(await gatePanel.textContent()).toContain("无法连接");
  });
});
