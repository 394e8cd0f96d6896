import { type Browser, chromium } from "playwright-core";

/**
 * Debian's Chromium, started the way this machine and CI need it (root, no GPU, no background traffic);
 * `extraArgs` for what a suite needs besides, such as a fake camera.
 */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.LINLI_CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      ...extraArgs,
    ],
  });
}
