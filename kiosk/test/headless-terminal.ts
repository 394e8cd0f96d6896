/**
 * A terminal runtime without a UI, driven over stdin, for tests and benchmarks that need a real
 * terminal in its own process (so that it can be SIGKILLed or frozen).
 *   stdin:  `log N` commits N terminal:log events; `stats` prints the outbox; `quit` stops.
 *   stdout: `ready`, `committed <id>`, `delivered <id>`, `state <link-state>`, `stats <json>`.
 * argv: config file.
 */
import { createInterface } from "node:readline";
import pino from "pino";
import { DeviceHost } from "../runtime/device-host";
import { loadTerminalConfig } from "../runtime/terminal-config";
import { TerminalRuntime } from "../runtime/terminal-runtime";

const config = loadTerminalConfig(process.argv[2] ?? "");
const log = pino({ level: process.env.LINLI_LOG_LEVEL ?? "silent" }, pino.destination(2));
const runtime = new TerminalRuntime({
  config,
  kind: "kiosk",
  version: "0.0.0-test",
  log,
  devices: new DeviceHost({}, {}, log),
  link: { ackTimeoutMs: 2000, backoff: { initialMs: 100, maxMs: 1000, jitter: 0.5 } },
  enrollRetryMs: 500,
});
const print = (line: string) => process.stdout.write(`${line}\n`);
runtime.on("outbox:delivered", ({ id }) => print(`delivered ${id}`));
runtime.on("state", (snapshot) => print(`state ${snapshot.link.state}`));

createInterface({ input: process.stdin }).on("line", (line) => {
  const [command, arg] = line.trim().split(/\s+/);
  if (command === "log") {
    for (let i = 0; i < Number(arg ?? 1); i++) {
      const sent = runtime.send({
        event: "terminal:log",
        payload: { at: new Date().toISOString(), level: "info", code: "test", message: `event ${i}` },
      });
      print(sent.ok ? `committed ${sent.data.id}` : `refused ${sent.error.message}`);
    }
  } else if (command === "stats") {
    print(`stats ${JSON.stringify(runtime.snapshot().outbox)}`);
  } else if (command === "quit") {
    void runtime.stop().then(() => process.exit(0));
  }
});

await runtime.start();
print("ready");
