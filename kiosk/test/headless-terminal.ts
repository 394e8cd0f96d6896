/**
 * Terminal runtimes without a UI, driven over stdin, for tests that need real terminals in their own
 * process (so that it can be SIGKILLed or frozen). One runtime per config file given as argument.
 *   stdin:  `log N` commits N terminal:log events per terminal; `sos N` raises N SOS per terminal;
 *           `stats` prints the outboxes; `quit` stops.
 *   stdout: `ready`, `committed <id>`, `delivered <id>`, `state <link-state>` (first terminal only),
 *           `stats {"pending": n, "online": n}`.
 */
import { createInterface } from "node:readline";
import pino from "pino";
import { DeviceHost } from "../runtime/device-host";
import { loadTerminalConfig } from "../runtime/terminal-config";
import { TerminalRuntime } from "../runtime/terminal-runtime";

const log = pino({ level: process.env.LINLI_LOG_LEVEL ?? "silent" }, pino.destination(2));
const runtimes = process.argv.slice(2).map(
  (file) =>
    new TerminalRuntime({
      config: loadTerminalConfig(file),
      kind: "kiosk",
      version: "0.0.0-test",
      log,
      devices: new DeviceHost({}, {}, log),
      link: { ackTimeoutMs: 2000, backoff: { initialMs: 100, maxMs: 1000, jitter: 0.5 } },
      enrollRetryMs: 500,
    }),
);
const print = (line: string) => process.stdout.write(`${line}\n`);
for (const runtime of runtimes) runtime.on("outbox:delivered", ({ id }) => print(`delivered ${id}`));
runtimes[0]?.on("state", (snapshot) => print(`state ${snapshot.link.state}`));

function commit(
  sent: { ok: true; data: { id?: string; raiseId?: string } } | { ok: false; error: { message: string } },
) {
  print(sent.ok ? `committed ${sent.data.id ?? sent.data.raiseId}` : `refused ${sent.error.message}`);
}

createInterface({ input: process.stdin }).on("line", (line) => {
  const [command, arg] = line.trim().split(/\s+/);
  const count = Number(arg ?? 1);
  if (command === "log") {
    for (const runtime of runtimes) {
      for (let i = 0; i < count; i++) {
        commit(
          runtime.send({
            event: "terminal:log",
            payload: { at: new Date().toISOString(), level: "info", code: "test", message: `event ${i}` },
          }),
        );
      }
    }
  } else if (command === "sos") {
    for (let i = 0; i < count; i++) for (const runtime of runtimes) commit(runtime.raiseAlarm("button"));
  } else if (command === "stats") {
    const snapshots = runtimes.map((runtime) => runtime.snapshot());
    const pending = snapshots.reduce((sum, s) => sum + s.outbox.pending, 0);
    const online = snapshots.filter((s) => s.link.state === "online").length;
    print(`stats ${JSON.stringify({ pending, online })}`);
  } else if (command === "quit") {
    void Promise.all(runtimes.map((runtime) => runtime.stop())).then(() => process.exit(0));
  }
});

await Promise.all(runtimes.map((runtime) => runtime.start()));
print("ready");
