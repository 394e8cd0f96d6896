import { parseArgs } from "node:util";
import { terminalKindSchema } from "@linli/protocol";
import pino from "pino";
import { openChromiumWindow } from "./chromium-window";
import { launchTerminal } from "./launch";
import { loadTerminalConfig } from "./terminal-config";

const USAGE = `usage: npm run kiosk -- --config FILE [--open]
       npm run elder -- --config FILE [--open]
  --config FILE  terminal config (JSON: server, enrollmentCode, dataDir, devices); or LINLI_TERMINAL_CONFIG
  --open         show the UI in a Chromium app window`;

/** Browser mode of a terminal: the runtime, its UI on loopback, optionally a Chromium window. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      kind: { type: "string" },
      config: { type: "string" },
      open: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  const configFile = values.config ?? process.env.LINLI_TERMINAL_CONFIG;
  const kind = terminalKindSchema.safeParse(values.kind);
  if (values.help || !configFile || !kind.success) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(values.help ? 0 : 2);
  }
  const config = loadTerminalConfig(configFile);
  const log = pino(
    { level: process.env.LINLI_LOG_LEVEL ?? "info", name: `linli-${kind.data}` },
    pino.destination(2),
  );
  const terminal = await launchTerminal({ kind: kind.data, config, log });
  process.stdout.write(`UI: ${terminal.bridge.url}\n`);
  const window = values.open ? openChromiumWindow(terminal.bridge.url, kind.data) : null;
  const stop = async () => {
    window?.kill();
    await terminal.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
