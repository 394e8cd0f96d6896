/**
 * Kiosk UI figures for `npm run bench`: the UI bundle's size once gzipped (what a kiosk loads at every
 * start), and a cold start in browser mode — from launching the terminal runtime to the attract screen
 * answering a touch in Chromium, online — with Chromium itself already running.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import pino from "pino";
import { chromium } from "playwright-core";
import { build } from "vite";
import { launchTerminal, UI_DIRS } from "../../kiosk/runtime/launch";
import { terminalConfigSchema } from "../../kiosk/runtime/terminal-config";
import { percentiles } from "./sos";

const REPO = fileURLToPath(new URL("../../", import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Builds the kiosk UI as shipped and sums every file's gzip size. */
async function bundleGzipBytes(outDir: string): Promise<number> {
  await build({
    configFile: join(REPO, "kiosk/vite.config.ts"),
    logLevel: "error",
    build: { outDir, emptyOutDir: true },
  });
  return filesUnder(outDir).reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
}

export async function measureKioskUi(options: {
  base: string;
  token: string;
  dir: string;
  samples?: number;
}): Promise<Array<[string, string, string]>> {
  const uiDir = mkdtempSync(join(options.dir, "kiosk-ui-"));
  const gzipBytes = await bundleGzipBytes(uiDir);
  UI_DIRS.kiosk = uiDir;
  const browser = await chromium.launch({
    executablePath: process.env.LINLI_CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  const startMs: number[] = [];
  try {
    for (let sample = 0; sample < (options.samples ?? 5); sample++) {
      const enrolment = await fetch(`${options.base}/api/v1/terminals/enrollment-codes`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${options.token}` },
        body: JSON.stringify({ kind: "kiosk", communityId: "xiangbin", name: `bench kiosk ${sample}` }),
      });
      const { code } = (await enrolment.json()) as { code: string };
      const dataDir = mkdtempSync(join(options.dir, "kiosk-"));
      const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
      const page = await context.newPage();
      const started = performance.now();
      const terminal = await launchTerminal({
        kind: "kiosk",
        config: terminalConfigSchema.parse({
          server: options.base,
          enrollmentCode: code,
          dataDir,
          ui: { port: 0 },
        }),
        log: pino({ level: "silent" }),
      });
      await page.goto(terminal.bridge.url);
      // Interactive: the attract screen is drawn with the centre's content and the link is up.
      await page.getByRole("heading", { name: "请放置身份证" }).waitFor({ timeout: 30_000 });
      await page.getByTestId("link-banner").getByText("在线").waitFor({ timeout: 30_000 });
      await page.getByRole("button", { name: "办事指南" }).tap();
      await page.getByRole("heading", { name: "办事指南", level: 1 }).waitFor();
      startMs.push(performance.now() - started);
      await context.close();
      await terminal.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  } finally {
    await browser.close();
    rmSync(uiDir, { recursive: true, force: true });
  }
  const start = percentiles(startMs);
  return [
    ["kiosk UI bundle, gzip (HTML, JS, CSS)", `${(gzipBytes / 1024).toFixed(0)} KB`, "< 400 KB"],
    [
      `kiosk cold start → interactive, browser mode, p50 / max (${startMs.length} starts)`,
      `${(start.p50 / 1000).toFixed(2)} / ${(start.max / 1000).toFixed(2)} s`,
      "< 2 s",
    ],
  ];
}
