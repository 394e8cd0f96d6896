/**
 * `npm start`: the whole system on one machine — the control server with demo data, simulated devices,
 * and one kiosk and one elder unit in browser mode, all linked. Ctrl-C stops everything.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TerminalKind } from "@linli/protocol";
import pino from "pino";
import { randomPassword } from "../control-server/server/src/auth/secrets";
import { createControlServer, loadConfig } from "../control-server/server/src/index";
import { type LaunchedTerminal, launchTerminal, UI_DIRS } from "../kiosk/runtime/launch";
import { loadTerminalConfig } from "../kiosk/runtime/terminal-config";
import { startDemoDevices } from "./demo-devices";

const CONSOLE_DIST = "control-server/console/dist";

function ensureBuilt(): void {
  if ([CONSOLE_DIST, UI_DIRS.kiosk, UI_DIRS.elder].every((dir) => existsSync(join(dir, "index.html"))))
    return;
  process.stdout.write("Building the console and terminal UIs (first start only)…\n");
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("the UI build failed");
}

/** The demo admin password: from LINLI_ADMIN_PASSWORD, or generated once and kept (0600) in the data dir. */
function demoAdminPassword(dataDir: string): string {
  if (process.env.LINLI_ADMIN_PASSWORD) return process.env.LINLI_ADMIN_PASSWORD;
  const file = join(dataDir, "demo-admin-password");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const password = randomPassword();
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}

async function main(): Promise<void> {
  ensureBuilt();
  const config = loadConfig();
  const adminPassword = demoAdminPassword(config.dataDir);
  const log = pino(
    { level: config.logLevel === "info" ? "warn" : config.logLevel, name: "linli" },
    pino.destination(2),
  );
  const server = await createControlServer({ ...config, adminPassword, logger: log });
  const { url } = await server.listen();
  const admin = server.context.staff.findByUsername(server.adminUsername)!;
  const adminCredentials = (await server.context.staff.passwordMatches(admin.username, adminPassword))
    ? `sign in as ${admin.username} / ${adminPassword}`
    : `sign in as ${admin.username} with the password you set`;

  const devices = await startDemoDevices();
  const demoTerminals: Array<{ kind: TerminalKind; name: string; communityId: string }> = [
    { kind: "kiosk", name: "湘滨社区服务中心 1号机", communityId: "xiangbin" },
    { kind: "elder", name: "湘滨 演示长者终端", communityId: "xiangbin" },
  ];
  const terminals: LaunchedTerminal[] = [];
  for (const demo of demoTerminals) {
    const dir = join(config.dataDir, "terminals", demo.kind);
    const file = join(dir, "terminal.json");
    // Rewritten at every start: the simulators' ports and ptys are new each time.
    const terminalConfig: Record<string, unknown> = {
      server: url,
      dataDir: ".",
      devices: devices[demo.kind],
    };
    if (!existsSync(join(dir, "credentials.json"))) {
      terminalConfig.enrollmentCode = server.context.enrollment.createCode(demo, admin, "127.0.0.1").code;
    }
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify(terminalConfig, null, 2));
    terminals.push(
      await launchTerminal({
        kind: demo.kind,
        config: loadTerminalConfig(file),
        log: log.child({ terminal: demo.kind }),
      }),
    );
  }

  process.stdout.write(
    [
      "",
      "Linli 邻里 is running.",
      `Console:  ${url}/console/   (${adminCredentials})`,
      `Kiosk:    ${terminals[0]!.bridge.url}`,
      `Elder:    ${terminals[1]!.bridge.url}`,
      `API docs: ${url}/api/docs`,
      "Simulated devices:",
      ...devices.description.map((line) => `  ${line}`),
      "Press Ctrl-C to stop.",
      "",
    ].join("\n"),
  );

  const stop = async () => {
    process.stdout.write("Stopping…\n");
    for (const terminal of terminals) await terminal.stop();
    await devices.stop();
    await server.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
