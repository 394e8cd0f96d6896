/**
 * The load side of the link benchmark, in its own process: many terminals linked to one server.
 * argv: server URL, credentials file (JSON [{terminalId, token}]).
 * stdin: `connect` | `roundtrip COUNT CONCURRENCY` | `quit`.
 * stdout: `linked N`, `linked-all N MS`, `roundtrip {json}`.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { PROTOCOL_VERSION } from "@linli/protocol";
import { io, type Socket } from "socket.io-client";

const [server, credentialsFile] = process.argv.slice(2);
const credentials = JSON.parse(readFileSync(credentialsFile!, "utf8")) as Array<{
  terminalId: string;
  token: string;
}>;
const sockets: Socket[] = [];
const print = (line: string) => process.stdout.write(`${line}\n`);

async function connectAll(): Promise<void> {
  const started = Date.now();
  const batch = 250;
  for (let i = 0; i < credentials.length; i += batch) {
    await Promise.all(
      credentials.slice(i, i + batch).map(
        ({ terminalId, token }) =>
          new Promise<void>((resolve, reject) => {
            const socket = io(`${server}/terminal`, {
              auth: { terminalId, token, protocol: PROTOCOL_VERSION },
              transports: ["websocket"],
              reconnectionDelay: 1000,
              reconnectionDelayMax: 10_000,
            });
            socket.once("connect", () => resolve());
            socket.once("connect_error", (error) => reject(error));
            sockets.push(socket);
          }),
      ),
    );
    print(`linked ${Math.min(i + batch, credentials.length)}`);
  }
  print(`linked-all ${sockets.length} ${Date.now() - started}`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Terminal emit → durable commit on the server → ack, from randomly chosen linked terminals. */
async function roundTrips(count: number, concurrency: number): Promise<void> {
  const times: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      const socket = sockets[Math.floor(Math.random() * sockets.length)]!;
      const started = performance.now();
      const ack = (await socket.timeout(10_000).emitWithAck("terminal:log", {
        id: randomUUID(),
        at: new Date().toISOString(),
        level: "info",
        code: "bench",
        message: "round trip",
      })) as { ok: boolean };
      if (!ack.ok) throw new Error("event refused");
      times.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  print(
    `roundtrip ${JSON.stringify({ count, concurrency, p50: round(percentile(times, 50)), p99: round(percentile(times, 99)), max: round(times.at(-1)!) })}`,
  );
}

createInterface({ input: process.stdin }).on("line", (line) => {
  const [command, a, b] = line.trim().split(/\s+/);
  const run =
    command === "connect"
      ? connectAll()
      : command === "roundtrip"
        ? roundTrips(Number(a), Number(b))
        : command === "quit"
          ? Promise.resolve(process.exit(0))
          : Promise.resolve(print(`unknown command ${command}`));
  run.catch((error: Error) => print(`error ${error.message}`));
});
print("ready");
