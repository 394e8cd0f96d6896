import { join } from "node:path";
import type { TerminalKind } from "@linli/protocol";
import { app, BrowserWindow, ipcMain, session } from "electron";
import pino from "pino";
import {
  BRIDGE_CALL_CHANNEL,
  BRIDGE_EVENT_CHANNEL,
  BRIDGE_EVENT_NAMES,
  type BridgeCallName,
} from "../bridge/contract";
import { deviceFactories } from "../runtime/device-factories";
import { DeviceHost } from "../runtime/device-host";
import { loadTerminalConfig } from "../runtime/terminal-config";
import { TerminalRuntime } from "../runtime/terminal-runtime";

export interface ShellOptions {
  kind: TerminalKind;
  /** Directory of the built UI (index.html) and of the preload script, inside the packaged app. */
  uiDir: string;
  preloadFile: string;
  window: { width: number; height: number };
}

/**
 * The thin Electron main of both builds: a locked-down kiosk window over the same terminal runtime that
 * browser mode uses. No business logic lives here.
 */
export async function runTerminalShell(options: ShellOptions): Promise<void> {
  if (!app.requestSingleInstanceLock()) return app.quit();
  const uiIndex = join(options.uiDir, "index.html");
  const uiUrl = new URL(`file://${uiIndex}`).href;

  // Nothing may navigate away from the UI or open another window, whatever the page does.
  app.on("web-contents-created", (_event, contents) => {
    contents.on("will-navigate", (event, url) => {
      if (url !== uiUrl) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: "deny" }));
    contents.on("will-attach-webview", (event) => event.preventDefault());
  });

  await app.whenReady();
  // The kiosk photographs materials (camera only); the elder unit talks to the centre (microphone only).
  const allowedMedia = options.kind === "kiosk" ? "video" : "audio";
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const wanted = "mediaTypes" in details ? (details.mediaTypes ?? []) : [];
    callback(permission === "media" && wanted.length > 0 && wanted.every((type) => type === allowedMedia));
  });

  const configFile = process.env.LINLI_TERMINAL_CONFIG ?? join(app.getPath("userData"), "terminal.json");
  const config = loadTerminalConfig(configFile);
  const log = pino({ level: process.env.LINLI_LOG_LEVEL ?? "info", name: `linli-${options.kind}` });
  const runtime = new TerminalRuntime({
    config,
    kind: options.kind,
    version: app.getVersion(),
    log,
    devices: new DeviceHost(config.devices, deviceFactories, log.child({ subsystem: "devices" })),
  });

  const window = new BrowserWindow({
    width: options.window.width,
    height: options.window.height,
    kiosk: true,
    autoHideMenuBar: true,
    backgroundColor: "#ffffff",
    webPreferences: {
      preload: options.preloadFile,
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      devTools: false,
      spellcheck: false,
    },
  });
  window.webContents.setVisualZoomLevelLimits(1, 1);
  window.webContents.on("before-input-event", (event, input) => {
    // No reload, devtools, zoom or print shortcuts from an attached keyboard.
    if (input.control || input.meta || input.alt || /^F\d+$/.test(input.key)) event.preventDefault();
  });
  // Watchdog: a crashed or hung renderer is replaced, the resident never sees a dead screen.
  window.webContents.on("render-process-gone", () => void window.loadFile(uiIndex));
  window.on("unresponsive", () => window.webContents.forcefullyCrashRenderer());

  ipcMain.handle(BRIDGE_CALL_CHANNEL, (event, name: unknown, request: unknown) => {
    if (event.senderFrame?.url.split("#")[0] !== uiUrl) {
      return { ok: false, error: { code: "forbidden", message: "not the terminal UI" } };
    }
    return runtime.call(String(name) as BridgeCallName, request);
  });
  for (const name of BRIDGE_EVENT_NAMES) {
    runtime.on(name, (payload: unknown) => {
      if (!window.isDestroyed()) window.webContents.send(BRIDGE_EVENT_CHANNEL, name, payload);
    });
  }
  runtime.on("reload", () => window.webContents.reload());

  await runtime.start();
  await window.loadFile(uiIndex);
  app.on("window-all-closed", () => void runtime.stop().then(() => app.quit()));
}
