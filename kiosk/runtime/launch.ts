import { fileURLToPath } from "node:url";
import type { TerminalKind } from "@linli/protocol";
import type { Logger } from "pino";
import { type BrowserBridgeServer, startBrowserBridge } from "./browser-bridge-server";
import { deviceFactories } from "./device-factories";
import { DeviceHost } from "./device-host";
import type { TerminalConfig } from "./terminal-config";
import { TerminalRuntime, type TerminalRuntimeOptions } from "./terminal-runtime";
import { TERMINAL_VERSION } from "./version";

/** Where `npm run build` puts each build's UI. */
export const UI_DIRS: Record<TerminalKind, string> = {
  kiosk: fileURLToPath(new URL("../dist/ui", import.meta.url)),
  elder: fileURLToPath(new URL("../../elder-terminal/dist/ui", import.meta.url)),
};

export interface LaunchedTerminal {
  runtime: TerminalRuntime;
  bridge: BrowserBridgeServer;
  stop(): Promise<void>;
}

/** Browser mode: the runtime with its devices, and its UI served on loopback. */
export async function launchTerminal(options: {
  kind: TerminalKind;
  config: TerminalConfig;
  log: Logger;
  link?: TerminalRuntimeOptions["link"];
}): Promise<LaunchedTerminal> {
  const devices = new DeviceHost(
    options.config.devices,
    deviceFactories,
    options.log.child({ subsystem: "devices" }),
    { dataDir: options.config.dataDir },
  );
  const runtime = new TerminalRuntime({
    config: options.config,
    kind: options.kind,
    version: TERMINAL_VERSION,
    log: options.log,
    devices,
    ...(options.link ? { link: options.link } : {}),
  });
  const bridge = await startBrowserBridge({
    runtime,
    uiDir: UI_DIRS[options.kind],
    port: options.config.ui.port,
    log: options.log.child({ subsystem: "bridge" }),
  });
  await runtime.start();
  return {
    runtime,
    bridge,
    async stop() {
      await bridge.close();
      await runtime.stop();
    },
  };
}
