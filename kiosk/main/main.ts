import { join } from "node:path";
import { runTerminalShell } from "./terminal-shell";

/** Electron entry of the kiosk build (1080×1920 portrait touchscreen). */
void runTerminalShell({
  kind: "kiosk",
  uiDir: join(__dirname, "..", "ui"),
  preloadFile: join(__dirname, "..", "preload", "preload.cjs"),
  window: { width: 1080, height: 1920 },
});
