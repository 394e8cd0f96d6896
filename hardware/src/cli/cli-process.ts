import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The repository root, where `npx tsx hardware/src/cli/...` is run from. */
export const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * A front end (`sim.ts`, `device-check.ts`) running as a real child process through `npx tsx`, in
 * its own process group so that {@link CliProcess.interrupt} behaves like Ctrl-C in a terminal.
 * For tests and scripts that drive the CLIs the way a person does.
 */
export class CliProcess {
  readonly child: ChildProcessWithoutNullStreams;
  stdout = "";
  stderr = "";
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(script: "sim" | "device-check", args: string[]) {
    this.child = spawn("npx", ["tsx", `hardware/src/cli/${script}.ts`, ...args], {
      cwd: repositoryRoot,
      detached: true,
      env: { ...process.env, FORCE_COLOR: "0" },
    });
    this.child.stdout.setEncoding("utf8").on("data", (text: string) => {
      this.stdout += text;
    });
    this.child.stderr.setEncoding("utf8").on("data", (text: string) => {
      this.stderr += text;
    });
    this.exited = new Promise((resolve) =>
      this.child.once("exit", (code, signal) => resolve({ code, signal })),
    );
  }

  /** Resolves with the first match of `pattern` in stdout, waiting for it up to `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs = 20_000): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const look = () => {
        const match = this.stdout.match(pattern);
        if (!match) return false;
        cleanup();
        resolve(match);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(`no ${pattern} within ${timeoutMs} ms; stdout:\n${this.stdout}\nstderr:\n${this.stderr}`),
        );
      }, timeoutMs);
      const onExit = () => {
        if (look()) return;
        cleanup();
        reject(new Error(`exited before ${pattern}; stdout:\n${this.stdout}\nstderr:\n${this.stderr}`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        this.child.stdout.off("data", look);
        this.child.off("exit", onExit);
      };
      if (look()) return;
      this.child.stdout.on("data", look);
      this.child.once("exit", onExit);
    });
  }

  /** Types a line on the process's stdin. */
  type(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }

  /** Ctrl-C: SIGINT to the whole process group, as a terminal sends it. */
  interrupt(): void {
    this.#signalGroup("SIGINT");
  }

  /** True while any process of the group (npx, tsx, the script) is alive. */
  get groupAlive(): boolean {
    try {
      process.kill(-this.child.pid!, 0);
      return true;
    } catch {
      return false;
    }
  }

  /** Resolves once every process of the group has exited, or rejects after `timeoutMs`. */
  async groupExited(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.groupAlive) {
      if (Date.now() > deadline) throw new Error(`process group still alive after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Ends the whole process group for good (test cleanup). */
  async kill(): Promise<void> {
    this.#signalGroup("SIGKILL");
    await this.exited;
    await this.groupExited();
  }

  #signalGroup(signal: NodeJS.Signals): void {
    try {
      process.kill(-this.child.pid!, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
    }
  }
}
