import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TerminalKind } from "@linli/protocol";

const WINDOW_SIZES: Record<TerminalKind, string> = { kiosk: "1080,1920", elder: "800,480" };

/** `--open`: shows the UI in a Chromium app window (Debian's chromium), as the Electron window would. */
export function openChromiumWindow(url: string, kind: TerminalKind): ChildProcess {
  const args = [
    `--app=${url}`,
    `--window-size=${WINDOW_SIZES[kind]}`,
    `--user-data-dir=${mkdtempSync(join(tmpdir(), "linli-window-"))}`,
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-pinch",
    "--overscroll-history-navigation=0",
    "--autoplay-policy=no-user-gesture-required",
  ];
  if (process.getuid?.() === 0) args.push("--no-sandbox", "--disable-gpu");
  const chromium = spawn(process.env.LINLI_CHROMIUM ?? "/usr/bin/chromium", args, { stdio: "ignore" });
  chromium.on("error", (error) => process.stderr.write(`cannot open a Chromium window: ${error.message}\n`));
  return chromium;
}
