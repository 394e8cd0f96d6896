/** The README's quick start, as a newcomer runs it: `npm start`, then the three URLs it prints. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Ack } from "@linli/protocol";
import { io } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";
import type { SubmittedApplication } from "../kiosk/bridge/contract";
import { LineProcess } from "../test-support/child-process";
import { launchChromium } from "../test-support/chromium";
import { freePort } from "../test-support/free-port";

/** A bridge call as the kiosk's own page makes it: its origin, and the secret from its URL fragment. */
async function kioskCall<T>(kioskUrl: string, name: string, request: unknown): Promise<Ack<T>> {
  const url = new URL(kioskUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get("bridge");
  const socket = io(`${url.origin}/bridge`, {
    auth: { token },
    transports: ["websocket"],
    reconnection: false,
    extraHeaders: { origin: url.origin },
  });
  try {
    return await socket.timeout(10_000).emitWithAck("call", name, request);
  } finally {
    socket.disconnect();
  }
}

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
  it("brings up the server, the console, a kiosk and an elder unit, all linked; a card signs in, a receipt prints; Ctrl-C stops it cleanly", async () => {
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
          .poll(() => kiosk.getByTestId("link-banner").textContent(), { timeout: 15_000 })
          .toContain("在线");

        // The demo operator places an ID card: the kiosk greets a resident the server's registry knows.
        start.write("card");
        await start.waitFor(/^done: place 李晓梅's ID card/);
        await expect.poll(() => kiosk.locator("body").textContent(), { timeout: 10_000 }).toContain("李晓梅");
        // An application through the kiosk's bridge, as its screen makes it: the receipt comes out of the
        // simulated printer, decoded into a file the operator can read.
        const started = await kioskCall<{ receiptCode: string }>(kioskUrl!, "application:start", {
          serviceCode: "residence-permit",
        });
        const receiptCode = started.ok ? started.data.receiptCode : "";
        expect(receiptCode).not.toBe("");
        const submitted = await kioskCall<SubmittedApplication>(kioskUrl!, "application:submit", {
          receiptCode,
          answers: { renting: true },
          phone: null,
        });
        expect(submitted).toMatchObject({ ok: true, data: { receipt: { outcome: "printed" } } });
        const [, receiptFile] = await start.waitFor(
          new RegExp(`^printer: receipt ${receiptCode} printed → (\\S+)$`),
        );
        const receipt = readFileSync(receiptFile!, "utf8");
        expect(receipt).toContain("李*梅");
        const progressUrl = `http://127.0.0.1:${port}/r/${receiptCode}`;
        expect(submitted.ok && submitted.data.progressUrl).toBe(progressUrl);
        expect(receipt).toContain(`[QR] ${progressUrl}`);
        start.write("card-off");
        await start.waitFor(/^done: take the ID card away$/);

        const elder = await browser.newPage({ viewport: { width: 800, height: 480 } });
        await elder.goto(elderUrl!);
        await expect
          .poll(() => elder.locator("body").textContent(), { timeout: 15_000 })
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
          .poll(() => elder.locator("body").textContent(), { timeout: 10_000 })
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
