import { join } from "node:path";
import { runTerminalShell } from "@linli/kiosk/shell";

/** Electron entry of the slim elder build (small landscape screen, physical buttons, speaker). */
void runTerminalShell({
  kind: "elder",
  uiDir: join(__dirname, "..", "ui"),
  preloadFile: join(__dirname, "..", "preload", "preload.cjs"),
  window: { width: 800, height: 480 },
});
