import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A pseudo-terminal pair made by socat: whatever is written to one end comes out of the other, like
 * a null-modem cable. Simulators open `devicePath` (the device side) and print `hostPath`, the path a
 * driver opens as if it were /dev/ttyUSB0. Killing socat removes both ends: an unplug.
 */
export interface PtyPair {
  /** The end the simulated device uses. */
  readonly devicePath: string;
  /** The end a driver opens. */
  readonly hostPath: string;
  /** Recreates the pair under the same paths after `unplug()`: a replug. */
  replug(): Promise<void>;
  /** Kills socat, which removes both pty links; the driver side sees its port fail. */
  unplug(): Promise<void>;
  /** Kills socat and removes the temporary directory. */
  close(): Promise<void>;
}

export interface PtyPairOptions {
  /** Directory for the two links; a fresh temporary directory by default (removed by `close()`). */
  directory?: string;
  /** Link names, default "device" and "host". */
  deviceName?: string;
  hostName?: string;
}

export async function createPtyPair(options: PtyPairOptions = {}): Promise<PtyPair> {
  const ownsDirectory = options.directory === undefined;
  const directory = options.directory ?? (await mkdtemp(join(tmpdir(), "linli-pty-")));
  const devicePath = join(directory, options.deviceName ?? "device");
  const hostPath = join(directory, options.hostName ?? "host");
  let socat: ChildProcess | undefined;

  async function plug(): Promise<void> {
    // socat runs under a small shell that kills it when our end of its stdin closes, which also
    // happens when this process dies without cleaning up: no orphaned socat keeps the ptys alive.
    // (Background jobs of sh get /dev/null as stdin, hence the copy of stdin on fd 3.)
    const child = spawn(
      "sh",
      [
        "-c",
        'exec 3<&0; socat "$1" "$2" & pid=$!; { read -r _ <&3; kill "$pid" 2>/dev/null; } & wait "$pid"',
        "socat-pty-pair",
        `pty,raw,echo=0,link=${devicePath}`,
        `pty,raw,echo=0,link=${hostPath}`,
      ],
      { stdio: ["pipe", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const spawnFailure = new Promise<never>((_, reject) => {
      child.once("error", reject);
      child.once("exit", (code) => reject(new Error(`socat exited with ${code}: ${stderr.trim()}`)));
    });
    socat = child;
    const deadline = Date.now() + 5000;
    while (!(existsSync(devicePath) && existsSync(hostPath))) {
      if (Date.now() > deadline) {
        await unplug();
        throw new Error(`socat did not create ${devicePath} and ${hostPath} in time`);
      }
      await Promise.race([new Promise((resolve) => setTimeout(resolve, 10)), spawnFailure]);
    }
    spawnFailure.catch(() => {});
  }

  async function unplug(): Promise<void> {
    const child = socat;
    socat = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, "exit");
    child.stdin?.end();
    await exited;
  }

  await plug();
  return {
    devicePath,
    hostPath,
    async replug() {
      await unplug();
      await plug();
    },
    unplug,
    async close() {
      await unplug();
      if (ownsDirectory) await rm(directory, { recursive: true, force: true });
    },
  };
}
