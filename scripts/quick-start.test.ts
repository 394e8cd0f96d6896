/** The README's quick start, as a newcomer runs it: `npm start`, then the three URLs it prints. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LineProcess } from "../test-support/child-process";
import { launchChromium } from "../test-support/chromium";
import { freePort } from "../test-support/free-port";

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

const dataDir = mkdtempSync(join(tmpdir(), "linli-start-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("npm start", () => {
  it("brings up the server, the console, a kiosk and an elder unit, all linked; Ctrl-C stops it cleanly", async () => {
    const port = await freePort();
    const start = new LineProcess("npm", ["start", "--silent"], {
      env: { LINLI_PORT: String(port), LINLI_DATA_DIR: dataDir, LINLI_ADMIN_PASSWORD: "" },
      detached: true,
    });
    try {
      const [, consoleUrl, username, password] = await start.waitFor(
        /^Console:\s+(\S+)\s+\(sign in as (\S+) \/ (\S+)\)/,
        120_000,
      );
      const [, kioskUrl] = await start.waitFor(/^Kiosk:\s+(\S+)/);
      const [, elderUrl] = await start.waitFor(/^Elder:\s+(\S+)/);
      expect(consoleUrl).toBe(`http://127.0.0.1:${port}/console/`);

      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username, password }),
      });
      expect(login.status).toBe(200);
      const { token } = (await login.json()) as { token: string };
      // Both terminals are linked, and their simulated devices answer.
      const terminals = async () => {
        const response = await fetch(`http://127.0.0.1:${port}/api/v1/terminals`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const { terminals: list } = (await response.json()) as {
          terminals: Array<{
            kind: string;
            online: boolean;
            devices: Array<{ device: string; status: string }>;
          }>;
        };
        return list
          .map(
            (t) =>
              `${t.kind} ${t.online ? "online" : "offline"} ${t.devices.map((d) => `${d.device}=${d.status}`).join(",")}`,
          )
          .sort();
      };
      await expect
        .poll(terminals, { timeout: 20_000 })
        .toEqual(["elder online pendant=ok,buttons=ok", "kiosk online idCardReader=ok,printer=ok"]);

      const browser = await launchChromium();
      try {
        const consolePage = await browser.newPage();
        await consolePage.goto(consoleUrl!);
        await consolePage.getByLabel(/用户名|Username/).waitFor({ timeout: 15_000 });

        const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
        await kiosk.goto(kioskUrl!);
        await expect
          .poll(() => kiosk.getByTestId("link-banner").innerText(), { timeout: 15_000 })
          .toContain("在线");

        const elder = await browser.newPage({ viewport: { width: 800, height: 480 } });
        await elder.goto(elderUrl!);
        await expect
          .poll(() => elder.locator("body").innerText(), { timeout: 15_000 })
          .toMatch(/在线[\s\S]*紧急呼叫/);

        // The demo operator presses the elder's pendant: an SOS from the seeded elder is open on the server.
        start.write("sos");
        await start.waitFor(/^done: press the elder's SOS pendant$/);
        await expect
          .poll(
            async () => {
              const response = await fetch(`http://127.0.0.1:${port}/api/v1/alarms?status=open`, {
                headers: { authorization: `Bearer ${token}` },
              });
              const { alarms } = (await response.json()) as {
                alarms: Array<{ source: string; elder: { name: string } | null }>;
              };
              return alarms.map((alarm) => `${alarm.source} ${alarm.elder?.name}`);
            },
            { timeout: 10_000 },
          )
          .toEqual(["pendant 王秀英"]);
        await expect
          .poll(() => elder.locator("body").innerText(), { timeout: 10_000 })
          .toMatch(/服务中心已收到您的呼叫/);
      } finally {
        await browser.close();
      }

      // Ctrl-C reaches the whole foreground process group: npm and the system it started.
      start.signal("SIGINT");
      await start.waitFor(/^Stopping/);
      await start.exited;
      await expect.poll(() => groupAlive(start.child.pid!), { timeout: 10_000 }).toBe(false);
    } finally {
      await start.kill();
    }
  }, 180_000);
});
