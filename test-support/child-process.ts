import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";

/** A child process whose stdout lines can be awaited; for tests that kill, freeze and restart real processes. */
export class LineProcess {
  readonly child: ChildProcess;
  readonly lines: string[] = [];
  readonly exited: Promise<number | null>;
  /** The last few kilobytes of stderr, for failure messages. */
  stderrTail = "";
  /** Index of the first line `next` has not consumed yet. */
  #cursor = 0;
  #wake: (() => void) | null = null;

  /**
   * `detached` runs the command in its own process group and sends signals to the whole group, as a
   * terminal's Ctrl-C does: needed for wrappers such as `npm start` that run the real program as a child.
   */
  constructor(
    command: string,
    args: string[],
    private readonly options: { env?: NodeJS.ProcessEnv; cwd?: string; detached?: boolean } = {},
  ) {
    this.child = spawn(command, args, {
      cwd: options.cwd ?? process.cwd(),
      env: { ...process.env, ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
      detached: options.detached ?? false,
    });
    this.exited = new Promise((resolve) => this.child.once("exit", (code) => resolve(code)));
    createInterface({ input: this.child.stdout! }).on("line", (line) => {
      this.lines.push(line);
      this.#wake?.();
    });
    this.child.stderr!.on("data", (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString()).slice(-4000);
      if (process.env.LINLI_TEST_VERBOSE) process.stderr.write(chunk);
    });
    this.child.once("exit", () => this.#wake?.());
  }

  /** Resolves with the first line, seen or still to come, that matches; consumes nothing. */
  waitFor(pattern: RegExp, timeoutMs = 20_000): Promise<RegExpMatchArray> {
    return this.#scan(pattern, timeoutMs, false);
  }

  /** Resolves with the next matching line after the last one `next` returned, and consumes up to it. */
  next(pattern: RegExp, timeoutMs = 20_000): Promise<RegExpMatchArray> {
    return this.#scan(pattern, timeoutMs, true);
  }

  async #scan(pattern: RegExp, timeoutMs: number, consume: boolean): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    let index = consume ? this.#cursor : 0;
    for (;;) {
      for (; index < this.lines.length; index++) {
        const match = this.lines[index]!.match(pattern);
        if (match) {
          if (consume) this.#cursor = index + 1;
          return match;
        }
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0)
        throw new Error(`no line matching ${pattern} within ${timeoutMs} ms\n${this.stderrTail}`);
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        throw new Error(
          `the process ended (${this.child.exitCode ?? this.child.signalCode}) before a line matching ${pattern}\n${this.stderrTail}`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        const previous = this.#wake;
        this.#wake = () => {
          clearTimeout(timer);
          this.#wake = previous;
          previous?.();
          resolve();
        };
      });
    }
  }

  write(line: string): void {
    this.child.stdin!.write(`${line}\n`);
  }

  signal(signal: NodeJS.Signals): void {
    if (this.options.detached && this.child.pid) process.kill(-this.child.pid, signal);
    else this.child.kill(signal);
  }

  async kill(): Promise<void> {
    if (this.options.detached && this.child.pid) {
      try {
        process.kill(-this.child.pid, "SIGKILL");
      } catch {
        // The group is already gone.
      }
    } else if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill("SIGKILL");
    }
    await this.exited;
  }
}

/** `npx tsx <file>` as a LineProcess. */
export function tsx(file: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): LineProcess {
  return new LineProcess(process.execPath, ["--import", "tsx", file, ...args], { env });
}
