/**
 * `npm start`: the whole system on one machine — the control server with demo data, simulated devices,
 * and one kiosk and one elder unit in browser mode, all linked. Ctrl-C stops everything.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { TerminalKind } from "@linli/protocol";
import pino from "pino";
import { randomPassword } from "../control-server/server/src/auth/secrets";
import type { StaffPrincipal } from "../control-server/server/src/auth/staff";
import { type ControlServer, createControlServer, loadConfig } from "../control-server/server/src/index";
import { type LaunchedTerminal, launchTerminal, UI_DIRS } from "../kiosk/runtime/launch";
import { loadTerminalConfig } from "../kiosk/runtime/terminal-config";
import { startDemoDevices } from "./demo-devices";
import { startDemoSmsGateway } from "./demo-sms-gateway";

const CONSOLE_DIST = "control-server/console/dist";
/** The resident phone pages: where a receipt's QR code leads. */
const RESIDENT_DIST = "control-server/resident/dist";

function ensureBuilt(): void {
  const dists = [CONSOLE_DIST, RESIDENT_DIST, UI_DIRS.kiosk, UI_DIRS.elder];
  if (dists.every((dir) => existsSync(join(dir, "index.html")))) return;
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
  // Without a real SMS provider (none is reachable from this machine), texts print here instead.
  const demoSms = config.smsGateway
    ? null
    : await startDemoSmsGateway((line) => process.stdout.write(`${line}\n`));
  const server = await createControlServer({
    ...config,
    adminPassword,
    logger: log,
    smsGateway: config.smsGateway ?? { url: demoSms!.url, token: undefined },
  });
  const { url } = await server.listen();
  const admin = server.context.staff.findByUsername(server.adminUsername)!;
  const adminCredentials = (await server.context.staff.passwordMatches(admin.username, adminPassword))
    ? `sign in as ${admin.username} / ${adminPassword}`
    : `sign in as ${admin.username} with the password you set`;

  const devices = await startDemoDevices({
    receiptsDir: join(config.dataDir, "printed-receipts"),
    report: (line) => process.stdout.write(`${line}\n`),
  });
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

  seedDemoData(server, admin, terminals[1]!.runtime.snapshot().terminalId);

  process.stdout.write(
    [
      "",
      "Linli 邻里 is running.",
      `Console:  ${url}/console/   (${adminCredentials})`,
      `Kiosk:    ${terminals[0]!.bridge.url}`,
      `Elder:    ${terminals[1]!.bridge.url}`,
      `Phone:    ${url}/r/apply   (apply from a phone${demoSms ? "; the text-message codes print here" : ""})`,
      `API docs: ${url}/api/docs`,
      "Simulated devices:",
      ...devices.description.map((line) => `  ${line}`),
      "Elder unit keys (in its window): F1 SOS · F2 I'm fine · F3 ask for meals · F4 call the centre · Esc cancel",
      `Type here to act on the devices: ${Object.entries(devices.actions)
        .map(([word, action]) => `${word} (${action.help})`)
        .join(", ")}`,
      "Press Ctrl-C to stop.",
      "",
    ].join("\n"),
  );

  const stop = async () => {
    process.stdout.write("Stopping…\n");
    for (const terminal of terminals) await terminal.stop();
    await devices.stop();
    await server.close();
    await demoSms?.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
  createInterface({ input: process.stdin }).on("line", (line) => {
    const action = devices.actions[line.trim()];
    if (!action) return;
    void Promise.resolve(action.run()).then(() => process.stdout.write(`done: ${action.help}\n`));
  });
}

/**
 * First start only: the demo elder's profile on the demo unit (so an SOS shows who and where) and a meals
 * provider (so a service request can be dispatched).
 */
function seedDemoData(server: ControlServer, admin: StaffPrincipal, elderUnitId: string | null): void {
  const { elders, providers } = server.context;
  if (elderUnitId && !elders.byTerminal(elderUnitId)) {
    elders.create(
      {
        communityId: "xiangbin",
        name: "王秀英",
        address: "湘滨社区 3 栋 2 单元 101",
        livingSituation: "独居，女儿在外地工作",
        conditions: ["高血压", "糖尿病"],
        medicationNotes: "每日早晚服降压药",
        keyHolder: { name: "李桂兰", relation: "邻居", phone: "13907320001" },
        emergencyContacts: [{ name: "王丽", relation: "女儿", phone: "13807320002" }],
        terminalId: elderUnitId,
      },
      admin,
      "127.0.0.1",
    );
  }
  if (providers.list().length === 0) {
    providers.save(
      null,
      {
        name: "湘滨长者食堂",
        kind: "organisation",
        phone: "0731-58880003",
        serviceCodes: ["meals"],
        communityIds: ["xiangbin"],
        active: true,
      },
      admin,
      "127.0.0.1",
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
