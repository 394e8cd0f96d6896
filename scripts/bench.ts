/**
 * `npm run bench`: benchmarks that print figures (targets are stated, not asserted).
 * Link load: N terminals (LINLI_BENCH_TERMINALS, default 10,000) linked to one control-server process,
 * with the load in a separate process; server memory per link, idle CPU, event-loop delay, and the
 * round trip of a durable event (emit → commit with synchronous=FULL → ack).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AuditLog } from "../control-server/server/src/audit";
import { StaffService } from "../control-server/server/src/auth/staff";
import { openDatabase } from "../control-server/server/src/db/database";
import { TerminalRegistry } from "../control-server/server/src/terminals/terminal-registry";
import { LineProcess } from "../test-support/child-process";
import { measureKioskUi } from "./bench/kiosk-ui";
import { startNoticeBroadcast } from "./bench/notice-broadcast";
import { measureSilentUnit, measureSos } from "./bench/sos";

const TERMINALS = Number(process.env.LINLI_BENCH_TERMINALS ?? 10_000);
const PORT = Number(process.env.LINLI_BENCH_PORT ?? 18_480);
const ADMIN_PASSWORD = "bench-admin-password";
const IDLE_SECONDS = 10;
const CLOCK_TICKS_PER_SECOND = 100;

const dir = mkdtempSync(join(tmpdir(), "linli-bench-"));
const children: LineProcess[] = [];

/** Nodes with many sockets need more file descriptors than the default soft limit. */
function nodeWithManyFiles(args: string[], env: NodeJS.ProcessEnv = {}): LineProcess {
  const command = `ulimit -n $(ulimit -Hn); exec ${process.execPath} --import tsx ${args.map((a) => `'${a}'`).join(" ")}`;
  const child = new LineProcess("bash", ["-c", command], { env });
  children.push(child);
  return child;
}

async function seed(): Promise<{ swarmFile: string; sosUnit: Credentials; silentUnit: Credentials }> {
  const db = openDatabase(join(dir, "server", "linli.db"));
  const audit = new AuditLog(db);
  await new StaffService(db, audit).ensureAdmin(ADMIN_PASSWORD);
  const registry = new TerminalRegistry(db, audit);
  const credentials = db.transaction(() =>
    Array.from({ length: TERMINALS }, (_, i) =>
      registry.create({ kind: i % 3 === 0 ? "kiosk" : "elder", communityId: "xiangbin", name: `bench-${i}` }),
    ),
  )();
  const sosUnit = registry.create({ kind: "elder", communityId: "xiangbin", name: "bench SOS unit" });
  const silentUnit = registry.create({ kind: "elder", communityId: "xiangbin", name: "bench silent unit" });
  db.close();
  const swarmFile = join(dir, "credentials.json");
  writeFileSync(swarmFile, JSON.stringify(credentials));
  return { swarmFile, sosUnit, silentUnit };
}

type Credentials = { terminalId: string; token: string };

function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

async function main(): Promise<void> {
  process.stdout.write(`Linli benchmarks — ${TERMINALS} terminals, server and load in separate processes\n`);
  const { swarmFile: credentialsFile, sosUnit, silentUnit } = await seed();
  const server = nodeWithManyFiles(["control-server/server/src/main.ts"], {
    LINLI_PORT: String(PORT),
    LINLI_HOST: "127.0.0.1",
    LINLI_DATA_DIR: join(dir, "server"),
    LINLI_LOG_LEVEL: "warn",
  });
  await server.waitFor(/listening on/);
  const base = `http://127.0.0.1:${PORT}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: ADMIN_PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  const metrics = async (reset = false) =>
    (await (
      await fetch(`${base}/api/v1/metrics?reset=${reset}`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as {
      rssBytes: number;
      heapUsedBytes: number;
      eventLoopDelayMs: { p50: number; p99: number; max: number };
      terminalsOnline: number;
    };

  const before = await metrics(true);
  const swarm = nodeWithManyFiles(["scripts/bench/terminal-swarm.ts", base, credentialsFile]);
  await swarm.waitFor(/^ready$/);
  swarm.write("connect");
  const [, linked, linkMs] = await swarm.next(/^(?:linked-all (\d+) (\d+)|error (.*))$/, 600_000);
  if (!linked) throw new Error(`linking failed: ${swarm.lines.at(-1)}`);
  const linkingLoopDelay = await metrics(true);
  process.stdout.write(
    `linked ${linked} terminals in ${(Number(linkMs) / 1000).toFixed(1)} s (event-loop delay p99 while linking ${linkingLoopDelay.eventLoopDelayMs.p99} ms)\n`,
  );

  await new Promise((resolve) => setTimeout(resolve, 5000));
  await metrics(true);
  const serverPid = server.child.pid!;
  const ticksBefore = cpuTicks(serverPid);
  await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
  const idleCpu = ((cpuTicks(serverPid) - ticksBefore) / CLOCK_TICKS_PER_SECOND / IDLE_SECONDS) * 100;
  const idle = await metrics(true);
  const perLinkKiB = (idle.rssBytes - before.rssBytes) / Number(linked) / 1024;
  const heapPerLinkKiB = (idle.heapUsedBytes - before.heapUsedBytes) / Number(linked) / 1024;

  swarm.write("roundtrip 2000 1");
  const sequential = JSON.parse((await swarm.next(/^roundtrip (.*)$/, 300_000))[1]!) as Record<
    string,
    number
  >;
  swarm.write("roundtrip 5000 50");
  const concurrent = JSON.parse((await swarm.next(/^roundtrip (.*)$/, 300_000))[1]!) as Record<
    string,
    number
  >;
  const underLoad = await metrics(true);
  const broadcast = startNoticeBroadcast(base, token);
  const sos = await measureSos({ base, token, unit: sosUnit, dir, samples: 60 });
  const broadcasts = await broadcast.stop();
  const silentSeconds = await measureSilentUnit({ base, token, unit: silentUnit, dir });

  const rows: Array<[string, string, string]> = [
    ["terminals linked (server view)", String(idle.terminalsOnline), `${TERMINALS}`],
    ["server RSS", `${(idle.rssBytes / 2 ** 20).toFixed(0)} MiB`, ""],
    [
      "server memory per link (RSS / heap)",
      `${perLinkKiB.toFixed(1)} / ${heapPerLinkKiB.toFixed(1)} KiB`,
      "",
    ],
    ["server CPU when idle (all links up)", `${idleCpu.toFixed(1)} % of one core`, ""],
    ["event-loop delay p99, idle", `${idle.eventLoopDelayMs.p99} ms`, ""],
    ["round trip p50 / p99, one at a time", `${sequential.p50} / ${sequential.p99} ms`, "p99 < 50 ms"],
    ["round trip p50 / p99, 50 in flight", `${concurrent.p50} / ${concurrent.p99} ms`, "p99 < 50 ms"],
    ["event-loop delay p99 during round trips", `${underLoad.eventLoopDelayMs.p99} ms`, ""],
    [
      `SOS pendant press → console, p50 / p99 (60 presses, while ${broadcasts} notices went to every terminal)`,
      `${sos.p50} / ${sos.p99} ms`,
      "p99 < 250 ms",
    ],
    ["time to flag a silent elder unit", `${silentSeconds.toFixed(1)} s`, "≤ 20 s"],
  ];
  rows.push(...(await measureKioskUi({ base, token, dir })));
  process.stdout.write("\n| figure | measured | target |\n|---|---|---|\n");
  for (const [name, value, target] of rows) process.stdout.write(`| ${name} | ${value} | ${target} |\n`);
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const child of children) await child.kill();
    rmSync(dir, { recursive: true, force: true });
  });
