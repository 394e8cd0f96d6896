import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("../", import.meta.url));

/** The password of the server's first administrator in tests that start a server process. */
export const ADMIN_PASSWORD = "admin-password-1";

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
  /** Freezes the process (SIGSTOP): connections stay up but nothing is answered, like a stalled server. */
  pause(): void;
  resume(): void;
}

/**
 * The real control server in its own process, so that "the server went away" is a real process exit.
 * `port` 0 takes a free one; a restart passes the port of the server it replaces.
 */
export async function startServerProcess(
  dataDir: string,
  options: { port?: number; env?: Record<string, string> } = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "control-server/server/src/main.ts"], {
    cwd: REPO,
    env: {
      ...process.env,
      LINLI_PORT: String(options.port ?? 0),
      LINLI_HOST: "127.0.0.1",
      LINLI_DATA_DIR: dataDir,
      LINLI_ADMIN_PASSWORD: ADMIN_PASSWORD,
      LINLI_LOG_LEVEL: "silent",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/listening on (http:\/\/\S+)/);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`the control server exited with ${code}: ${output}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      // A paused server must run again to hear the SIGTERM.
      child.kill("SIGCONT");
      child.kill("SIGTERM");
      await exited;
    },
    pause: () => child.kill("SIGSTOP"),
    resume: () => child.kill("SIGCONT"),
  };
}
